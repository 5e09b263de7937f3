import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { DataClass } from '../../data-class';
import { requiredForClass } from '../../pack/data-class-of';
import { ElectionRule } from '../../pack/election-rule';
import { asList, at, isObject, referencedLogicalId } from '../../pack/intrinsics';
import { StackTemplate, TemplateResource } from '../../pack/template-model';

/** Records, voter PII and audit logs are encrypted under a key the agency controls. */
export const S3BucketCustomerManagedKey: ElectionRule = {
  name: 'S3BucketCustomerManagedKey',
  level: NagMessageLevel.ERROR,
  info: 'The bucket holds election records, voter PII or audit logs and is not encrypted with a customer-managed KMS key.',
  explanation:
    'Ransomware crews and insiders who reach a bucket through a leaked credential also need the key. With a ' +
    'customer-managed key the agency decides who may decrypt, every decrypt is logged in CloudTrail, and access ' +
    'can be cut off by disabling the key. SSE-S3 and the AWS-managed aws/s3 key give none of that. A key given ' +
    'by an intrinsic the template does not resolve fails the rule.',
  controls: ['NIST-800-53-r5:SC-28', 'NIST-800-53-r5:SC-28(1)', 'NIST-800-53-r5:SC-12', 'NIST-800-53-r5:SC-13', 'CISA-CPG:2.K', 'CISA-CPG:2.L'],
  resourceTypes: ['AWS::S3::Bucket'],
  waivable: false,
  check: s3BucketCustomerManagedKey,
};

const KMS_ALGORITHMS = ['aws:kms', 'aws:kms:dsse'];
const KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/;

function s3BucketCustomerManagedKey(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  if (!requiredForClass(resource, [DataClass.ELECTION_RECORDS, DataClass.VOTER_PII, DataClass.AUDIT_LOGS])) {
    return NagRuleCompliance.NOT_APPLICABLE;
  }
  const rules = at(resource.properties, 'BucketEncryption', 'ServerSideEncryptionConfiguration');
  if (!Array.isArray(rules) || rules.length === 0) return NagRuleCompliance.NON_COMPLIANT;
  const allCustomerManaged = asList(rules).every((rule) => {
    const byDefault = at(rule, 'ServerSideEncryptionByDefault');
    if (!isObject(byDefault) || !KMS_ALGORITHMS.includes(byDefault.SSEAlgorithm as string)) return false;
    return isCustomerManagedKey(byDefault.KMSMasterKeyID, template);
  });
  return allCustomerManaged ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

/**
 * A reference to a KMS key of this template, or a literal key ARN. Aliases
 * (`alias/aws/s3` is AWS-managed), parameters and imports cannot be told apart
 * from an AWS-managed key, so they fail.
 */
function isCustomerManagedKey(value: unknown, template: StackTemplate): boolean {
  const id = referencedLogicalId(value);
  if (id !== undefined) return template.get(id)?.type === 'AWS::KMS::Key';
  return typeof value === 'string' && KEY_ARN.test(value);
}
