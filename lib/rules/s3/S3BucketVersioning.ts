import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { at } from '../../baseline/intrinsics';
import { TemplateResource } from '../../pack/template-model';

/** Every overwrite or delete leaves the earlier version recoverable. */
export const S3BucketVersioning: ElectionRule = {
  name: 'S3BucketVersioning',
  level: NagMessageLevel.ERROR,
  info: 'The bucket does not have versioning enabled.',
  explanation:
    'Ransomware that reaches a bucket overwrites or deletes its objects. Versioning keeps the earlier versions ' +
    'so the office can restore them, and Object Lock (which election records also need) requires it.',
  controls: ['NIST-800-53-r5:CP-9', 'NIST-800-53-r5:CP-10', 'NIST-800-53-r5:SI-12', 'CISA-CPG:2.R'],
  resourceTypes: ['AWS::S3::Bucket'],
  waivable: true,
  faultPath: () => 'Properties.VersioningConfiguration.Status',
  check: s3BucketVersioning,
};

function s3BucketVersioning(resource: TemplateResource): NagRuleCompliance {
  return at(resource.properties, 'VersioningConfiguration', 'Status') === 'Enabled'
    ? NagRuleCompliance.COMPLIANT
    : NagRuleCompliance.NON_COMPLIANT;
}
