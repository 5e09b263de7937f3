import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { RETAINED_DATA_CLASSES } from '../../baseline/disposable-data';
import { requiredForClass } from '../../pack/data-class-of';
import { keptOnDeleteAndReplace, retentionFaultPath } from '../../pack/deletion-policy';
import { ElectionRule } from '../../pack/election-rule';
import { TemplateResource } from '../../pack/template-model';

/**
 * Records, voter PII and audit logs survive a stack delete, waiver or not.
 * RetainStatefulResources covers every store and may be waived for staging
 * data; this rule is the part of it no waiver reaches.
 */
export const S3SensitiveBucketRetained: ElectionRule = {
  name: 'S3SensitiveBucketRetained',
  level: NagMessageLevel.ERROR,
  info: 'The bucket of election records, voter PII or audit logs (or of no class) is not kept on stack delete or replacement.',
  explanation:
    'A `cdk destroy` must never erase election records (52 U.S.C. 20701), voter PII or audit logs. Passes: ' +
    'DeletionPolicy Retain (or RetainExceptOnCreate) and UpdateReplacePolicy Retain.',
  rationale:
    'Only operational and public-content buckets may go with a staging stack.',
  controls: ['52-USC-20701', 'NIST-800-53-r5:CP-9', 'NIST-800-53-r5:AU-11', 'NIST-800-53-r5:SI-12', 'CIS-v8:3.4'],
  resourceTypes: ['AWS::S3::Bucket'],
  waivable: false,
  faultPath: retentionFaultPath,
  check: s3SensitiveBucketRetained,
};

function s3SensitiveBucketRetained(resource: TemplateResource): NagRuleCompliance {
  if (!requiredForClass(resource, RETAINED_DATA_CLASSES)) return NagRuleCompliance.NOT_APPLICABLE;
  return keptOnDeleteAndReplace(resource) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
