import { NagRuleCompliance } from 'cdk-nag';
import { WafNoAllowBypass as rule } from '../../../lib/rules/wafv2/WafNoAllowBypass';
import { Props, webAclTemplate, withProps } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

/** The fixture's rules: the five managed groups at priorities 0 to 4, the rate rule at 10. */
const withRule = (extra: Props, edit: (p: Props) => void = () => undefined) => withProps(webAclTemplate(), 'WebAcl', (p) => {
  (p.Rules as Props[]).push(extra);
  edit(p);
});
const allow = (priority: unknown, statement: Props, action: unknown = { Allow: {} }): Props => ({
  Name: 'Extra',
  Priority: priority,
  Action: action,
  Statement: statement,
  VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: 'extra' },
});
const byteMatch = (field: Props, search: string, constraint = 'EXACTLY') => ({
  ByteMatchStatement: { FieldToMatch: field, PositionalConstraint: constraint, SearchString: search, TextTransformations: [{ Priority: 0, Type: 'NONE' }] },
});
const EVERY_PATH = byteMatch({ UriPath: {} }, '/', 'STARTS_WITH');
const POST = byteMatch({ Method: {} }, 'POST');
const DEBUG_HEADER = byteMatch({ SingleHeader: { Name: 'x-debug' } }, '1');
const PROBE = { AndStatement: { Statements: [{ IPSetReferenceStatement: { Arn: { 'Fn::GetAtt': ['ProbeIps', 'Arn'] } } }, byteMatch({ UriPath: {} }, '/health')] } };

describe('WafNoAllowBypass', () => {
  test.each([
    ['the fixture, with no Allow rule', webAclTemplate()],
    ['an Allow rule after every protection', withRule(allow(20, PROBE))],
    ['an allow-list after the protections under a default Block', withRule(allow(20, POST), (p) => { p.DefaultAction = { Block: {} }; })],
    ['a Block rule before the protections', withRule(allow(0, DEBUG_HEADER, { Block: {} }), (p) => {
      for (const r of p.Rules as Props[]) if (r.Name !== 'Extra') r.Priority = (r.Priority as number) + 1;
    })],
    ['a Count rule before the protections', withRule(allow(-1, DEBUG_HEADER, { Count: {} }))],
    ['a web ACL with no rules', withProps(webAclTemplate(), 'WebAcl', (p) => { delete p.Rules; })],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'WebAcl')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['Allow UriPath STARTS_WITH "/" at priority 0, before everything (red team)', withRule(allow(0, EVERY_PATH), (p) => {
      for (const r of p.Rules as Props[]) if (r.Name !== 'Extra') r.Priority = (r.Priority as number) + 1;
    })],
    ['Allow POST at priority 2, before SQLi (red team)', withRule(allow(2, POST), (p) => {
      for (const r of p.Rules as Props[]) if (r.Name !== 'Extra' && (r.Priority as number) >= 2) r.Priority = (r.Priority as number) + 1;
    })],
    ['Allow on header x-debug before the rate rule only', withRule(allow(5, DEBUG_HEADER))],
    ['Allow on header x-debug with a string priority before the groups', withRule(allow('-1', DEBUG_HEADER))],
    ['a narrowly scoped monitoring probe before the protections (waivable)', withRule(allow(-1, PROBE))],
    ['an Allow at the same priority as a protection', withRule(allow(10, DEBUG_HEADER))],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'WebAcl')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the logging configuration', () => {
    expect(judge(rule, webAclTemplate(), 'WafLogging')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['an Allow rule whose priority is a parameter', withRule(allow({ Ref: 'Priority' }, DEBUG_HEADER))],
    ['a rule before the protections whose action is a condition', withRule(allow(-1, DEBUG_HEADER, { 'Fn::If': ['Debug', { Allow: {} }, { Block: {} }] }))],
    ['a managed group whose priority is a parameter, after an Allow', withRule(allow(20, DEBUG_HEADER), (p) => { (p.Rules as Props[])[0].Priority = { Ref: 'P' }; })],
    ['a rule after an Allow whose statement is a parameter', withRule(allow(20, DEBUG_HEADER), (p) => {
      (p.Rules as Props[]).push({ ...allow(30, {}, { Block: {} }), Name: 'Hidden', Statement: { Ref: 'Statement' } });
    })],
    ['rules from a condition', withProps(webAclTemplate(), 'WebAcl', (p) => { p.Rules = { 'Fn::If': ['x', [], []] }; })],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'WebAcl')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
