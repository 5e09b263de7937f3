import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { isIntrinsic, isObject } from '../../baseline/intrinsics';
import { TemplateResource, UNRESOLVED } from '../../pack/template-model';
import { webAclRules } from '../../pack/web-acl';
import { actionKind } from '../../baseline/waf-rule-order';

/** The web ACL does not turn voters away by country. */
export const WafNoGeoBlocking: ElectionRule = {
  name: 'WafNoGeoBlocking',
  level: NagMessageLevel.ERROR,
  info: 'The web ACL blocks by country (a GeoMatchStatement in a Block rule, or in an Allow rule under a default Block).',
  explanation:
    'Blocking countries turns away overseas and military voters (UOCAVA) while attackers use a US VPN. Passes: ' +
    'no Block rule on a GeoMatchStatement, nor an Allow on one under a default Block.',
  rationale:
    'Those voters register, request ballots and check results from abroad; the attackers in CISA AA20-304A ' +
    'used US VPNs and hosting providers. The AWS anonymous-IP and IP-reputation lists and rate limits answer ' +
    'that threat without excluding voters. A GeoMatchStatement counts at any depth (NotStatement, ' +
    'AndStatement, OrStatement). A geo condition that only scopes a rate-based rule (a tighter limit for some ' +
    'countries) is not. An agency that must geo-restrict acknowledges this rule with its reason (the ' +
    "library's explicit geo-restriction opt-in).",
  controls: ['NIST-800-53-r5:SC-7', 'NIST-800-53-r5:CM-6', 'CISA-CPG:2.W'],
  resourceTypes: ['AWS::WAFv2::WebACL'],
  waivable: true,
  faultPath: () => 'Properties.Rules',
  check: wafNoGeoBlocking,
};

const NOT_JUDGED = Symbol('not judged');

function wafNoGeoBlocking(resource: TemplateResource): NagRuleCompliance {
  const rules = webAclRules(resource);
  if (rules === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  const defaultBlocks = actionKind(resource.properties.DefaultAction) === 'Block';
  for (const rule of rules) {
    const geo = usesGeoMatch(rule.Statement);
    if (geo === false) continue;
    if (geo === NOT_JUDGED) return NagRuleCompliance.NON_COMPLIANT;
    const action = actionKind(rule.Action);
    if (action === 'Block' || (action === 'Allow' && defaultBlocks)) return NagRuleCompliance.NON_COMPLIANT;
  }
  return NagRuleCompliance.COMPLIANT;
}

/** Whether a statement decides on the client's country; NOT_JUDGED when part of it is an intrinsic. */
function usesGeoMatch(statement: unknown): boolean | typeof NOT_JUDGED {
  if (!isObject(statement) || isIntrinsic(statement)) return NOT_JUDGED;
  if (statement.GeoMatchStatement !== undefined) return true;
  if (statement.RateBasedStatement !== undefined) return false; // a geo scope-down only tightens a rate limit
  const nested: unknown[] = [];
  if (isObject(statement.NotStatement)) nested.push(statement.NotStatement.Statement);
  for (const key of ['AndStatement', 'OrStatement']) {
    const compound = statement[key];
    if (isObject(compound)) {
      if (!Array.isArray(compound.Statements)) return NOT_JUDGED;
      nested.push(...compound.Statements);
    }
  }
  let result: boolean | typeof NOT_JUDGED = false;
  for (const child of nested) {
    const found = usesGeoMatch(child);
    if (found === true) return true;
    if (found === NOT_JUDGED) result = NOT_JUDGED;
  }
  return result;
}
