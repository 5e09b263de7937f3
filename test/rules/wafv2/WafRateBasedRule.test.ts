import { NagRuleCompliance } from 'cdk-nag';
import { WafRateBasedRule as rule } from '../../../lib/rules/wafv2/WafRateBasedRule';
import { Props, webAclTemplate, withProps } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

function withRate(edit: (rule: Props, statement: Props) => void) {
  return withProps(webAclTemplate(), 'WebAcl', (p) => {
    const r = (p.Rules as Props[]).find((x) => x.Name === 'PerIpRateLimit')!;
    edit(r, (r.Statement as Props).RateBasedStatement as Props);
  });
}

function withResults(edit: (rule: Props, statement: Props) => void) {
  return withProps(webAclTemplate('results'), 'WebAcl', (p) => {
    const r = (p.Rules as Props[]).find((x) => x.Name === 'PerIpRateLimit')!;
    edit(r, (r.Statement as Props).RateBasedStatement as Props);
  });
}

function regional(edit: (rule: Props, statement: Props) => void) {
  return withProps(withRate(edit), 'WebAcl', (p) => { p.Scope = 'REGIONAL'; });
}

const LOGIN_PATH = { ByteMatchStatement: { FieldToMatch: { UriPath: {} }, PositionalConstraint: 'STARTS_WITH', SearchString: '/staff/login', TextTransformations: [{ Priority: 0, Type: 'NONE' }] } };

