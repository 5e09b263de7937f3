import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { defaultRetentionDays } from '../../pack/object-lock';
import { StackTemplate, TemplateResource } from '../../pack/template-model';

/** The fewest days an archive of audit logs must hold each object (NIST AU-11). */
export const MIN_LOG_ARCHIVE_RETENTION_DAYS = 365;

/** The trail delivers into a write-once bucket nobody can empty. */
export const CloudTrailWormBucket: ElectionRule = {
  name: 'CloudTrailWormBucket',
  level: NagMessageLevel.ERROR,
  info:
    'The CloudTrail trail does not deliver to a bucket of this template with Object Lock in COMPLIANCE mode and a ' +
    `default retention of at least ${MIN_LOG_ARCHIVE_RETENTION_DAYS} days.`,
  explanation:
    'The first thing an intruder or ransomware crew with admin rights does is erase the trail of what they did ' +
    'to election systems. Object Lock in COMPLIANCE mode makes each log file write-once for its retention: ' +
    'not the root user, not the attacker, can delete it (CISA CPG 2.U; NIST AU-9, AU-11). The bucket is found ' +
    'by S3BucketName (a Ref or the literal name of a bucket of this template); a bucket the template cannot ' +
    'resolve fails. Waive it only when the trail delivers to an organization log archive in a separate ' +
    'account that is itself locked, naming that bucket in the reason.',
  controls: ['NIST-800-53-r5:AU-9', 'NIST-800-53-r5:AU-9(2)', 'NIST-800-53-r5:AU-11', 'CISA-CPG:2.U', 'CIS-v8:8.10'],
  resourceTypes: ['AWS::CloudTrail::Trail'],
  waivable: true,
  check: cloudTrailWormBucket,
};

function cloudTrailWormBucket(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const bucketId = template.bucketIdOf(resource.properties.S3BucketName);
  const bucket = bucketId === undefined ? undefined : template.get(bucketId);
  if (!bucket) return NagRuleCompliance.NON_COMPLIANT;
  return defaultRetentionDays(bucket, 'COMPLIANCE', template) >= MIN_LOG_ARCHIVE_RETENTION_DAYS ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
