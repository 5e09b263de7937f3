import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { isIntrinsic, isObject, JsonObject } from '../../pack/intrinsics';
import { TemplateResource, UNRESOLVED } from '../../pack/template-model';
import { actionKind, rulePriority, webAclRules } from '../../pack/web-acl';

/** No Allow rule of the web ACL is evaluated before its managed rule groups or rate limit. */
export const WafNoAllowBypass: ElectionRule = {
  name: 'WafNoAllowBypass',
  level: NagMessageLevel.ERROR,
  info: 'A rule with action Allow comes before (has a lower Priority than) a managed rule group or the rate-based rule of the web ACL.',
  explanation:
    'Allow ends evaluation: a request an Allow rule matches is never seen by the rules after it. An Allow placed ' +
    'before the managed rule groups or the rate-based rule therefore exempts its traffic from SQL injection checks ' +
    '(the 2016 Illinois registration breach), the IP-reputation and anonymous-IP lists that answer scripted voter-data ' +
    'pulls (CISA AA20-304A) and the flood limit (election-day DDoS, 2022). A rule "allow every path starting with /", ' +
    '"allow POST" or "allow when header x-debug is 1" turns the whole web ACL off for whoever knows it. A rule whose ' +
    'Action is Allow must have a higher Priority than every rule whose statement is a ManagedRuleGroupStatement or a ' +
    'RateBasedStatement; Allow rules after them (an allow-list under a default Block) are fine. A Priority, Action or ' +
    'Statement given by an intrinsic cannot be ordered and fails. Waive only for a narrowly scoped allow that must ' +
    'precede the protections, such as an uptime probe matched by an IP set of the monitoring vendor and a fixed path, ' +
    'and say so in the reason; prefer placing it after them.',
  controls: ['NIST-800-53-r5:SC-7', 'NIST-800-53-r5:SI-10', 'NIST-800-53-r5:SC-5', 'NIST-800-53-r5:CM-6', 'CISA-CPG:2.W'],
  resourceTypes: ['AWS::WAFv2::WebACL'],
  waivable: true,
  check: wafNoAllowBypass,
};

/** A rule's standing: its priority (undefined when not a literal), whether it may allow, whether it may protect. */
interface Ranked {
  readonly priority?: number;
  readonly allows: boolean;
  readonly protects: boolean;
}

function wafNoAllowBypass(resource: TemplateResource): NagRuleCompliance {
  const rules = webAclRules(resource);
  if (rules === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  const ranked = rules.map(rank);
  const allows = ranked.filter((r) => r.allows);
  const protections = ranked.filter((r) => r.protects);
  for (const allow of allows) {
    for (const protection of protections) {
      if (allow === protection) continue;
      // Unknown order fails closed; WAF rejects equal priorities, which are judged as the Allow first.
      if (allow.priority === undefined || protection.priority === undefined || allow.priority <= protection.priority) {
        return NagRuleCompliance.NON_COMPLIANT;
      }
    }
  }
  return NagRuleCompliance.COMPLIANT;
}

/** An unknown action may allow and an unknown statement may protect: either way the rule is ordered conservatively. */
function rank(rule: JsonObject): Ranked {
  const action = actionKind(rule.Action);
  const allows = rule.Action !== undefined && (action === undefined || action === 'Allow');
  const statement = rule.Statement;
  const protects = !isObject(statement) || isIntrinsic(statement)
    || statement.ManagedRuleGroupStatement !== undefined || statement.RateBasedStatement !== undefined;
  return { priority: rulePriority(rule), allows, protects };
}
