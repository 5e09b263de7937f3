import { asList, isIntrinsic, isObject, JsonObject } from '../baseline/intrinsics';
import { policyStatements } from './policy-document';
import { TemplateResource, UNRESOLVED } from './template-model';

/**
 * Reading the permissions an IAM resource carries in the template: the
 * documents of `AWS::IAM::Policy` and `AWS::IAM::ManagedPolicy`, and the
 * inline `Policies` of a role, user or group.
 */

/**
 * The statements of every permission document `resource` carries, or
 * UNRESOLVED when a document, the `Policies` list or one of its entries is
 * an intrinsic the template does not resolve.
 */
export function permissionStatements(resource: TemplateResource): JsonObject[] | typeof UNRESOLVED {
  const p = resource.properties;
  const documents: unknown[] = [];
  if (p.PolicyDocument !== undefined) documents.push(p.PolicyDocument);
  if (p.Policies !== undefined) {
    if (isIntrinsic(p.Policies) || !Array.isArray(p.Policies)) return UNRESOLVED;
    for (const policy of p.Policies) {
      if (!isObject(policy) || isIntrinsic(policy)) return UNRESOLVED;
      documents.push(policy.PolicyDocument ?? {});
    }
  }
  const statements: JsonObject[] = [];
  for (const document of documents) {
    const list = policyStatements(document);
    if (list === UNRESOLVED) return UNRESOLVED;
    statements.push(...list);
  }
  return statements;
}

/** The entries of `ManagedPolicyArns`, or UNRESOLVED when the list itself is an intrinsic. */
export function managedPolicyArns(resource: TemplateResource): unknown[] | typeof UNRESOLVED {
  const arns = resource.properties.ManagedPolicyArns;
  if (isIntrinsic(arns)) return UNRESOLVED;
  return asList(arns);
}

/** Whether a statement grants (a Deny never does; an Effect that is not literally Deny is taken to allow, failing closed). */
export function grants(statement: JsonObject): boolean {
  return statement.Effect !== 'Deny';
}
