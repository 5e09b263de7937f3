import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { asList, at, JsonObject, referencedLogicalId } from '../../baseline/intrinsics';
import { actionPatternMatches, isInsecureTransportDeny, policyStatements } from '../../pack/policy-document';
import { StackTemplate, TemplateResource, UNRESOLVED } from '../../pack/template-model';
import { topicPoliciesFor } from '../../pack/topic-policies';

/** Nothing publishes to the topic over plain HTTP. */
export const SnsTopicTlsOnly: ElectionRule = {
  name: 'SnsTopicTlsOnly',
  level: NagMessageLevel.ERROR,
  info: 'No topic policy of this template denies sns:Publish to the topic without TLS (aws:SecureTransport false).',
  explanation:
    'An alert published in clear text can be read or forged on the way. Passes: a topic policy of the template ' +
    'that denies sns:Publish to every principal when aws:SecureTransport is false.',
  rationale:
    'Election-night notices are as exposed as alerts. The topic policy is an AWS::SNS::TopicPolicy whose ' +
    'Topics include this topic; a Deny of sns:* or * counts too, and the Deny enforces TLS whatever client ' +
    'publishes. A policy the template does not resolve does not count. It cannot be waived.',
  controls: ['NIST-800-53-r5:SC-8', 'NIST-800-53-r5:SC-8(1)', 'NIST-800-53-r5:SC-13', 'CISA-CPG:2.K', 'CIS-v8:3.10'],
  resourceTypes: ['AWS::SNS::Topic'],
  waivable: false,
  check: snsTopicTlsOnly,
};

function snsTopicTlsOnly(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  for (const policy of topicPoliciesFor(template, resource.logicalId)) {
    const statements = policyStatements(at(policy.properties, 'PolicyDocument'));
    if (statements === UNRESOLVED) continue;
    if (statements.some((statement) => deniesInsecurePublish(statement, resource.logicalId))) return NagRuleCompliance.COMPLIANT;
  }
  return NagRuleCompliance.NON_COMPLIANT;
}

function deniesInsecurePublish(statement: JsonObject, topicId: string): boolean {
  if (!isInsecureTransportDeny(statement)) return false;
  const actions = asList(statement.Action);
  if (!actions.some((a) => typeof a === 'string' && actionPatternMatches(a, 'sns:Publish'))) return false;
  return asList(statement.Resource).some((r) => r === '*' || referencedLogicalId(r) === topicId);
}
