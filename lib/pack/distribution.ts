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
