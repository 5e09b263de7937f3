import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { CLASSIC_ELB, classicListenerPath, classicListeners } from '../../pack/classic-elb';
import { ElectionRule } from '../../pack/election-rule';
import { ELBV2_LISTENER, listenerProtocol, PASS_THROUGH_PROTOCOLS } from '../../pack/elb-listener';
import { StackTemplate, TemplateResource, UNRESOLVED } from '../../pack/template-model';

/** A Network Load Balancer listener that forwards bytes unread needs a person to confirm they are encrypted. */
export const ElbListenerPassThrough: ElectionRule = {
  name: 'ElbListenerPassThrough',
  level: NagMessageLevel.ERROR,
  info: 'The listener (or a classic load balancer\'s) forwards TCP or UDP without terminating TLS; confirm the protocol inside is encrypted end to end.',
  explanation:
    'A TCP, UDP or TCP_UDP listener cannot tell TLS passed through to targets from clear text. Use a TLS listener, or ' +
    'waive naming the encrypted protocol the targets speak (TLS on 443, SSH). An unresolved protocol is ElbListenerTlsOnly\'s.',
  controls: ['NIST-800-53-r5:SC-8', 'NIST-800-53-r5:SC-8(1)', 'CISA-CPG:2.K', 'CIS-v8:3.10'],
  resourceTypes: [ELBV2_LISTENER, CLASSIC_ELB],
  waivable: true,
  faultPath: passThroughFaultPath,
  check: elbListenerPassThrough,
};

function elbListenerPassThrough(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  if (resource.type === CLASSIC_ELB) {
    const listeners = classicListeners(resource);
    return listeners !== UNRESOLVED && listeners.some(({ protocol }) => protocol === 'TCP') ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.NOT_APPLICABLE;
  }
  const protocol = listenerProtocol(resource, template);
  if (protocol === UNRESOLVED || !PASS_THROUGH_PROTOCOLS.includes(protocol)) return NagRuleCompliance.NOT_APPLICABLE;
  return NagRuleCompliance.NON_COMPLIANT;
}

function passThroughFaultPath(resource: TemplateResource): string {
  return resource.type === CLASSIC_ELB ? classicListenerPath(resource, (protocol) => protocol === 'TCP', 'Protocol') : 'Properties.Protocol';
}
