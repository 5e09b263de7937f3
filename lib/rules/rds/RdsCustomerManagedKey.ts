import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { customerKeyPath, customerKeyVerdict } from '../../pack/customer-keys';
import { ElectionRule } from '../../pack/election-rule';
import { DB_CLUSTER, DB_INSTANCE } from '../../pack/rds-database';
import { StackTemplate, TemplateResource } from '../../pack/template-model';

/** Databases of records, voter PII and audit logs are encrypted under a key the agency controls. */
export const RdsCustomerManagedKey: ElectionRule = {
  name: 'RdsCustomerManagedKey',
  level: NagMessageLevel.ERROR,
  info: 'The database holds election records, voter PII or audit logs and its storage is not encrypted with a customer-managed KMS key.',
  explanation:
    'StorageEncrypted true with a KmsKeyId the agency controls passes; no encryption or aws/rds fails. Aurora is judged ' +
    'on the cluster, a replica or restore by its source; a key the template cannot show is left to KmsKeyUnverifiable.',
  controls: ['NIST-800-53-r5:SC-28', 'NIST-800-53-r5:SC-28(1)', 'NIST-800-53-r5:SC-12', 'CISA-CPG:2.K', 'CIS-v8:3.11'],
  resourceTypes: [DB_INSTANCE, DB_CLUSTER],
  waivable: false,
  faultPath: customerKeyPath,
  check: rdsCustomerManagedKey,
};

function rdsCustomerManagedKey(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  return customerKeyVerdict(resource, template);
}
