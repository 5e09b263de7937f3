import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { customerKeyPath, customerKeyVerdict } from '../../pack/customer-keys';
import { ElectionRule } from '../../pack/election-rule';
import { StackTemplate, TemplateResource } from '../../pack/template-model';

/** Trail log files are encrypted under a key the agency controls. */
export const CloudTrailEncrypted: ElectionRule = {
  name: 'CloudTrailEncrypted',
  level: NagMessageLevel.ERROR,
  info: 'The CloudTrail trail does not encrypt its log files with a customer-managed KMS key (KMSKeyId).',
  explanation:
    'Trail logs map who administers election systems, from where, with which roles. With a customer-managed key, ' +
    'reading the archive also takes kms:Decrypt, which the agency grants, logs and can revoke. It cannot be waived.',
  controls: ['NIST-800-53-r5:AU-9(3)', 'NIST-800-53-r5:SC-28', 'NIST-800-53-r5:SC-28(1)', 'NIST-800-53-r5:SC-12', 'CISA-CPG:2.U', 'CIS-v8:3.11'],
  resourceTypes: ['AWS::CloudTrail::Trail'],
  waivable: false,
  faultPath: customerKeyPath,
  check: cloudTrailEncrypted,
};

function cloudTrailEncrypted(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  return customerKeyVerdict(resource, template);
}
