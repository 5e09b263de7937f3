import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { CLASSIC_ELB, CLASSIC_TLS_PROTOCOLS, classicListenerPath, classicListeners } from '../../pack/classic-elb';
import { ElectionRule } from '../../pack/election-rule';
import { ELBV2_LISTENER, ENCRYPTED_PROTOCOLS, GATEWAY, keepsPlainHttpEmpty, listenerProtocol, PASS_THROUGH_PROTOCOLS } from '../../pack/elb-listener';
import { listenerRulesOf } from '../../pack/listener-rules';
import { StackTemplate, TemplateResource, UNRESOLVED } from '../../pack/template-model';

/** A load balancer listener serves requests over TLS, or only redirects to it. */
export const ElbListenerTlsOnly: ElectionRule = {
  name: 'ElbListenerTlsOnly',
  level: NagMessageLevel.ERROR,
  info: 'The listener serves plain HTTP: an HTTP default or listener-rule action other than a redirect to HTTPS (a classic load balancer cannot redirect).',
  explanation:
    'Requests over HTTP carry forms, cookies and tokens in clear text. Passes: HTTPS or TLS, or HTTP whose every ' +
    'action redirects to HTTPS or returns a fixed response.',
  rationale:
    'Default and listener-rule actions alike count, and a redirect must set Protocol HTTPS. A classic load ' +
    'balancer cannot redirect, so its HTTP listeners never pass. It cannot be waived.',
  controls: ['NIST-800-53-r5:SC-8', 'NIST-800-53-r5:SC-8(1)', 'NIST-800-53-r5:SC-23', 'CISA-CPG:2.K', 'CIS-v8:3.10'],
  resourceTypes: [ELBV2_LISTENER, CLASSIC_ELB],
  waivable: false,
  faultPath: tlsOnlyFaultPath,
  check: elbListenerTlsOnly,
};

function elbListenerTlsOnly(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  if (resource.type === CLASSIC_ELB) return classicTlsOnly(resource);
  const protocol = listenerProtocol(resource, template);
  if (protocol === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  if (ENCRYPTED_PROTOCOLS.includes(protocol)) return NagRuleCompliance.COMPLIANT;
  if (protocol === GATEWAY || PASS_THROUGH_PROTOCOLS.includes(protocol)) return NagRuleCompliance.NOT_APPLICABLE;
  if (protocol !== 'HTTP') return NagRuleCompliance.NON_COMPLIANT;
  const actionLists = [resource.properties.DefaultActions, ...listenerRulesOf(template, resource.logicalId).map((rule) => rule.properties.Actions)];
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

/** A listener's protocol, or its default actions when plain HTTP answers with content; a listener rule's actions are that rule's fault. */
function tlsOnlyFaultPath(resource: TemplateResource, template: StackTemplate): string | undefined {
  if (resource.type === CLASSIC_ELB) {
    return classicListenerPath(resource, (protocol) => !CLASSIC_TLS_PROTOCOLS.includes(protocol) && protocol !== 'TCP', 'Protocol');
  }
  if (listenerProtocol(resource, template) !== 'HTTP') return 'Properties.Protocol';
  const actions = resource.properties.DefaultActions;
  const safe = Array.isArray(actions) && actions.length > 0 && actions.every(keepsPlainHttpEmpty);
  return safe ? undefined : 'Properties.DefaultActions';
}
