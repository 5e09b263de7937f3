import { NagRuleCompliance } from 'cdk-nag';
import { ElbListenerTlsOnly as rule } from '../../../lib/rules/elb/ElbListenerTlsOnly';
import { classicTemplate, listenerTemplate } from '../../helpers/entry-point-fixtures';
import { editing } from '../../helpers/logging-fixtures';
import { Body, judge } from '../../helpers/template-fixtures';

const redirect = (protocol: unknown = 'HTTPS') => ({ Type: 'redirect', RedirectConfig: { Protocol: protocol, Port: '443', StatusCode: 'HTTP_301' } });
const forward = { Type: 'forward', TargetGroupArn: { Ref: 'Targets' } };
const httpWith = (...actions: unknown[]) => editing(listenerTemplate(), 'Http', (p) => { p.DefaultActions = actions; });
const withRule = (actions: unknown, listenerArn: unknown = { Ref: 'Http' }): Record<string, Body> => ({
  ...listenerTemplate(),
  Rule: { Type: 'AWS::ElasticLoadBalancingV2::ListenerRule', Properties: { ListenerArn: listenerArn, Priority: 1, Actions: actions, Conditions: [] } },
});

describe('ElbListenerTlsOnly', () => {
  test.each(['Https', 'Http', 'Tls'])('compliant: the fixture listener %s', (id) => {
    expect(judge(rule, listenerTemplate(), id)).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['HTTP returning a fixed response', httpWith({ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '403' } })],
    ['HTTP redirecting with protocol written in lower case', httpWith(redirect('https'))],
    ['HTTP with a listener rule that also redirects', withRule([redirect()])],
    ['HTTP, and a forwarding rule on the HTTPS listener', withRule([forward], { Ref: 'Https' })],
    ['QUIC (TLS 1.3 inside)', editing(listenerTemplate(), 'Tls', (p) => { p.Protocol = 'QUIC'; })],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Http')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, t, 'Tls')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['HTTP forwarding to targets', httpWith(forward)],
    ['HTTP redirecting to HTTP', httpWith(redirect('HTTP'))],
    ['HTTP redirecting to the original protocol (#{protocol}, the API default)', httpWith(redirect('#{protocol}'))],
    ['HTTP redirect with no RedirectConfig protocol', httpWith({ Type: 'redirect', RedirectConfig: { Port: '443' } })],
    ['HTTP with no default action', httpWith()],
    ['HTTP whose listener rule forwards a path in clear text', withRule([forward])],
    ['HTTP whose listener rule forwards, by GetAtt', withRule([forward], { 'Fn::GetAtt': ['Http', 'ListenerArn'] })],
    ['a protocol the service does not know', editing(listenerTemplate(), 'Http', (p) => { p.Protocol = 'SPDY'; })],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Http')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: NLB pass-through listeners (ElbListenerPassThrough judges them), a Gateway Load Balancer listener, the load balancer', () => {
    for (const protocol of ['TCP', 'UDP', 'TCP_UDP', 'GENEVE']) {
      expect(judge(rule, editing(listenerTemplate(), 'Tls', (p) => { p.Protocol = protocol; }), 'Tls')).toBe(NagRuleCompliance.NOT_APPLICABLE);
    }
    const gateway = editing(editing(listenerTemplate(), 'Nlb', (p) => { p.Type = 'gateway'; }), 'Tls', (p) => { delete p.Protocol; delete p.Port; });
    expect(judge(rule, gateway, 'Tls')).toBe(NagRuleCompliance.NOT_APPLICABLE);
    expect(judge(rule, listenerTemplate(), 'Alb')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: a protocol, default actions or rule actions the template does not resolve fail closed', () => {
    expect(judge(rule, editing(listenerTemplate(), 'Https', (p) => { p.Protocol = { Ref: 'Protocol' }; }), 'Https')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, editing(listenerTemplate(), 'Https', (p) => { delete p.Protocol; }), 'Https')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, editing(listenerTemplate(), 'Http', (p) => { p.DefaultActions = { Ref: 'Actions' }; }), 'Http')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, httpWith({ 'Fn::If': ['Redirect', redirect(), forward] }), 'Http')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, httpWith(redirect({ Ref: 'RedirectProtocol' })), 'Http')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, withRule({ Ref: 'RuleActions' }), 'Http')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('is not waivable', () => {
    expect(rule.waivable).toBe(false);
  });
});

describe('ElbListenerTlsOnly on a classic load balancer', () => {
  const withProtocols = (...protocols: unknown[]) =>
    editing(classicTemplate(), 'Classic', (p) => {
      p.Listeners = protocols.map((protocol, i) => ({ LoadBalancerPort: String(443 + i), InstancePort: '443', Protocol: protocol }));
    });

  test.each([['HTTPS'], ['SSL'], ['HTTPS and TCP']])('compliant: %s listeners', (protocols) => {
    expect(judge(rule, withProtocols(...protocols.split(' and ')), 'Classic')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([['HTTP'], ['HTTPS and HTTP'], ['https and http']])('non-compliant: %s listeners (a classic load balancer cannot redirect)', (protocols) => {
    expect(judge(rule, withProtocols(...protocols.split(' and ')), 'Classic')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: TCP listeners only (ElbListenerPassThrough judges them)', () => {
    expect(judge(rule, withProtocols('TCP'), 'Classic')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: listeners or a protocol from a parameter fail closed', () => {
    expect(judge(rule, withProtocols({ Ref: 'Protocol' }), 'Classic')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, editing(classicTemplate(), 'Classic', (p) => { p.Listeners = { Ref: 'Listeners' }; }), 'Classic')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
