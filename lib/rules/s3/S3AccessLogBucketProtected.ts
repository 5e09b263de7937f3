import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ACCESS_LOG_DELETE_ACTIONS } from '../../baseline/audit-log-tampering';
import { bucketNameToken, sameValueText, surelyCovers } from '../../pack/arn-text';
import { ElectionRule } from '../../pack/election-rule';
import { asList, at, isObject, JsonObject } from '../../baseline/intrinsics';
import { defaultRetentionDays, objectLockEnabled, objectLockFaultPath } from '../../pack/object-lock';
import { actionPatternMatches, allowsAnyAction, isLiteralEveryone, policyStatements } from '../../pack/policy-document';
import { namedByDeliveryDestination, namedByLegacyCloudFrontLogging } from '../../pack/log-deliveries';
import { StackTemplate, TemplateResource, UNRESOLVED } from '../../pack/template-model';
import { MIN_AUDIT_LOG_RETENTION_DAYS } from '../../baseline/records-retention';
import { LOG_DELIVERY_SERVICE } from '../../baseline/log-delivery-services';

/**
 * A bucket that receives access logs (who read voter data) keeps them a
 * year, as far as S3 allows for the path they arrive by.
 */
export const S3AccessLogBucketProtected: ElectionRule = {
  name: 'S3AccessLogBucketProtected',
  level: NagMessageLevel.ERROR,
  info:
    'The bucket receives access logs but does not keep them: a server access log target needs versioning, no Object Lock ' +
    'and a bucket-policy Deny of object deletes to everyone; a CloudWatch log delivery target needs Object Lock COMPLIANCE ' +
    `of at least ${MIN_AUDIT_LOG_RETENTION_DAYS} days.`,
  explanation:
    'Access logs show who read voter data; an intruder erases them first. S3 drops server access logs to a bucket with ' +
    'Object Lock, so there a Deny on deletes stands in for WORM; vended log delivery accepts Object Lock, so it is required.',
  controls: ['NIST-800-53-r5:AU-9', 'NIST-800-53-r5:AU-11', 'NIST-800-53-r5:AU-2', 'CISA-CPG:2.U', 'CIS-v8:8.10'],
  resourceTypes: ['AWS::S3::Bucket'],
  waivable: true,
  faultPath: accessLogBucketFaultPath,
  check: s3AccessLogBucketProtected,
};

function s3AccessLogBucketProtected(bucket: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const serverAccess = template.isServerAccessLogDestination(bucket.logicalId);
  const vended = receivesVendedLogs(bucket.logicalId, template);
  const cloudFrontLegacy = namedByLegacyCloudFrontLogging(template, bucket);
  if (!serverAccess && !vended && !cloudFrontLegacy) return NagRuleCompliance.NOT_APPLICABLE;
  const worm = defaultRetentionDays(bucket, 'COMPLIANCE', template) >= MIN_AUDIT_LOG_RETENTION_DAYS;
  const deleteDenied = () => versioned(bucket) && deniesDeletes(bucket, template);
  // S3 does not deliver server access logs to a bucket with Object Lock; vended delivery writes through it.
  if (serverAccess) return !vended && objectLockEnabled(bucket) === false && deleteDenied() ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  if (vended) return worm ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  return worm || deleteDenied() ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

/** Named by an `AWS::Logs::DeliveryDestination`, or granting `delivery.logs.amazonaws.com` s3:PutObject in its policy. */
function receivesVendedLogs(bucketId: string, template: StackTemplate): boolean {
  return namedByDeliveryDestination(template, bucketId) || template.bucketPoliciesFor(bucketId).some((policy) => {
    const statements = policyStatements(policy.properties.PolicyDocument);
    return statements !== UNRESOLVED && statements.some((s) =>
      allowsAnyAction(s, ['s3:PutObject']) && isObject(s.Principal) && asList(s.Principal.Service).includes(LOG_DELIVERY_SERVICE));
  });
}

function versioned(bucket: TemplateResource): boolean {
  return at(bucket.properties, 'VersioningConfiguration', 'Status') === 'Enabled';
}

/** Some policy of the bucket denies every principal each delete of its objects, with no condition or exception. */
function deniesDeletes(bucket: TemplateResource, template: StackTemplate): boolean {
  const objects = `arn:aws:s3:::${bucketNameToken(bucket.logicalId, template)}/any-object`;
  return template.bucketPoliciesFor(bucket.logicalId).some((policy) => {
    const statements = policyStatements(policy.properties.PolicyDocument);
    return statements !== UNRESOLVED && statements.some((s) => isDeleteDeny(s, objects, template));
  });
}

function isDeleteDeny(statement: JsonObject, objects: string, template: StackTemplate): boolean {
  if (statement.Effect !== 'Deny' || !isLiteralEveryone(statement.Principal) || statement.Condition !== undefined) return false;
  if (statement.NotPrincipal !== undefined || statement.NotAction !== undefined || statement.NotResource !== undefined) return false;
  const actions = asList(statement.Action);
  const covered = ACCESS_LOG_DELETE_ACTIONS.every((action) => actions.some((a) => typeof a === 'string' && actionPatternMatches(a, action)));
  const resources = asList(statement.Resource).map((r) => sameValueText(r, template));
  return covered && resources.some((r) => r !== undefined && surelyCovers(r, objects));
}

/**
 * A server access log bucket's Object Lock (S3 will not deliver through it) or
 * versioning; a vended or CloudFront log bucket's Object Lock retention. A
 * missing delete deny is the bucket policy's fault, another resource.
 */
function accessLogBucketFaultPath(bucket: TemplateResource, template: StackTemplate): string | undefined {
  if (template.isServerAccessLogDestination(bucket.logicalId) && !receivesVendedLogs(bucket.logicalId, template)) {
    if (objectLockEnabled(bucket) !== false) return 'Properties.ObjectLockEnabled';
    return versioned(bucket) ? undefined : 'Properties.VersioningConfiguration.Status';
  }
  return objectLockFaultPath(bucket);
}
