import { at, isIntrinsic, isObject, JsonObject, literalBoolean } from '../baseline/intrinsics';
import { policyStatements } from './policy-document';
import { TemplateResource, UNRESOLVED } from './template-model';

/** The search domain types the OpenSearch rules judge: the service and its legacy Elasticsearch name. */
export const SEARCH_DOMAIN_TYPES: readonly string[] = ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'];

/**
 * Whether fine-grained access control makes every request carry an
 * identity: `AdvancedSecurityOptions.Enabled` is literally true and
 * `AnonymousAuthEnabled` (which serves unauthenticated requests as a role)
 * is not. A value the template does not resolve reads as off (fail closed).
 */
export function identityEnforced(domain: TemplateResource): boolean {
  const options = domain.properties.AdvancedSecurityOptions;
  if (!isObject(options) || isIntrinsic(options)) return false;
  if (literalBoolean(options.Enabled) !== true) return false;
  return options.AnonymousAuthEnabled === undefined || literalBoolean(options.AnonymousAuthEnabled) === false;
}

/**
 * Whether the domain is placed in a VPC: `VPCOptions.SubnetIds` is a
 * non-empty list or a list parameter or import. A `Fn::If` (which may drop
 * the VPC) reads as not placed.
 */
export function placedInVpc(domain: TemplateResource): boolean {
  const options = domain.properties.VPCOptions;
  if (!isObject(options) || isIntrinsic(options)) return false;
  const subnets = options.SubnetIds;
  if (Array.isArray(subnets)) return subnets.length > 0;
  return isIntrinsic(subnets) && at(subnets, 'Fn::If') === undefined;
}

/**
 * The statements of the domain's `AccessPolicies` (an object, or JSON text
 * as some templates write it); UNRESOLVED when the template does not resolve
 * them or the text is not JSON.
 */
export function accessPolicyStatements(domain: TemplateResource): JsonObject[] | typeof UNRESOLVED {
  let document = domain.properties.AccessPolicies;
  if (typeof document === 'string') {
    try {
      document = JSON.parse(document);
    } catch {
      return UNRESOLVED;
    }
  }
  return policyStatements(document);
}
