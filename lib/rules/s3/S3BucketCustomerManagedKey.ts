import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { customerKeyPath, customerKeyVerdict } from '../../pack/customer-keys';
import { ElectionRule } from '../../pack/election-rule';
import { StackTemplate, TemplateResource } from '../../pack/template-model';

/** Records, voter PII and audit logs are encrypted under a key the agency controls. */
export const S3BucketCustomerManagedKey: ElectionRule = {
  name: 'S3BucketCustomerManagedKey',
  level: NagMessageLevel.ERROR,
  info: 'The bucket holds election records, voter PII or audit logs and is not encrypted with a customer-managed KMS key.',
  explanation:
    'Ransomware crews and insiders who reach the bucket also need the key; with a customer-managed key the ' +
    'agency decides who decrypts and can cut access. SSE-S3 and alias/aws/s3 fail.',
  rationale:
    'A key the template does not resolve is left to KmsKeyUnverifiable.',
  controls: ['NIST-800-53-r5:SC-28', 'NIST-800-53-r5:SC-28(1)', 'NIST-800-53-r5:SC-12', 'NIST-800-53-r5:SC-13', 'CISA-CPG:2.K', 'CISA-CPG:2.L', 'CIS-v8:3.11'],
  resourceTypes: ['AWS::S3::Bucket'],
  waivable: false,
  faultPath: customerKeyPath,
  check: s3BucketCustomerManagedKey,
};

function s3BucketCustomerManagedKey(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  return customerKeyVerdict(resource, template);
}
