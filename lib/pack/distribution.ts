import { isIntrinsic, isObject, JsonObject } from '../baseline/intrinsics';
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

/** Where a distribution's configuration sits, from the resource. */
export const DISTRIBUTION_CONFIG_PATH = 'Properties.DistributionConfig';

/** Where the behavior at `index` of `allBehaviors` sits, from the resource. */
export function behaviorPath(index: number): string {
  return index === 0 ? `${DISTRIBUTION_CONFIG_PATH}.DefaultCacheBehavior` : `${DISTRIBUTION_CONFIG_PATH}.CacheBehaviors.${index - 1}`;
}

/**
 * The path of `field` in the first behavior that fails `passes` (for a rule's
 * `faultPath`); the configuration, or the behavior list, when the template
 * does not spell them out; undefined when every behavior passes.
 */
export function behaviorFaultPath(resource: TemplateResource, passes: (behavior: JsonObject) => boolean, field: string): string | undefined {
  const config = distributionConfig(resource);
  if (config === UNRESOLVED) return DISTRIBUTION_CONFIG_PATH;
  const behaviors = allBehaviors(config);
  if (behaviors === UNRESOLVED) return defaultBehavior(config) === UNRESOLVED ? behaviorPath(0) : `${DISTRIBUTION_CONFIG_PATH}.CacheBehaviors`;
  const index = behaviors.findIndex((behavior) => !passes(behavior));
  return index < 0 ? undefined : `${behaviorPath(index)}.${field}`;
}

/** The path of the first origin that fails `passes` (its `field` when given); the origin list when unresolved; undefined when all pass. */
export function originFaultPath(config: JsonObject, passes: (origin: JsonObject) => boolean, field?: string): string | undefined {
  const list = origins(config);
  if (list === UNRESOLVED) return `${DISTRIBUTION_CONFIG_PATH}.Origins`;
  const index = list.findIndex((origin) => !passes(origin));
  if (index < 0) return undefined;
  return field ? `${DISTRIBUTION_CONFIG_PATH}.Origins.${index}.${field}` : `${DISTRIBUTION_CONFIG_PATH}.Origins.${index}`;
}
