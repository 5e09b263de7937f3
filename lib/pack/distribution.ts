import { isIntrinsic, isObject, JsonObject } from './intrinsics';
import { TemplateResource, UNRESOLVED } from './template-model';

/** Reading an `AWS::CloudFront::Distribution` as the template carries it. */

/** `DistributionConfig`, or UNRESOLVED when it is missing or an intrinsic. */
export function distributionConfig(resource: TemplateResource): JsonObject | typeof UNRESOLVED {
  const config = resource.properties.DistributionConfig;
  return isObject(config) && !isIntrinsic(config) ? config : UNRESOLVED;
}

/** The default cache behavior, or UNRESOLVED when it is missing or an intrinsic. */
export function defaultBehavior(config: JsonObject): JsonObject | typeof UNRESOLVED {
  const behavior = config.DefaultCacheBehavior;
  return isObject(behavior) && !isIntrinsic(behavior) ? behavior : UNRESOLVED;
}

/** The default cache behavior followed by every additional one, or UNRESOLVED when any is an intrinsic. */
export function allBehaviors(config: JsonObject): JsonObject[] | typeof UNRESOLVED {
  const first = defaultBehavior(config);
  if (first === UNRESOLVED) return UNRESOLVED;
  const others = listOfObjects(config.CacheBehaviors);
  return others === UNRESOLVED ? UNRESOLVED : [first, ...others];
}

/** The origins, or UNRESOLVED when the list or any origin is an intrinsic. */
export function origins(config: JsonObject): JsonObject[] | typeof UNRESOLVED {
  return listOfObjects(config.Origins);
}

function listOfObjects(value: unknown): JsonObject[] | typeof UNRESOLVED {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => isObject(v) && !isIntrinsic(v))) return UNRESOLVED;
  return value as JsonObject[];
}

/** What CloudFront accepts when a behavior's `AllowedMethods` is absent. */
const DEFAULT_ALLOWED_METHODS = ['GET', 'HEAD'];
const READ_ONLY_METHODS = new Set(DEFAULT_ALLOWED_METHODS);

/**
 * Whether a behavior accepts only GET and HEAD (AllowedMethods absent or exactly those):
 * CloudFront refuses every other method, and a GET that carries a body, with 403.
 * An intrinsic or any other method (OPTIONS included) is not read-only.
 */
export function isReadOnlyBehavior(behavior: JsonObject): boolean {
  const methods = behavior.AllowedMethods ?? DEFAULT_ALLOWED_METHODS;
  return Array.isArray(methods) && methods.every((m) => typeof m === 'string' && READ_ONLY_METHODS.has(m.toUpperCase()));
}

/** How a finding names a behavior: its PathPattern, or `default`. */
export function behaviorLabel(behavior: JsonObject, index: number): string {
  if (index === 0) return 'default';
  return typeof behavior.PathPattern === 'string' ? behavior.PathPattern : `CacheBehaviors[${index - 1}]`;
}

/** Methods that read: a behavior that allows only these takes no writes. */
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a behavior surely takes writes: its AllowedMethods is a literal list with a method
 * beyond GET, HEAD and OPTIONS. An intrinsic might not, so it does not count.
 */
export function acceptsWrites(behavior: JsonObject): boolean {
  const methods = behavior.AllowedMethods;
  return Array.isArray(methods) && methods.some((m) => typeof m === 'string' && !READ_METHODS.has(m.toUpperCase()));
}
