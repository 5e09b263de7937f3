import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { customerKeyPath, customerKeyVerdict } from '../../pack/customer-keys';
import { ElectionRule } from '../../pack/election-rule';
import { StackTemplate, TemplateResource } from '../../pack/template-model';

/** Vaults holding backups of records, voter PII and audit logs are encrypted under a key the agency controls. */
export const BackupVaultCustomerManagedKey: ElectionRule = {
  name: 'BackupVaultCustomerManagedKey',
  level: NagMessageLevel.ERROR,
  info: 'The backup vault holds election records, voter PII or audit logs and has no customer-managed EncryptionKeyArn.',
  explanation:
    'Without EncryptionKeyArn the vault uses the AWS-managed aws/backup key, so the agency cannot decide who restores a ' +
    'copy of the voter roll. A key the template cannot show is left to KmsKeyUnverifiable.',
  controls: ['NIST-800-53-r5:SC-28', 'NIST-800-53-r5:SC-28(1)', 'NIST-800-53-r5:SC-12', 'NIST-800-53-r5:CP-9', 'CISA-CPG:2.K', 'CIS-v8:3.11'],
  resourceTypes: ['AWS::Backup::BackupVault'],
  waivable: false,
  faultPath: customerKeyPath,
  check: backupVaultCustomerManagedKey,
};

function backupVaultCustomerManagedKey(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  return customerKeyVerdict(resource, template);
}
