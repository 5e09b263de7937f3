import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { customerKeyPath, customerKeyVerdict } from '../../pack/customer-keys';
import { ElectionRule } from '../../pack/election-rule';
import { StackTemplate, TemplateResource } from '../../pack/template-model';

/** Queues carrying records, voter PII or audit logs are encrypted under a key the agency controls. */
export const SqsQueueCustomerManagedKey: ElectionRule = {
  name: 'SqsQueueCustomerManagedKey',
  level: NagMessageLevel.ERROR,
  info: 'The queue carries election records, voter PII or audit logs and is not encrypted with a customer-managed KMS key (KmsMasterKeyId).',
  explanation:
    'Messages in flight hold the records they move. KmsMasterKeyId must name a key the agency controls; SqsManagedSseEnabled ' +
    'and alias/aws/sqs are AWS\'s keys and fail. A key the template does not resolve is left to KmsKeyUnverifiable.',
  controls: ['NIST-800-53-r5:SC-28', 'NIST-800-53-r5:SC-28(1)', 'NIST-800-53-r5:SC-12', 'CISA-CPG:2.K', 'CIS-v8:3.11'],
  resourceTypes: ['AWS::SQS::Queue'],
  waivable: false,
  faultPath: customerKeyPath,
  check: sqsQueueCustomerManagedKey,
};

function sqsQueueCustomerManagedKey(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  return customerKeyVerdict(resource, template);
}
