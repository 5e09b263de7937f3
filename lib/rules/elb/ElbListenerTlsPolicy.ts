import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { CLASSIC_ELB, CLASSIC_TLS_PROTOCOLS, classicListenerPath, classicListeners, classicListenerTls12 } from '../../pack/classic-elb';
import { ElectionRule } from '../../pack/election-rule';
import { ELBV2_LISTENER, listenerProtocol, TLS_PROTOCOLS } from '../../pack/elb-listener';
import { JsonObject } from '../../baseline/intrinsics';
import { StackTemplate, TemplateResource, UNRESOLVED } from '../../pack/template-model';
import { ELB_RECOMMENDED_POLICY, ELB_TLS12_POLICIES } from '../../baseline/tls-policies';

/** HTTPS and TLS listeners negotiate TLS 1.2 or later only. */
export const ElbListenerTlsPolicy: ElectionRule = {
  name: 'ElbListenerTlsPolicy',
  level: NagMessageLevel.ERROR,
  info: 'The HTTPS or TLS listener names no SslPolicy, or one that accepts TLS 1.0 or 1.1 (classic: no SSL negotiation policy of TLS 1.2 only).',
  explanation:
    'TLS 1.0 and 1.1 are deprecated (RFC 8996, NIST SP 800-52r2). Passes: an SslPolicy of TLS 1.2 or newer, such ' +
    `as ${ELB_RECOMMENDED_POLICY}.`,
  rationale:
    'An absent SslPolicy leaves it to the API default, which has been ELBSecurityPolicy-2016-08. It cannot be ' +
    'waived.',
  controls: ['NIST-800-53-r5:SC-8', 'NIST-800-53-r5:SC-8(1)', 'NIST-800-53-r5:SC-13', 'CISA-CPG:2.K', 'CIS-v8:3.10'],
  resourceTypes: [ELBV2_LISTENER, CLASSIC_ELB],
  waivable: false,
  faultPath: tlsPolicyFaultPath,
  check: elbListenerTlsPolicy,
};

function elbListenerTlsPolicy(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  if (resource.type === CLASSIC_ELB) return classicTlsPolicy(resource);
  const protocol = listenerProtocol(resource, template);
  // A protocol the template does not resolve may be HTTPS: the policy is judged all the same.
  if (protocol !== UNRESOLVED && !TLS_PROTOCOLS.includes(protocol)) return NagRuleCompliance.NOT_APPLICABLE;
  const policy = resource.properties.SslPolicy;
  return typeof policy === 'string' && ELB_TLS12_POLICIES.has(policy) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

/** Every HTTPS and SSL listener of a classic load balancer negotiates TLS 1.2 or later only. */
function classicTlsPolicy(balancer: TemplateResource): NagRuleCompliance {
  const listeners = classicListeners(balancer);
  if (listeners === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  const tls = listeners.filter(({ protocol }) => CLASSIC_TLS_PROTOCOLS.includes(protocol));
  if (tls.length === 0) return NagRuleCompliance.NOT_APPLICABLE;
  return tls.every(({ listener }) => classicListenerTls12(balancer, listener)) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

function tlsPolicyFaultPath(resource: TemplateResource): string {
  if (resource.type !== CLASSIC_ELB) return 'Properties.SslPolicy';
  const weak = (protocol: string, listener: JsonObject) => CLASSIC_TLS_PROTOCOLS.includes(protocol) && !classicListenerTls12(resource, listener);
  return classicListenerPath(resource, weak, 'PolicyNames');
}
