import { isIntrinsic, isObject, JsonObject } from '../baseline/intrinsics';
import { hasWildcardPrincipal, limitsToAgency, policyStatements } from './policy-document';
import { StackTemplate, UNRESOLVED } from './template-model';

/**
 * Whether a resource policy (an object, or a JSON string as EFS and Backup
 * accept) allows a wildcard principal without a condition naming the agency.
 * `narrows` lets a service add a condition of its own that confines the
 * principal. A document the template does not resolve, or a string that is
 * not JSON, counts as open (fail closed).
 */
export function resourcePolicyIsOpen(
  policy: unknown,
  template: StackTemplate,
  narrows: (statement: JsonObject) => boolean = () => false,
): boolean {
  if (policy === undefined) return false;
  let document: unknown = policy;
  if (typeof document === 'string') {
    try {
      document = JSON.parse(document);
    } catch {
      return true;
    }
  }
  if (!isObject(document) || isIntrinsic(document)) return true;
  const statements = policyStatements(document);
  if (statements === UNRESOLVED) return true;
  return statements.some((s) => s.Effect !== 'Deny' && hasWildcardPrincipal(s) && !limitsToAgency(s.Condition, template) && !narrows(s));
}
