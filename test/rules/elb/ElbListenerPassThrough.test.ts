import { NagRuleCompliance } from 'cdk-nag';
import { ElbListenerPassThrough as rule } from '../../../lib/rules/elb/ElbListenerPassThrough';
import { classicTemplate, listenerTemplate } from '../../helpers/entry-point-fixtures';
import { editing } from '../../helpers/logging-fixtures';
import { judge } from '../../helpers/template-fixtures';

const nlbListener = (protocol: unknown) => editing(listenerTemplate(), 'Tls', (p) => { p.Protocol = protocol; delete p.SslPolicy; delete p.Certificates; });

describe('ElbListenerPassThrough', () => {
  // The rule has no compliant verdict: a listener that terminates TLS (or speaks QUIC) is not its to judge.
  test.each(['Https', 'Http', 'Tls'])('not applicable: the fixture listener %s terminates TLS or only redirects', (id) => {
    expect(judge(rule, listenerTemplate(), id)).toBe(NagRuleCompliance.NOT_APPLICABLE);
    expect(judge(rule, nlbListener('QUIC'), 'Tls')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each(['TCP', 'UDP', 'TCP_UDP', 'TCP_QUIC', 'tcp'])('non-compliant: a %s listener', (protocol) => {
    expect(judge(rule, nlbListener(protocol), 'Tls')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: a Gateway Load Balancer listener and the load balancer', () => {
    expect(judge(rule, nlbListener('GENEVE'), 'Tls')).toBe(NagRuleCompliance.NOT_APPLICABLE);
    expect(judge(rule, listenerTemplate(), 'Nlb')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: a protocol from a parameter is left to ElbListenerTlsOnly, which fails it', () => {
    expect(judge(rule, nlbListener({ Ref: 'Protocol' }), 'Tls')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('is waivable, for TLS or SSH passed through to the targets', () => {
    expect(rule.waivable).toBe(true);
  });
});

describe('ElbListenerPassThrough on a classic load balancer', () => {
  test('non-compliant: a TCP listener beside an HTTPS one', () => {
    const t = editing(classicTemplate(), 'Classic', (p) => {
      (p.Listeners as unknown[]).push({ LoadBalancerPort: '22', InstancePort: '22', Protocol: 'TCP' });
    });
    expect(judge(rule, t, 'Classic')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: HTTPS listeners only, or listeners the template does not resolve (ElbListenerTlsOnly fails those)', () => {
    expect(judge(rule, classicTemplate(), 'Classic')).toBe(NagRuleCompliance.NOT_APPLICABLE);
    expect(judge(rule, editing(classicTemplate(), 'Classic', (p) => { p.Listeners = { Ref: 'Listeners' }; }), 'Classic')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });
});
