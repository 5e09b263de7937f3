import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { isIntrinsic, isObject } from '../../baseline/intrinsics';
import { TemplateResource, UNRESOLVED } from '../../pack/template-model';
import { ManagedGroupUse, managedGroupUses, webAclRulePath, webAclRules } from '../../pack/web-acl';
import { actionKind } from '../../baseline/waf-rule-order';
import { BASELINE_MANAGED_GROUPS, WAF_COUNT_OVERRIDE_ALLOWED, WAF_IP_LIST_GROUPS } from '../../baseline/waf-preset';

/** The baseline's managed rule groups block; they are not left counting. */
export const WafNoCountOverride: ElectionRule = {
  name: 'WafNoCountOverride',
  level: NagMessageLevel.ERROR,
  info: 'A baseline managed rule group of the web ACL only counts (OverrideAction Count), or some of its rules are overridden to an action other than Block.',
  explanation:
    'A rule group in count mode logs a SQL injection and lets it through. Passes: baseline groups keep Block; ' +
    'only the IP-list groups may use Captcha or Challenge, and SizeRestrictions_BODY may count.',
  rationale:
    'Monitor mode, which would let an injection of the Illinois 2016 kind through, is useful for a week of ' +
    'tuning before an election, never during one. OverrideAction Count on a baseline group, and ' +
    'RuleActionOverrides or ExcludedRules that turn its rules to Count or Allow, are findings; so the ' +
    "library's explicit monitorMode opt-out shows up here. The content groups (Common, SQLi, KnownBadInputs) " +
    'must keep Block: a rule overridden to Captcha or Challenge lets through any request that carries a ' +
    'solved token, so one solved puzzle (or a token from the challenge script) opens the registration API to ' +
    'SQL injection, and API clients cannot solve a CAPTCHA at all. The IP-list groups ' +
    '(AmazonIpReputationList, AnonymousIpList) may override rules to Captcha or Challenge: a person behind a ' +
    'VPN or hosting address, such as an overseas voter (UOCAVA), can still get through, while scripted pulls ' +
    "(CISA AA20-304A) are stopped. One documented exception: CommonRuleSet's SizeRestrictions_BODY may count, " +
    'since it blocks request bodies over 8 KB and with them registration forms that upload a signature or an ' +
    'ID scan. Bot Control, ATP and ACFP are not baseline groups and may keep their Captcha and Challenge ' +
    'actions. Overrides given by intrinsics cannot be checked and fail.',
  controls: ['NIST-800-53-r5:SI-10', 'NIST-800-53-r5:SC-7', 'NIST-800-53-r5:CM-6', 'CISA-CPG:2.W', 'CIS-v8:13.10'],
  resourceTypes: ['AWS::WAFv2::WebACL'],
  waivable: true,
  faultPath: countOverrideFaultPath,
  check: wafNoCountOverride,
};

/** Actions a baseline group's rules may be overridden to: IP lists may ask a person to prove it, content groups must block. */
const IP_LIST_ACTIONS = ['Block', 'Captcha', 'Challenge'];
const CONTENT_ACTIONS = ['Block'];

function wafNoCountOverride(resource: TemplateResource): NagRuleCompliance {
  const rules = webAclRules(resource);
  if (rules === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  const baselineUses = managedGroupUses(rules).filter((u) => u.vendor === 'AWS' && BASELINE_MANAGED_GROUPS.includes(u.name ?? ''));
  return baselineUses.every(enforces) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

function enforces(use: ManagedGroupUse): boolean {
  if (use.rule.OverrideAction !== undefined && actionKind(use.rule.OverrideAction) !== 'None') return false;
  const allowed = WAF_COUNT_OVERRIDE_ALLOWED[use.name ?? ''] ?? [];
  const actions = WAF_IP_LIST_GROUPS.includes(use.name ?? '') ? IP_LIST_ACTIONS : CONTENT_ACTIONS;
  const overrides = use.statement.RuleActionOverrides;
  if (overrides !== undefined) {
    if (!Array.isArray(overrides)) return false;
    for (const override of overrides) {
      if (!isObject(override) || isIntrinsic(override)) return false;
      const action = actionKind(override.ActionToUse);
      if (action !== undefined && actions.includes(action)) continue;
      if (action === 'Count' && allowed.includes(override.Name as string)) continue;
      return false;
    }
  }
  // ExcludedRules is the older spelling of "count these rules".
  const excluded = use.statement.ExcludedRules;
  if (excluded !== undefined) {
    if (!Array.isArray(excluded)) return false;
    if (!excluded.every((rule) => isObject(rule) && allowed.includes(rule.Name as string))) return false;
  }
  return true;
}

/** The first baseline managed group that does not enforce. */
function countOverrideFaultPath(resource: TemplateResource): string {
  const rules = webAclRules(resource);
  const uses = rules === UNRESOLVED ? [] : managedGroupUses(rules).filter((u) => u.vendor === 'AWS' && BASELINE_MANAGED_GROUPS.includes(u.name ?? ''));
  return webAclRulePath(resource, uses.find((use) => !enforces(use))?.rule);
}
