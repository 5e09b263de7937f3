import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { isIntrinsic, isObject, JsonObject, literalNumber } from '../../baseline/intrinsics';
import { TemplateResource, UNRESOLVED } from '../../pack/template-model';
import { wafPresetOf, webAclRules } from '../../pack/web-acl';
import { actionKind } from '../../baseline/waf-rule-order';
import { WebAclPreset } from '../../baseline/waf-preset';
import { DEFAULT_RATE_WINDOW_SECONDS, MAX_RATE_LIMIT, MIN_RATE_LIMIT, RATE_WINDOWS_SECONDS, WAF_PRESET_RATE_CEILING, withinRateCeiling } from '../../baseline/waf-rate-limits';

/** The web ACL limits how fast any one client may send requests. */
export const WafRateBasedRule: ElectionRule = {
  name: 'WafRateBasedRule',
  level: NagMessageLevel.ERROR,
  info:
    'The web ACL has no rate-based rule, without scope-down, that blocks (or challenges) each client address over a literal limit at or under ' +
    `its preset's ceiling (portal ${WAF_PRESET_RATE_CEILING[WebAclPreset.PORTAL]}, results ${WAF_PRESET_RATE_CEILING[WebAclPreset.RESULTS]} requests per 5 minutes).`,
  explanation:
    'Floods and scripted lookups send far more requests than any voter. Passes: an unscoped per-address ' +
    `rate-based rule that blocks or challenges within ${WAF_PRESET_RATE_CEILING[WebAclPreset.PORTAL]} (portal) ` +
    `or ${WAF_PRESET_RATE_CEILING[WebAclPreset.RESULTS]} (results) per 5 minutes.`,
  rationale:
    'A rate-based rule per client address caps single-IP floods and the automated lookups of CISA AA20-304A ' +
    'before they take a results site or registration portal down on election day, as the 2022 DDoS attempts ' +
    'tried to. At least one rule needs a RateBasedStatement with a literal Limit between 10 and ' +
    '2,000,000,000, EvaluationWindowSec absent (300) or one of 60, 120, 300, 600, action Block, Captcha or ' +
    'Challenge (Count only watches), and no ScopeDownStatement: a scoped-down rule limits only the traffic ' +
    'its scope matches (a path no one requests limits nothing), so a scoped rule counts only beside an ' +
    'unscoped one. It must count each client address alone: AggregateKeyType IP, or CUSTOM_KEYS with the ' +
    'single key IP. Extra keys (a query string, a header, a path) give each client one bucket per value it ' +
    "chooses, so ?n=1, ?n=2... never trips. A CLOUDFRONT web ACL sees the viewer's real address and must use " +
    'it: FORWARDED_IP reads X-Forwarded-For, which the viewer writes, so rotating it dodges the limit. A ' +
    'REGIONAL web ACL behind CloudFront sees only edge addresses and may aggregate by FORWARDED_IP (or the ' +
    'single custom key ForwardedIP): a viewer who forges X-Forwarded-For can dodge that rule, but it is the ' +
    'second line, since the CLOUDFRONT web ACL in front rate-limits the real viewer addresses. A web ACL ' +
    'whose Scope is not a literal is judged as CLOUDFRONT. A limit so high it never trips is no limit, so the ' +
    'limit is scaled to five minutes and capped: on the portal a voter filling in a form makes a few dozen ' +
    'requests and a library behind one address a few hundred; on results sites, newsrooms and carrier-grade ' +
    'NATs refresh cached pages every 30 seconds. An untagged web ACL is judged as portal.',
  controls: ['NIST-800-53-r5:SC-5', 'NIST-800-53-r5:SC-5(2)', 'NIST-800-53-r5:AC-7', 'CISA-CPG:2.G', 'CISA-CPG:2.W', 'CIS-v8:13.10'],
  resourceTypes: ['AWS::WAFv2::WebACL'],
  waivable: true,
  faultPath: () => 'Properties.Rules',
  check: wafRateBasedRule,
};

const ENFORCING_ACTIONS = ['Block', 'Captcha', 'Challenge'];

function wafRateBasedRule(resource: TemplateResource): NagRuleCompliance {
  const rules = webAclRules(resource);
  if (rules === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  const preset = wafPresetOf(resource);
  // Only a REGIONAL web ACL (behind a proxy) may read the client address from a header.
  const regional = resource.properties.Scope === 'REGIONAL';
  return rules.some((rule) => limitsEachClient(rule, preset, regional)) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

function limitsEachClient(rule: JsonObject, preset: WebAclPreset, regional: boolean): boolean {
  const statement = isObject(rule.Statement) ? rule.Statement.RateBasedStatement : undefined;
  if (!isObject(statement) || isIntrinsic(statement)) return false;
  if (statement.ScopeDownStatement !== undefined) return false;
  const action = actionKind(rule.Action);
  if (action === undefined || !ENFORCING_ACTIONS.includes(action)) return false;
  const limit = literalNumber(statement.Limit);
  if (limit === undefined || limit < MIN_RATE_LIMIT || limit > MAX_RATE_LIMIT) return false;
  const window = statement.EvaluationWindowSec === undefined ? DEFAULT_RATE_WINDOW_SECONDS : literalNumber(statement.EvaluationWindowSec) ?? -1;
  if (!RATE_WINDOWS_SECONDS.includes(window)) return false;
  if (!withinRateCeiling(limit, window, preset)) return false;
  return aggregatesByClientAddress(statement, regional);
}

/** Counted per client address alone: the source IP, or on a REGIONAL web ACL the forwarded one. */
function aggregatesByClientAddress(statement: JsonObject, regional: boolean): boolean {
  const type = statement.AggregateKeyType;
  if (type === 'IP') return true;
  if (type === 'FORWARDED_IP') return regional;
  if (type !== 'CUSTOM_KEYS' || !Array.isArray(statement.CustomKeys) || statement.CustomKeys.length !== 1) return false;
  const key = statement.CustomKeys[0];
  if (!isObject(key) || isIntrinsic(key) || Object.keys(key).length !== 1) return false;
  return key.IP !== undefined || (regional && key.ForwardedIP !== undefined);
}
