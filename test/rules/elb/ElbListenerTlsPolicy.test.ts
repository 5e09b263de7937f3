import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { NagRuleCompliance } from 'cdk-nag';
import { ElbListenerTlsPolicy as rule } from '../../../lib/rules/elb/ElbListenerTlsPolicy';
import { ELB_TLS12_POLICIES } from '../../../lib/baseline/tls-policies';
import { classicTemplate, listenerTemplate } from '../../helpers/entry-point-fixtures';
import { editing } from '../../helpers/logging-fixtures';
import { newStack, pathsViolating } from '../../helpers/pack-harness';
import { judge } from '../../helpers/template-fixtures';

const withPolicy = (id: string, policy: unknown) =>
  editing(listenerTemplate(), id, (p) => {
    if (policy === undefined) delete p.SslPolicy;
    else p.SslPolicy = policy;
  });

describe('ElbListenerTlsPolicy', () => {
  test.each([...ELB_TLS12_POLICIES].map((p) => [p]))('compliant: %s on HTTPS and TLS listeners', (policy) => {
    expect(judge(rule, withPolicy('Https', policy), 'Https')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, withPolicy('Tls', policy), 'Tls')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['no SslPolicy (the API default has been ELBSecurityPolicy-2016-08)', undefined],
    ['ELBSecurityPolicy-2016-08', 'ELBSecurityPolicy-2016-08'],
    ['ELBSecurityPolicy-TLS13-1-0-2021-06 (TLS 1.3 down to 1.0)', 'ELBSecurityPolicy-TLS13-1-0-2021-06'],
    ['ELBSecurityPolicy-TLS13-1-1-2021-06', 'ELBSecurityPolicy-TLS13-1-1-2021-06'],
    ['ELBSecurityPolicy-TLS13-1-0-PQ-2025-09', 'ELBSecurityPolicy-TLS13-1-0-PQ-2025-09'],
    ['ELBSecurityPolicy-TLS-1-1-2017-01', 'ELBSecurityPolicy-TLS-1-1-2017-01'],
    ['ELBSecurityPolicy-FS-1-1-2019-08', 'ELBSecurityPolicy-FS-1-1-2019-08'],
    ['ELBSecurityPolicy-FS-2018-06', 'ELBSecurityPolicy-FS-2018-06'],
    ['ELBSecurityPolicy-TLS-1-0-2015-04', 'ELBSecurityPolicy-TLS-1-0-2015-04'],
  ])('non-compliant: %s', (_, policy) => {
    expect(judge(rule, withPolicy('Https', policy), 'Https')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, withPolicy('Tls', policy), 'Tls')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: HTTP, TCP and UDP listeners, and the load balancer', () => {
    expect(judge(rule, listenerTemplate(), 'Http')).toBe(NagRuleCompliance.NOT_APPLICABLE);
    expect(judge(rule, editing(listenerTemplate(), 'Tls', (p) => { p.Protocol = 'TCP'; delete p.SslPolicy; }), 'Tls')).toBe(NagRuleCompliance.NOT_APPLICABLE);
    expect(judge(rule, listenerTemplate(), 'Alb')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: a policy from a parameter fails; a protocol from a parameter is judged by its policy', () => {
    expect(judge(rule, withPolicy('Https', { Ref: 'SslPolicy' }), 'Https')).toBe(NagRuleCompliance.NON_COMPLIANT);
    const protocol = (policy: unknown) => editing(withPolicy('Https', policy), 'Https', (p) => { p.Protocol = { Ref: 'Protocol' }; });
    expect(judge(rule, protocol(undefined), 'Https')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, protocol('ELBSecurityPolicy-TLS13-1-2-2021-06'), 'Https')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('is not waivable', () => {
    expect(rule.waivable).toBe(false);
  });
});

describe('ElbListenerTlsPolicy on a classic load balancer', () => {
  const classic = (edit: (p: Record<string, unknown>) => void) => editing(classicTemplate(), 'Classic', edit);
  const listener = (p: Record<string, unknown>) => (p.Listeners as Record<string, unknown>[])[0];
  const policy = (p: Record<string, unknown>) => (p.Policies as Record<string, unknown>[])[0];

  test.each([
    ['the TLS 1.2 predefined policy named by the listener', classicTemplate()],
    ['the policy attached by LoadBalancerPorts instead', classic((p) => { delete listener(p).PolicyNames; policy(p).LoadBalancerPorts = ['443']; })],
    ['a custom policy enabling TLS 1.2 only', classic((p) => {
      policy(p).Attributes = [{ Name: 'Protocol-TLSv1.2', Value: 'true' }, { Name: 'Protocol-TLSv1', Value: 'false' }, { Name: 'ECDHE-RSA-AES128-GCM-SHA256', Value: 'true' }];
    })],
    ['an SSL listener under the TLS 1.2 policy', classic((p) => { listener(p).Protocol = 'SSL'; })],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Classic')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['no SSL negotiation policy (the classic default accepts TLS 1.0)', classic((p) => { delete p.Policies; })],
    ['the 2016-08 predefined policy', classic((p) => { policy(p).Attributes = [{ Name: 'Reference-Security-Policy', Value: 'ELBSecurityPolicy-2016-08' }]; })],
    ['a custom policy that also enables TLS 1.0', classic((p) => {
      policy(p).Attributes = [{ Name: 'Protocol-TLSv1.2', Value: 'true' }, { Name: 'Protocol-TLSv1', Value: 'true' }];
    })],
    ['a policy on another port', classic((p) => { delete listener(p).PolicyNames; policy(p).LoadBalancerPorts = ['8443']; })],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Classic')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: a classic load balancer with only TCP listeners', () => {
    expect(judge(rule, classic((p) => { listener(p).Protocol = 'TCP'; }), 'Classic')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: listeners from Fn::If, a protocol or the referenced policy from a parameter fail closed', () => {
    expect(judge(rule, classic((p) => { p.Listeners = { 'Fn::If': ['C', [], []] }; }), 'Classic')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, classic((p) => { listener(p).Protocol = { Ref: 'Protocol' }; }), 'Classic')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, classic((p) => { policy(p).Attributes = [{ Name: 'Reference-Security-Policy', Value: { Ref: 'Policy' } }]; }), 'Classic')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});

test('through the pack: an L2 HTTPS listener without sslPolicy (CDK leaves it to the API default) fails; with the recommended policy it passes', () => {
  const { stack } = newStack();
  const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, maxAzs: 2 });
  const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc });
  const certificates = [acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:us-east-1:111122223333:certificate/1234abcd-12ab-34cd-56ef-1234567890ab')];
  const defaultAction = elbv2.ListenerAction.fixedResponse(404);
  const bare = alb.addListener('Bare', { port: 443, certificates, defaultAction });
  const pinned = alb.addListener('Pinned', { port: 8443, certificates, defaultAction, sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS });
  const paths = pathsViolating(stack, 'ElbListenerTlsPolicy');
  expect(paths).toContain(`${bare.node.path}/Resource`);
  expect(paths).not.toContain(`${pinned.node.path}/Resource`);
});
