import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { customerKeyPath, customerKeyVerdict } from '../../pack/customer-keys';
import { ElectionRule } from '../../pack/election-rule';
import { StackTemplate, TemplateResource } from '../../pack/template-model';

/** Log groups of audit logs, voter PII or records are encrypted under a key the agency controls. */
export const LogGroupEncrypted: ElectionRule = {
  name: 'LogGroupEncrypted',
  level: NagMessageLevel.ERROR,
  info: 'The log group holds audit logs, voter PII or election records (or declares no class) and has no customer-managed KMS key (KmsKeyId).',
  explanation:
    'Audit logs map how election systems are run, and application logs can carry voter PII. Passes: a ' +
    'customer-managed KmsKeyId, so reading takes kms:Decrypt, which the agency grants and revokes (AU-9(3)).',
  rationale:
    'Operational and public-content groups are not judged.',
  controls: ['NIST-800-53-r5:AU-9', 'NIST-800-53-r5:AU-9(3)', 'NIST-800-53-r5:SC-28', 'NIST-800-53-r5:SC-28(1)', 'NIST-800-53-r5:SC-12', 'CISA-CPG:2.U', 'CIS-v8:3.11'],
  resourceTypes: ['AWS::Logs::LogGroup'],
  waivable: false,
  faultPath: customerKeyPath,
  check: logGroupEncrypted,
};

function logGroupEncrypted(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  return customerKeyVerdict(resource, template);
}
