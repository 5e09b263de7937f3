import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { DataClass } from '../../baseline/data-class';
import { requiredForClass } from '../../pack/data-class-of';
import { ElectionRule } from '../../pack/election-rule';
import { asList, isObject } from '../../baseline/intrinsics';
import { auditLogWritersOf } from '../../pack/log-deliveries';
import { defaultRetentionDays, objectLockFaultPath } from '../../pack/object-lock';
import { allowsAnyAction, policyStatements } from '../../pack/policy-document';
import { StackTemplate, TemplateResource, UNRESOLVED } from '../../pack/template-model';
import { MIN_AUDIT_LOG_RETENTION_DAYS } from '../../baseline/records-retention';
import { AUDIT_LOG_ARCHIVE_SERVICES } from '../../baseline/log-delivery-services';

/** A bucket CloudTrail or AWS Config delivers to is write-once for a year. */
export const S3LogArchiveObjectLock: ElectionRule = {
  name: 'S3LogArchiveObjectLock',
  level: NagMessageLevel.ERROR,
  info:
    'The bucket receives CloudTrail or AWS Config delivery but lacks Object Lock in COMPLIANCE mode with a default ' +
    `retention of at least ${MIN_AUDIT_LOG_RETENTION_DAYS} days.`,
  explanation:
    'An intruder first erases the CloudTrail and Config history of what they did. Passes: the log archive bucket ' +
    `has Object Lock in COMPLIANCE mode for at least ${MIN_AUDIT_LOG_RETENTION_DAYS} days.`,
  rationale:
    'Ransomware crews with admin rights do the same to hide what they did to election systems. COMPLIANCE ' +
    'mode makes each delivered file write-once for its retention; GOVERNANCE can be bypassed and does not ' +
    'count (CISA CPG 2.U; NIST AU-9, AU-11). 365 days is the least NIST AU-11 practice keeps. It applies to a ' +
    'bucket tagged audit-logs (or not classified) that a trail or a Config delivery channel of the template ' +
    'names, or whose bucket policy allows cloudtrail.amazonaws.com or config.amazonaws.com s3:PutObject; a ' +
    'policy the template does not resolve counts as one that does. It cannot be waived: the bucket itself ' +
    'receives the logs, so no archive elsewhere stands in for it.',
  controls: ['NIST-800-53-r5:AU-9', 'NIST-800-53-r5:AU-9(2)', 'NIST-800-53-r5:AU-11', 'CISA-CPG:2.U', 'CIS-v8:8.10'],
  resourceTypes: ['AWS::S3::Bucket'],
  waivable: false,
  faultPath: objectLockFaultPath,
  check: s3LogArchiveObjectLock,
};

function s3LogArchiveObjectLock(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  if (!requiredForClass(resource, [DataClass.AUDIT_LOGS])) return NagRuleCompliance.NOT_APPLICABLE;
  if (!receivesAuditLogs(resource.logicalId, template)) return NagRuleCompliance.NOT_APPLICABLE;
  return defaultRetentionDays(resource, 'COMPLIANCE', template) >= MIN_AUDIT_LOG_RETENTION_DAYS ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

function receivesAuditLogs(bucketId: string, template: StackTemplate): boolean {
  return auditLogWritersOf(template, bucketId).length > 0 || template.bucketPoliciesFor(bucketId).some(allowsServiceDelivery);
}

function allowsServiceDelivery(policy: TemplateResource): boolean {
  const statements = policyStatements(policy.properties.PolicyDocument);
  if (statements === UNRESOLVED) return true;
  return statements.some((statement) => {
    if (!allowsAnyAction(statement, ['s3:PutObject'])) return false;
    const principal = statement.Principal;
    if (!isObject(principal)) return false;
    return asList(principal.Service).some((service) => typeof service === 'string' && AUDIT_LOG_ARCHIVE_SERVICES.includes(service));
  });
}
