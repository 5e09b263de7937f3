import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { CLASSIC_ELB, CLASSIC_TLS_PROTOCOLS, classicListeners } from '../../pack/classic-elb';
import { ElectionRule } from '../../pack/election-rule';
import { ELBV2_LISTENER, ENCRYPTED_PROTOCOLS, GATEWAY, keepsPlainHttpEmpty, listenerProtocol, PASS_THROUGH_PROTOCOLS } from '../../pack/elb-listener';
import { referencedLogicalId } from '../../pack/intrinsics';
import { StackTemplate, TemplateResource, UNRESOLVED } from '../../pack/template-model';

/** A load balancer listener serves requests over TLS, or only redirects to it. */
export const ElbListenerTlsOnly: ElectionRule = {
  name: 'ElbListenerTlsOnly',
  level: NagMessageLevel.ERROR,
  info: 'The listener serves plain HTTP: an HTTP default or listener-rule action other than a redirect to HTTPS (a classic load balancer cannot redirect).',
  explanation:
    'Requests over HTTP carry forms, cookies and tokens in clear text. Protocol must be HTTPS or TLS; HTTP passes only when ' +
    'every default and listener-rule action redirects with Protocol HTTPS or returns a fixed response (classic: never). It cannot be waived.',
  controls: ['NIST-800-53-r5:SC-8', 'NIST-800-53-r5:SC-8(1)', 'NIST-800-53-r5:SC-23', 'CISA-CPG:2.K', 'CIS-v8:3.10'],
  resourceTypes: [ELBV2_LISTENER, CLASSIC_ELB],
  waivable: false,
  check: elbListenerTlsOnly,
};

function elbListenerTlsOnly(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  if (resource.type === CLASSIC_ELB) return classicTlsOnly(resource);
  const protocol = listenerProtocol(resource, template);
  if (protocol === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  if (ENCRYPTED_PROTOCOLS.includes(protocol)) return NagRuleCompliance.COMPLIANT;
  if (protocol === GATEWAY || PASS_THROUGH_PROTOCOLS.includes(protocol)) return NagRuleCompliance.NOT_APPLICABLE;
  if (protocol !== 'HTTP') return NagRuleCompliance.NON_COMPLIANT;
  const actionLists = [resource.properties.DefaultActions, ...rulesOf(resource.logicalId, template).map((rule) => rule.properties.Actions)];
  const safe = actionLists.every((actions) => Array.isArray(actions) && actions.length > 0 && actions.every(keepsPlainHttpEmpty));
  return safe ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

/** A classic load balancer cannot redirect: every listener is HTTPS or SSL, or TCP (judged by ElbListenerPassThrough). */
function classicTlsOnly(balancer: TemplateResource): NagRuleCompliance {
  const listeners = classicListeners(balancer);
  if (listeners === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  if (listeners.some(({ protocol }) => !CLASSIC_TLS_PROTOCOLS.includes(protocol) && protocol !== 'TCP')) return NagRuleCompliance.NON_COMPLIANT;
  return listeners.some(({ protocol }) => CLASSIC_TLS_PROTOCOLS.includes(protocol)) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NOT_APPLICABLE;
}

/** The listener rules of the template attached to this listener by `Ref`. */
function rulesOf(listenerId: string, template: StackTemplate): readonly TemplateResource[] {
  return template.ofType('AWS::ElasticLoadBalancingV2::ListenerRule').filter((rule) => referencedLogicalId(rule.properties.ListenerArn) === listenerId);
}
