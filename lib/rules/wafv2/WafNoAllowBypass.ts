import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { TemplateResource, UNRESOLVED } from '../../pack/template-model';
import { allowBeforeProtection } from '../../baseline/waf-rule-order';
import { webAclRulePath, webAclRules } from '../../pack/web-acl';

/** No Allow rule of the web ACL is evaluated before its managed rule groups or rate limit. */
export const WafNoAllowBypass: ElectionRule = {
  name: 'WafNoAllowBypass',
  level: NagMessageLevel.ERROR,
  info: 'A rule with action Allow comes before (has a lower Priority than) a managed rule group or the rate-based rule of the web ACL.',
  explanation:
    'An Allow rule ends evaluation, so one placed first exempts its traffic from the managed groups and rate ' +
    'limit. Passes: every Allow rule has a higher Priority than each managed group and rate-based rule.',
  rationale:
    'That traffic escapes the SQL injection checks (the 2016 Illinois registration breach), the IP-reputation ' +
    'and anonymous-IP lists that answer scripted voter-data pulls (CISA AA20-304A) and the flood limit ' +
    '(election-day DDoS, 2022). A rule "allow every path starting with /", "allow POST" or "allow when header ' +
    'x-debug is 1" turns the whole web ACL off for whoever knows it. Allow rules after the managed groups and ' +
    'the rate-based rule (an allow-list under a default Block) are fine. A Priority, Action or Statement ' +
    'given by an intrinsic cannot be ordered and fails. Waive only for a narrowly scoped allow that must ' +
    'precede the protections, such as an uptime probe matched by an IP set of the monitoring vendor and a ' +
    'fixed path, and say so in the reason; prefer placing it after them.',
  controls: ['NIST-800-53-r5:SC-7', 'NIST-800-53-r5:SI-10', 'NIST-800-53-r5:SC-5', 'NIST-800-53-r5:CM-6', 'CISA-CPG:2.W', 'CIS-v8:13.10'],
  resourceTypes: ['AWS::WAFv2::WebACL'],
  waivable: true,
  faultPath: allowBypassFaultPath,
  check: wafNoAllowBypass,
};

function wafNoAllowBypass(resource: TemplateResource): NagRuleCompliance {
  const rules = webAclRules(resource);
  if (rules === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  return allowBeforeProtection(rules) === undefined ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

/** The first Allow rule that comes before a protection. */
function allowBypassFaultPath(resource: TemplateResource): string {
  const rules = webAclRules(resource);
  return webAclRulePath(resource, rules === UNRESOLVED ? undefined : allowBeforeProtection(rules)?.allow);
}
