import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { customerKeyPath, customerKeyVerdict } from '../../pack/customer-keys';
import { ElectionRule } from '../../pack/election-rule';
import { StackTemplate, TemplateResource } from '../../pack/template-model';

/** Topics carrying security alerts are encrypted under a key the agency controls. */
export const SnsTopicEncrypted: ElectionRule = {
  name: 'SnsTopicEncrypted',
  level: NagMessageLevel.ERROR,
  info: 'The SNS topic is not encrypted with a customer-managed KMS key (KmsMasterKeyId absent or alias/aws/sns).',
  explanation:
    'Security alerts tell an intruder what was noticed. A customer-managed key lets the agency decide who publishes ' +
    'and reads; alias/aws/sns cannot grant EventBridge or CloudWatch, so alarms through it fail silently.',
  controls: ['NIST-800-53-r5:SC-28', 'NIST-800-53-r5:SC-28(1)', 'NIST-800-53-r5:SC-12', 'CISA-CPG:2.K', 'CIS-v8:3.11'],
  resourceTypes: ['AWS::SNS::Topic'],
  waivable: true,
  faultPath: customerKeyPath,
  check: snsTopicEncrypted,
};

function snsTopicEncrypted(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  return customerKeyVerdict(resource, template);
}
