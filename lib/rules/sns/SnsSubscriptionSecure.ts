import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { TemplateResource } from '../../pack/template-model';

/** No topic delivers to a plain HTTP endpoint. */
export const SnsSubscriptionSecure: ElectionRule = {
  name: 'SnsSubscriptionSecure',
  level: NagMessageLevel.ERROR,
  info: 'The SNS subscription delivers over plain HTTP (Protocol http, or an https subscription to an http:// endpoint).',
  explanation:
    'Alerts over plain HTTP can be read, intercepted or forged on the way, including a false "all clear". ' +
    'Passes: a literal protocol other than http, and no http:// endpoint on an https subscription.',
  rationale:
    'Security alert topics tell the election office it is under attack. The subscription confirmation can be ' +
    'intercepted or forged too, so an attacker can confirm a subscription of their own. The other protocols ' +
    'are https, email, sms, sqs, lambda, firehose and application. Email and SMS stay allowed: they are how ' +
    'alerts reach people on call, and carry alarm names, not records. A protocol the template does not ' +
    'resolve fails. It cannot be waived: an HTTP receiver is moved behind TLS.',
  controls: ['NIST-800-53-r5:SC-8', 'NIST-800-53-r5:SC-8(1)', 'NIST-800-53-r5:SC-23', 'NIST-800-53-r5:SI-4(5)', 'CISA-CPG:2.K', 'CIS-v8:3.10'],
  resourceTypes: ['AWS::SNS::Subscription'],
  waivable: false,
  faultPath: subscriptionFaultPath,
  check: snsSubscriptionSecure,
};

function snsSubscriptionSecure(resource: TemplateResource): NagRuleCompliance {
  const { Protocol: protocol, Endpoint: endpoint } = resource.properties;
  if (typeof protocol !== 'string' || protocol.toLowerCase() === 'http') return NagRuleCompliance.NON_COMPLIANT;
  if (protocol.toLowerCase() === 'https' && typeof endpoint === 'string' && /^http:/i.test(endpoint.trim())) return NagRuleCompliance.NON_COMPLIANT;
  return NagRuleCompliance.COMPLIANT;
}

function subscriptionFaultPath(resource: TemplateResource): string {
  const protocol = resource.properties.Protocol;
  return typeof protocol === 'string' && protocol.toLowerCase() === 'https' ? 'Properties.Endpoint' : 'Properties.Protocol';
}