describe('WafRateBasedRule', () => {
  test('compliant: 300 requests a minute per IP, blocked', () => {
    expect(judge(rule, webAclTemplate(), 'WebAcl')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['the default window and a Challenge', (r: Props, s: Props) => { delete s.EvaluationWindowSec; r.Action = { Challenge: {} }; }],
    ['a Captcha', (r: Props) => { r.Action = { Captcha: {} }; }],
    ['the single custom key IP', (_: Props, s: Props) => { s.AggregateKeyType = 'CUSTOM_KEYS'; s.CustomKeys = [{ IP: {} }]; }],
    ['a string limit of 10', (_: Props, s: Props) => { s.Limit = '10'; }],
  ])('compliant: %s', (_, edit) => {
    expect(judge(rule, withRate(edit), 'WebAcl')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['portal at the ceiling, 2,000 per 5 minutes', withRate((_, s) => { s.Limit = 2000; delete s.EvaluationWindowSec; })],
    ['portal at the ceiling, 4,000 per 10 minutes', withRate((_, s) => { s.Limit = 4000; s.EvaluationWindowSec = 600; })],
    ['results at 3,000 per 5 minutes (its default)', withResults((_, s) => { s.Limit = 3000; delete s.EvaluationWindowSec; })],
    ['results at the ceiling, 20,000 per 5 minutes', withResults((_, s) => { s.Limit = 20_000; delete s.EvaluationWindowSec; })],
    ['a second, looser rate rule beside a tight one', withProps(webAclTemplate(), 'WebAcl', (p) => {
      const rules = p.Rules as Props[];
      const loose = JSON.parse(JSON.stringify(rules.find((r) => r.Name === 'PerIpRateLimit'))) as Props;
      ((loose.Statement as Props).RateBasedStatement as Props).Limit = 2_000_000_000;
      rules.push({ ...loose, Name: 'Loose', Priority: 11 });
    })],
    ['a scoped-down rule beside an unscoped one that meets the ceiling', withProps(webAclTemplate(), 'WebAcl', (p) => {
      const rules = p.Rules as Props[];
      const scoped = JSON.parse(JSON.stringify(rules.find((r) => r.Name === 'PerIpRateLimit'))) as Props;
      ((scoped.Statement as Props).RateBasedStatement as Props).ScopeDownStatement = LOGIN_PATH;
      rules.push({ ...scoped, Name: 'LoginRateLimit', Priority: 11 });
    })],
    ['REGIONAL behind CloudFront: FORWARDED_IP, as ElectionWebAcl with originVerification renders it', regional((_, s) => {
      s.AggregateKeyType = 'FORWARDED_IP';
      s.ForwardedIPConfig = { HeaderName: 'X-Forwarded-For', FallbackBehavior: 'MATCH' };
    })],
    ['REGIONAL: the single custom key ForwardedIP', regional((_, s) => {
      s.AggregateKeyType = 'CUSTOM_KEYS';
      s.CustomKeys = [{ ForwardedIP: {} }];
      s.ForwardedIPConfig = { HeaderName: 'X-Forwarded-For', FallbackBehavior: 'MATCH' };
    })],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'WebAcl')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['no rate-based rule', withProps(webAclTemplate(), 'WebAcl', (p) => { p.Rules = (p.Rules as Props[]).filter((r) => r.Name !== 'PerIpRateLimit'); })],
    ['a rate rule that only counts', withRate((r) => { r.Action = { Count: {} }; })],
    ['a rate rule that allows', withRate((r) => { r.Action = { Allow: {} }; })],
    ['a limit under 10', withRate((_, s) => { s.Limit = 5; })],
    ['a limit over 2,000,000,000', withResults((_, s) => { s.Limit = 3_000_000_000; s.EvaluationWindowSec = 600; })],
    ['a window of 30 seconds', withRate((_, s) => { s.EvaluationWindowSec = 30; })],
    ['aggregation over everything (CONSTANT)', withRate((_, s) => { s.AggregateKeyType = 'CONSTANT'; })],
    ['custom keys without the IP', withRate((_, s) => { s.AggregateKeyType = 'CUSTOM_KEYS'; s.CustomKeys = [{ UriPath: {} }]; })],
    ['CUSTOM_KEYS [IP, QueryString]: one bucket per query string (red team)', withRate((_, s) => {
      s.AggregateKeyType = 'CUSTOM_KEYS';
      s.CustomKeys = [{ IP: {} }, { QueryString: { TextTransformations: [{ Priority: 0, Type: 'NONE' }] } }];
    })],
    ['CUSTOM_KEYS [IP, a header]', withRate((_, s) => { s.AggregateKeyType = 'CUSTOM_KEYS'; s.CustomKeys = [{ IP: {} }, { Header: { Name: 'x-id', TextTransformations: [] } }]; })],
    ['CUSTOM_KEYS with no key', withRate((_, s) => { s.AggregateKeyType = 'CUSTOM_KEYS'; s.CustomKeys = []; })],
    ['FORWARDED_IP on a CLOUDFRONT web ACL: the viewer writes X-Forwarded-For (red team)', withRate((_, s) => {
      s.AggregateKeyType = 'FORWARDED_IP';
      s.ForwardedIPConfig = { HeaderName: 'X-Forwarded-For', FallbackBehavior: 'MATCH' };
    })],
    ['the custom key ForwardedIP on a CLOUDFRONT web ACL', withRate((_, s) => { s.AggregateKeyType = 'CUSTOM_KEYS'; s.CustomKeys = [{ ForwardedIP: {} }]; })],
    ['REGIONAL: CUSTOM_KEYS [ForwardedIP, UriPath]', regional((_, s) => { s.AggregateKeyType = 'CUSTOM_KEYS'; s.CustomKeys = [{ ForwardedIP: {} }, { UriPath: {} }]; })],
    ['a ScopeDownStatement on a path no one requests (red team)', withRate((_, s) => {
      s.ScopeDownStatement = { ByteMatchStatement: { FieldToMatch: { UriPath: {} }, PositionalConstraint: 'STARTS_WITH', SearchString: '/never-used/', TextTransformations: [{ Priority: 0, Type: 'NONE' }] } };
    })],
    ['a ScopeDownStatement on the login path, with no unscoped rate rule', withRate((_, s) => { s.ScopeDownStatement = LOGIN_PATH; })],
    ['a portal limit of 2,000,000,000 (never trips)', withRate((_, s) => { s.Limit = 2_000_000_000; })],
    ['a portal limit of 401 a minute (2,005 per 5 minutes)', withRate((_, s) => { s.Limit = 401; })],
    ['a portal limit of 2,001 per 5 minutes', withRate((_, s) => { s.Limit = 2001; s.EvaluationWindowSec = 300; })],
    ['an untagged web ACL over the portal ceiling', withProps(withRate((_, s) => { s.Limit = 3000; delete s.EvaluationWindowSec; }), 'WebAcl', (p) => { delete p.Tags; })],
    ['a results limit of 20,001 per 5 minutes', withResults((_, s) => { s.Limit = 20_001; delete s.EvaluationWindowSec; })],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'WebAcl')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: a distribution', () => {
    const t = { ...webAclTemplate(), Cdn: { Type: 'AWS::CloudFront::Distribution', Properties: {} } };
    expect(judge(rule, t, 'Cdn')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a limit from a parameter', withRate((_, s) => { s.Limit = { Ref: 'RateLimit' }; })],
    ['an action from a condition', withRate((r) => { r.Action = { 'Fn::If': ['Strict', { Block: {} }, { Count: {} }] }; })],
    ['FORWARDED_IP on a web ACL whose Scope is a parameter (judged as CLOUDFRONT)', withProps(withRate((_, s) => { s.AggregateKeyType = 'FORWARDED_IP'; }), 'WebAcl', (p) => { p.Scope = { Ref: 'Scope' }; })],
    ['custom keys from a parameter', withRate((_, s) => { s.AggregateKeyType = 'CUSTOM_KEYS'; s.CustomKeys = [{ Ref: 'Key' }]; })],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'WebAcl')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
