import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { StackTemplate, TemplateResource, UNRESOLVED } from '../../pack/template-model';
import { headerAbsentMatch, isSecretHeaderMatch, ManagedGroupUse, managedGroupUses, wafPresetOf, webAclRules } from '../../pack/web-acl';
import { WAF_IP_LIST_GROUPS, WAF_PRESET_MANAGED_GROUPS } from '../../baseline/waf-preset';

/** The web ACL carries the AWS managed rule groups of its preset. */
export const WafManagedRuleGroups: ElectionRule = {
  name: 'WafManagedRuleGroups',
  level: NagMessageLevel.ERROR,
  info: "The web ACL lacks an AWS managed rule group its 'election:waf-preset' requires, or scopes one down.",
  explanation:
    'AWS managed rule groups stop SQL injection (Illinois 2016) and scraping through VPNs (CISA AA20-304A). ' +
    "Passes: each group of the ACL's preset as a rule's own statement, without a scope-down.",
  rationale:
    'The Illinois injection was in a registration lookup and the 2020 scraping came through hosting providers ' +
    'as well as VPNs; the managed groups stop both without the office writing signatures. Preset portal (also ' +
    'the judgement for a web ACL with no or an unknown preset): CommonRuleSet, SQLiRuleSet, ' +
    'KnownBadInputsRuleSet, AmazonIpReputationList and AnonymousIpList. Preset results (read-only sites): ' +
    "CommonRuleSet, KnownBadInputsRuleSet and AmazonIpReputationList. A rule's own statement is a " +
    'ManagedRuleGroupStatement with VendorName AWS; one nested in another statement does not count, and a ' +
    'ScopeDownStatement can narrow a group to nothing. One exception: on a REGIONAL web ACL behind ' +
    'CloudFront, which sees edge addresses, the two IP-list groups may be scoped down to requests without the ' +
    "proxy's secret header, in exactly the shape ElectionWebAcl's originVerification renders: a NotStatement " +
    'of a ByteMatchStatement on a SingleHeader, PositionalConstraint EXACTLY, TextTransformations NONE, and ' +
    'as SearchString a {{resolve:secretsmanager:...}} dynamic reference. Only requests that lack the secret ' +
    "come from their source address; the CLOUDFRONT web ACL judges viewers' real addresses. Any other " +
    'scope-down (a user-agent, a path, a CONTAINS match, a literal value) can narrow the group to nothing and ' +
    'is a finding. Waive only for a scope-down the office has shown to exclude no traffic the group should ' +
    'judge.',
  controls: ['NIST-800-53-r5:SI-10', 'NIST-800-53-r5:SI-4', 'NIST-800-53-r5:SC-7', 'CISA-CPG:2.W', 'CISA-CPG:3.A', 'CIS-v8:13.10'],
  resourceTypes: ['AWS::WAFv2::WebACL'],
  waivable: true,
  faultPath: () => 'Properties.Rules',
  check: wafManagedRuleGroups,
};

function wafManagedRuleGroups(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const rules = webAclRules(resource);
  if (rules === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  const regional = resource.properties.Scope === 'REGIONAL';
  const present = new Set(managedGroupUses(rules)
    .filter((u) => u.vendor === 'AWS' && judgesAllItShould(u, regional, template))
    .map((u) => u.name));
  const required = WAF_PRESET_MANAGED_GROUPS[wafPresetOf(resource)];
  return required.every((group) => present.has(group)) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

/** No scope-down, or an IP-list group on a REGIONAL web ACL scoped to requests without the proxy's secret header. */
function judgesAllItShould(use: ManagedGroupUse, regional: boolean, template: StackTemplate): boolean {
  const scopeDown = use.statement.ScopeDownStatement;
  if (scopeDown === undefined) return true;
  if (!regional || !WAF_IP_LIST_GROUPS.includes(use.name ?? '')) return false;
  // Exactly the origin check ElectionWebAcl renders: any looser match (a user-agent CONTAINS "/") narrows the group to nothing.
  const match = headerAbsentMatch(scopeDown);
  return match !== undefined && isSecretHeaderMatch(match, template);
}
