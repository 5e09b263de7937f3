import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { CUSTOMER_KEY_CLASSES } from '../../pack/customer-keys';
import { requiredForClass } from '../../pack/data-class-of';
import { ElectionRule } from '../../pack/election-rule';
import { asList, at, JsonObject, referencedLogicalId } from '../../baseline/intrinsics';
import { actionPatternMatches, isInsecureTransportDeny, policyStatements } from '../../pack/policy-document';
import { queuePoliciesFor } from '../../pack/queue-policies';
import { getAttAttribute } from '../../pack/references';
import { StackTemplate, TemplateResource, UNRESOLVED } from '../../pack/template-model';

/** The actions that carry a message's body: both must be refused without TLS. */
const MESSAGE_ACTIONS = ['sqs:SendMessage', 'sqs:ReceiveMessage'];

/** Nothing sends to or reads a sensitive queue over plain HTTP. */
export const SqsQueueTlsOnly: ElectionRule = {
  name: 'SqsQueueTlsOnly',
  level: NagMessageLevel.ERROR,
  info: 'No queue policy denies sqs:SendMessage and sqs:ReceiveMessage on this records, voter-PII or audit-log queue without TLS.',
  explanation:
    'SQS still answers plain HTTP, so messages can be read or forged on the way. Passes: a queue policy denying ' +
    'every principal sqs:SendMessage and sqs:ReceiveMessage when aws:SecureTransport is false.',
  rationale:
    "The policy must name the queue, and the Deny must apply to the queue's Arn; sqs:* covers both actions. " +
    'It cannot be waived.',
  controls: ['NIST-800-53-r5:SC-8', 'NIST-800-53-r5:SC-8(1)', 'NIST-800-53-r5:SC-13', 'CISA-CPG:2.K', 'CIS-v8:3.10'],
  resourceTypes: ['AWS::SQS::Queue'],
  waivable: false,
  check: sqsQueueTlsOnly,
};

function sqsQueueTlsOnly(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  if (!requiredForClass(resource, CUSTOMER_KEY_CLASSES)) return NagRuleCompliance.NOT_APPLICABLE;
  const denies: JsonObject[] = [];
  for (const policy of queuePoliciesFor(template, resource.logicalId)) {
    const statements = policyStatements(at(policy.properties, 'PolicyDocument'));
    if (statements === UNRESOLVED) continue;
    denies.push(...statements.filter((s) => isInsecureTransportDeny(s) && coversQueue(s, resource.logicalId)));
  }
  const covered = MESSAGE_ACTIONS.every((action) =>
    denies.some((s) => asList(s.Action).some((a) => typeof a === 'string' && actionPatternMatches(a, action))),
  );
  return covered ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

/** A policy's Resource names the queue by its ARN: `Ref` gives the queue's URL, which no request's resource matches. */
function coversQueue(statement: JsonObject, queueId: string): boolean {
  return asList(statement.Resource).some((r) => r === '*' || (referencedLogicalId(r) === queueId && getAttAttribute(r) === 'Arn'));
}
