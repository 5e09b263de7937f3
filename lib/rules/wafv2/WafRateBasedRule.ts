import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { isIntrinsic, isObject, JsonObject, literalNumber } from '../../pack/intrinsics';
import { TemplateResource, UNRESOLVED } from '../../pack/template-model';
import { actionKind, wafPresetOf, webAclRules } from '../../pack/web-acl';
import { RATE_CEILING_WINDOW_SECONDS, WAF_PRESET_RATE_CEILING, WebAclPreset } from '../../waf-preset';

/** The web ACL limits how fast any one client may send requests. */
export const WafRateBasedRule: ElectionRule = {
  name: 'WafRateBasedRule',
  level: NagMessageLevel.ERROR,
  info:
    'The web ACL has no rate-based rule that blocks (or challenges) a single IP address over a literal limit at or under ' +
    `its preset's ceiling (portal ${WAF_PRESET_RATE_CEILING[WebAclPreset.PORTAL]}, results ${WAF_PRESET_RATE_CEILING[WebAclPreset.RESULTS]} requests per 5 minutes).`,
  explanation:
    'Single-IP floods and the automated lookups of CISA AA20-304A send far more requests than any voter. A rate-based ' +
    'rule per client address caps them before they take a results site or registration portal down on election ' +
    'day, as the 2022 DDoS attempts tried to. At least one rule needs a RateBasedStatement with a literal Limit ' +
    'between 10 and 2,000,000,000, EvaluationWindowSec absent (300) or one of 60, 120, 300, 600, aggregation by IP, ' +
    'FORWARDED_IP or CUSTOM_KEYS that include the IP, and action Block, Captcha or Challenge (Count only watches). ' +
    'A limit so high it never trips is no limit: scaled to five minutes, the limit may not exceed ' +
    `${WAF_PRESET_RATE_CEILING[WebAclPreset.PORTAL]} for the portal preset (a voter filling in a form makes a few dozen requests; ` +
    `a library behind one address a few hundred) or ${WAF_PRESET_RATE_CEILING[WebAclPreset.RESULTS]} for the results preset ` +
    '(newsrooms and carrier-grade NATs refreshing cached pages every 30 seconds). An untagged web ACL is judged as portal.',
  controls: ['NIST-800-53-r5:SC-5', 'NIST-800-53-r5:SC-5(2)', 'NIST-800-53-r5:AC-7', 'CISA-CPG:2.G', 'CISA-CPG:2.W'],
  resourceTypes: ['AWS::WAFv2::WebACL'],
  waivable: true,
  check: wafRateBasedRule,
};

const ENFORCING_ACTIONS = ['Block', 'Captcha', 'Challenge'];
const WINDOWS = [60, 120, 300, 600];
const MAX_LIMIT = 2_000_000_000;

function wafRateBasedRule(resource: TemplateResource): NagRuleCompliance {
  const rules = webAclRules(resource);
  if (rules === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  const ceiling = WAF_PRESET_RATE_CEILING[wafPresetOf(resource)];
  return rules.some((rule) => limitsEachClient(rule, ceiling)) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

function limitsEachClient(rule: JsonObject, ceiling: number): boolean {
  const statement = isObject(rule.Statement) ? rule.Statement.RateBasedStatement : undefined;
  if (!isObject(statement) || isIntrinsic(statement)) return false;
  const action = actionKind(rule.Action);
  if (action === undefined || !ENFORCING_ACTIONS.includes(action)) return false;
  const limit = literalNumber(statement.Limit);
  if (limit === undefined || limit < 10 || limit > MAX_LIMIT) return false;
  const window = statement.EvaluationWindowSec === undefined ? RATE_CEILING_WINDOW_SECONDS : literalNumber(statement.EvaluationWindowSec) ?? -1;
  if (!WINDOWS.includes(window)) return false;
  if ((limit * RATE_CEILING_WINDOW_SECONDS) / window > ceiling) return false;
  return aggregatesByClientAddress(statement);
}

function aggregatesByClientAddress(statement: JsonObject): boolean {
  const type = statement.AggregateKeyType;
  if (type === 'IP' || type === 'FORWARDED_IP') return true;
  if (type !== 'CUSTOM_KEYS' || !Array.isArray(statement.CustomKeys)) return false;
  return statement.CustomKeys.some((key) => isObject(key) && (key.IP !== undefined || key.ForwardedIP !== undefined));
}
