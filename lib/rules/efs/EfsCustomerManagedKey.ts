import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { customerKeyPath, customerKeyVerdict } from '../../pack/customer-keys';
import { ElectionRule } from '../../pack/election-rule';
import { StackTemplate, TemplateResource } from '../../pack/template-model';

/** File systems of records, voter PII and audit logs are encrypted under a key the agency controls. */
export const EfsCustomerManagedKey: ElectionRule = {
  name: 'EfsCustomerManagedKey',
  level: NagMessageLevel.ERROR,
  info: 'The EFS file system holds election records, voter PII or audit logs and is not encrypted with a customer-managed KMS key.',
  explanation:
    'Encrypted true with a KmsKeyId the agency controls passes; no encryption or aws/elasticfilesystem fails. A key ' +
    'the template cannot show is left to KmsKeyUnverifiable.',
  controls: ['NIST-800-53-r5:SC-28', 'NIST-800-53-r5:SC-28(1)', 'NIST-800-53-r5:SC-12', 'CISA-CPG:2.K', 'CIS-v8:3.11'],
  resourceTypes: ['AWS::EFS::FileSystem'],
  waivable: false,
  faultPath: customerKeyPath,
  check: efsCustomerManagedKey,
};

function efsCustomerManagedKey(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  return customerKeyVerdict(resource, template);
}
