import { DataClass } from '../baseline/data-class';
import { requiredForClass } from './data-class-of';
import { isIntrinsic, isObject, JsonObject } from '../baseline/intrinsics';
import { TemplateResource, UNRESOLVED } from './template-model';

/** Reading `AWS::DynamoDB::Table` and `AWS::DynamoDB::GlobalTable` as the template carries them. */

export const GLOBAL_TABLE = 'AWS::DynamoDB::GlobalTable';

/** A global table's replicas, or UNRESOLVED when the list is missing, empty or holds an intrinsic. */
export function replicas(resource: TemplateResource): JsonObject[] | typeof UNRESOLVED {
  const list = resource.properties.Replicas;
  if (!Array.isArray(list) || list.length === 0 || !list.every((r) => isObject(r) && !isIntrinsic(r))) return UNRESOLVED;
  return list as JsonObject[];
}

/**
 * Whether a class-dependent requirement applies to a table. A global table
 * carries its tags on each replica: it is judged by the strictest replica.
 */
export function tableRequiredForClass(resource: TemplateResource, classes: readonly DataClass[]): boolean {
  if (resource.type !== GLOBAL_TABLE) return requiredForClass(resource, classes);
  const list = replicas(resource);
  if (list === UNRESOLVED) return true;
  return list.some((replica) => requiredForClass({ ...resource, properties: { Tags: replica.Tags } }, classes));
}

/**
 * Whether `holds` is true of a table's own properties, or, for a global
 * table, of every replica's. UNRESOLVED replicas fail.
 */
export function everyReplica(resource: TemplateResource, holds: (properties: JsonObject) => boolean): boolean {
  if (resource.type !== GLOBAL_TABLE) return holds(resource.properties);
  const list = replicas(resource);
  return list !== UNRESOLVED && list.every(holds);
}

/**
 * The policy documents a table carries: the table's and its stream's
 * `ResourcePolicy.PolicyDocument`, or every replica's and replica stream's for
 * a global table. A `ResourcePolicy` or stream setting that is an intrinsic
 * stands as itself (unresolved); UNRESOLVED when the replicas are.
 */
export function resourcePolicyDocuments(resource: TemplateResource): unknown[] | typeof UNRESOLVED {
  let holders: unknown[];
  if (resource.type === GLOBAL_TABLE) {
    const list = replicas(resource);
    if (list === UNRESOLVED) return UNRESOLVED;
    holders = list.flatMap((replica) => [replica, replica.ReplicaStreamSpecification]);
  } else {
    holders = [resource.properties, resource.properties.StreamSpecification];
  }
  return holders.flatMap((holder) => {
    if (holder === undefined) return [];
    if (!isObject(holder) || isIntrinsic(holder)) return [holder];
    const policy = holder.ResourcePolicy;
    if (policy === undefined) return [];
    return [isObject(policy) && !isIntrinsic(policy) ? policy.PolicyDocument : policy];
  });
}

/** Where a table sets `property`, for a rule's `faultPath`: on a global table, in each of its `Replicas`. */
export function tablePropertyPath(resource: TemplateResource, property: string): string {
  return resource.type === GLOBAL_TABLE ? 'Properties.Replicas' : `Properties.${property}`;
}
