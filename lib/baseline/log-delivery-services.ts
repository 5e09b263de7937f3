/**
 * The AWS service principals that deliver logs into a bucket. The archive and
 * access-log buckets grant exactly these, and the rules that find an audit-log
 * archive or an access-log bucket recognise a bucket by the same names.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_aws-services-that-work-with-iam.html (AWS service principals)
 */

/** CloudTrail's service principal, which writes trail logs. AWS service principal. */
export const CLOUDTRAIL_SERVICE = 'cloudtrail.amazonaws.com';

/** AWS Config's service principal, which writes configuration snapshots and history. AWS service principal. */
export const CONFIG_SERVICE = 'config.amazonaws.com';

/** CloudWatch vended log delivery: CloudFront standard logs (v2), WAF logs. AWS service principal. */
export const LOG_DELIVERY_SERVICE = 'delivery.logs.amazonaws.com';

/** S3 server access logging's service principal. AWS service principal. */
export const S3_SERVER_ACCESS_LOGGING_SERVICE = 'logging.s3.amazonaws.com';

/** The services whose delivery makes a bucket an archive of audit logs, held to the audit-log Object Lock floor (NIST AU-9, AU-11). */
export const AUDIT_LOG_ARCHIVE_SERVICES: readonly string[] = [CLOUDTRAIL_SERVICE, CONFIG_SERVICE];
