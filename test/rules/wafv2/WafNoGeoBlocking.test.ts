import { NagRuleCompliance } from 'cdk-nag';
import { WafNoGeoBlocking as rule } from '../../../lib/rules/wafv2/WafNoGeoBlocking';
import { Props, webAclTemplate, withProps } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

const US = { GeoMatchStatement: { CountryCodes: ['US'] } };

function withRule(statement: unknown, action: Props | unknown, defaultAction: Props = { Allow: {} }) {
  return withProps(webAclTemplate(), 'WebAcl', (p) => {
    p.DefaultAction = defaultAction;
    (p.Rules as Props[]).push({ Name: 'Geo', Priority: 30, Statement: statement, Action: action });
  });
}

describe('WafNoGeoBlocking', () => {
  test('compliant: no geo rule', () => {
    expect(judge(rule, webAclTemplate(), 'WebAcl')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['a geo rule that only counts (for dashboards)', withRule({ NotStatement: { Statement: US } }, { Count: {} })],
    ['a geo rule that challenges', withRule({ NotStatement: { Statement: US } }, { Challenge: {} })],
    ['a tighter rate limit for traffic from abroad', withRule({ RateBasedStatement: { Limit: 100, AggregateKeyType: 'IP', ScopeDownStatement: { NotStatement: { Statement: US } } } }, { Block: {} })],
    ['an Allow on a country under a default Allow', withRule(US, { Allow: {} })],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'WebAcl')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['Block everything outside the US (NotStatement)', withRule({ NotStatement: { Statement: US } }, { Block: {} })],
    ['Block a list of countries', withRule({ GeoMatchStatement: { CountryCodes: ['DE', 'JP'] } }, { Block: {} })],
    ['geo inside an AndStatement', withRule({ AndStatement: { Statements: [{ ByteMatchStatement: {} }, { NotStatement: { Statement: US } }] } }, { Block: {} })],
    ['geo inside an OrStatement', withRule({ OrStatement: { Statements: [{ LabelMatchStatement: {} }, US] } }, { Block: {} })],
    ['Allow the US under a default Block', withRule(US, { Allow: {} }, { Block: {} })],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'WebAcl')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the logging configuration', () => {
    expect(judge(rule, webAclTemplate(), 'WafLogging')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a nested statement from a parameter', withRule({ AndStatement: { Statements: [{ Ref: 'Statement' }, { ByteMatchStatement: {} }] } }, { Block: {} })],
    ['a statement from a condition', withRule({ 'Fn::If': ['Geo', US, {}] }, { Block: {} })],
    ['rules from a condition', withProps(webAclTemplate(), 'WebAcl', (p) => { p.Rules = { 'Fn::If': ['x', [], []] }; })],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'WebAcl')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
