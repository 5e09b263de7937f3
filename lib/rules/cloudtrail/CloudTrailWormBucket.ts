import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { defaultRetentionDays } from '../../pack/object-lock';
import { StackTemplate, TemplateResource } from '../../pack/template-model';
import { MIN_AUDIT_LOG_RETENTION_DAYS } from '../../baseline/records-retention';

/** The trail delivers into a write-once bucket nobody can empty. */
export const CloudTrailWormBucket: ElectionRule = {
  name: 'CloudTrailWormBucket',
  level: NagMessageLevel.ERROR,
  info:
    'The CloudTrail trail does not deliver to a bucket of this template with Object Lock in COMPLIANCE mode and a ' +
    `default retention of at least ${MIN_AUDIT_LOG_RETENTION_DAYS} days.`,
  explanation:
    "An intruder with admin rights first erases the trail of what they did. Passes: the trail's bucket, of this " +
    `template, has Object Lock in COMPLIANCE mode for at least ${MIN_AUDIT_LOG_RETENTION_DAYS} days.`,
  rationale:
    'Ransomware crews with admin rights do the same to hide what they did to election systems. COMPLIANCE ' +
    'mode makes each log file write-once for its retention: not the root user, not the attacker, can delete ' +
    'it (CISA CPG 2.U; NIST AU-9, AU-11). The bucket is found by S3BucketName (a Ref or the literal name of a ' +
    'bucket of this template); a bucket the template cannot resolve fails. Waive it only when the trail ' +
    'delivers to an organization log archive in a separate account that is itself locked, naming that bucket ' +
    'in the reason.',
  controls: ['NIST-800-53-r5:AU-9', 'NIST-800-53-r5:AU-9(2)', 'NIST-800-53-r5:AU-11', 'CISA-CPG:2.U', 'CIS-v8:8.10'],
  resourceTypes: ['AWS::CloudTrail::Trail'],
  waivable: true,
  faultPath: () => 'Properties.S3BucketName',
  check: cloudTrailWormBucket,
};

function cloudTrailWormBucket(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const bucketId = template.bucketIdOf(resource.properties.S3BucketName);
  const bucket = bucketId === undefined ? undefined : template.get(bucketId);
  if (!bucket) return NagRuleCompliance.NON_COMPLIANT;
  return defaultRetentionDays(bucket, 'COMPLIANCE', template) >= MIN_AUDIT_LOG_RETENTION_DAYS ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
