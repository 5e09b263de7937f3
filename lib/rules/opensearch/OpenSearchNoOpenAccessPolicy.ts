import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { accessPolicyStatements, identityEnforced, SEARCH_DOMAIN_TYPES } from '../../pack/opensearch-domain';
import { hasWildcardPrincipal, limitsToAgency } from '../../pack/policy-document';
import { StackTemplate, TemplateResource, UNRESOLVED } from '../../pack/template-model';

/** No search domain lets anyone query it without an identity. */
export const OpenSearchNoOpenAccessPolicy: ElectionRule = {
  name: 'OpenSearchNoOpenAccessPolicy',
  level: NagMessageLevel.ERROR,
  info:
    'The search domain\'s AccessPolicies allow a wildcard principal without a condition naming the agency, and ' +
    'fine-grained access control does not require an identity.',
  explanation:
    'An open domain serves its index to anyone who reaches it. "*" passes only with a condition naming one account or ' +
    'organization, or under fine-grained access control without anonymous auth. An IP range is not an identity.',
  controls: ['NIST-800-53-r5:AC-3', 'NIST-800-53-r5:AC-6', 'NIST-800-53-r5:IA-2', 'CISA-CPG:2.W', 'CIS-v8:3.3'],
  resourceTypes: [...SEARCH_DOMAIN_TYPES],
  waivable: true,
  faultPath: () => 'Properties.AccessPolicies',
  check: openSearchNoOpenAccessPolicy,
};

function openSearchNoOpenAccessPolicy(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const statements = accessPolicyStatements(resource);
  if (statements === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  const open = statements.some((s) => s.Effect !== 'Deny' && hasWildcardPrincipal(s) && !limitsToAgency(s.Condition, template));
  return open && !identityEnforced(resource) ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
}
