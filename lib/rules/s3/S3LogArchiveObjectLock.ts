import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { DataClass } from '../../data-class';
import { requiredForClass } from '../../pack/data-class-of';
import { ElectionRule } from '../../pack/election-rule';
import { asList, isObject } from '../../pack/intrinsics';
import { defaultRetentionDays } from '../../pack/object-lock';
import { allowsAnyAction, policyStatements } from '../../pack/policy-document';
import { StackTemplate, TemplateResource, UNRESOLVED } from '../../pack/template-model';
import { MIN_LOG_ARCHIVE_RETENTION_DAYS } from '../cloudtrail/CloudTrailWormBucket';

/** The services whose delivery makes a bucket an archive of audit logs. */
const LOG_DELIVERY_SERVICES = ['cloudtrail.amazonaws.com', 'config.amazonaws.com'];

/** A bucket CloudTrail or AWS Config delivers to is write-once for a year. */
export const S3LogArchiveObjectLock: ElectionRule = {
  name: 'S3LogArchiveObjectLock',
  level: NagMessageLevel.ERROR,
  info:
    'The bucket receives CloudTrail or AWS Config delivery but lacks Object Lock in COMPLIANCE mode with a default ' +
    `retention of at least ${MIN_LOG_ARCHIVE_RETENTION_DAYS} days.`,
  explanation:
    'The first thing an intruder or ransomware crew with admin rights does is erase the record of what they did ' +
    'to election systems: the CloudTrail and AWS Config history in the log archive. Object Lock in COMPLIANCE ' +
    'mode makes each delivered file write-once for its retention; GOVERNANCE can be bypassed and does not count ' +
    `(CISA CPG 2.U; NIST AU-9, AU-11). ${MIN_LOG_ARCHIVE_RETENTION_DAYS} days is the least NIST AU-11 practice keeps. ` +
    'It applies to a bucket tagged audit-logs (or not classified) that a trail or a Config delivery channel of ' +
    'the template names, or whose bucket policy allows cloudtrail.amazonaws.com or config.amazonaws.com ' +
    's3:PutObject; a policy the template does not resolve counts as one that does. It cannot be waived: the ' +
    'bucket itself receives the logs, so no archive elsewhere stands in for it.',
  controls: ['NIST-800-53-r5:AU-9', 'NIST-800-53-r5:AU-9(2)', 'NIST-800-53-r5:AU-11', 'CISA-CPG:2.U', 'CIS-v8:8.10'],
  resourceTypes: ['AWS::S3::Bucket'],
  waivable: false,
  check: s3LogArchiveObjectLock,
};

function s3LogArchiveObjectLock(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  if (!requiredForClass(resource, [DataClass.AUDIT_LOGS])) return NagRuleCompliance.NOT_APPLICABLE;
  if (!receivesAuditLogs(resource.logicalId, template)) return NagRuleCompliance.NOT_APPLICABLE;
  return defaultRetentionDays(resource, 'COMPLIANCE', template) >= MIN_LOG_ARCHIVE_RETENTION_DAYS ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

function receivesAuditLogs(bucketId: string, template: StackTemplate): boolean {
  const named = [...template.ofType('AWS::CloudTrail::Trail'), ...template.ofType('AWS::Config::DeliveryChannel')].some(
    (source) => template.bucketIdOf(source.properties.S3BucketName) === bucketId,
  );
  return named || template.bucketPoliciesFor(bucketId).some(allowsServiceDelivery);
}

function allowsServiceDelivery(policy: TemplateResource): boolean {
  const statements = policyStatements(policy.properties.PolicyDocument);
  if (statements === UNRESOLVED) return true;
  return statements.some((statement) => {
    if (!allowsAnyAction(statement, ['s3:PutObject'])) return false;
    const principal = statement.Principal;
    if (!isObject(principal)) return false;
    return asList(principal.Service).some((service) => typeof service === 'string' && LOG_DELIVERY_SERVICES.includes(service));
  });
}
