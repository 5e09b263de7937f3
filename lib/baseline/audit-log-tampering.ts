/**
 * What erasing or unlocking an audit-log or records bucket takes, in one
 * place for the constructs that deny it and the rules that judge it.
 */

/**
 * S3 actions that delete what an audit-log or records bucket holds, or change
 * the policy, Object Lock, lifecycle or versioning that keep it: no role
 * needs them, since disposal after the retention is the lifecycle's job and
 * configuration is CloudFormation's.
 */
export const BUCKET_TAMPER_ACTIONS: readonly string[] = [
  's3:DeleteObject',
  's3:DeleteObjectVersion',
  's3:DeleteBucket',
  's3:PutBucketPolicy',
  's3:DeleteBucketPolicy',
  's3:PutBucketObjectLockConfiguration',
  's3:PutObjectRetention',
  's3:BypassGovernanceRetention',
  's3:PutLifecycleConfiguration',
  's3:PutBucketVersioning',
];

/**
 * What the bucket policy of a server access log bucket denies to every
 * principal, in place of the Object Lock S3 refuses on such a bucket: a
 * delete marker hides a log object and a version delete erases it. Lifecycle
 * expiry is S3's own action, which a bucket policy does not stop.
 */
export const ACCESS_LOG_DELETE_ACTIONS: readonly string[] = ['s3:DeleteObject', 's3:DeleteObjectVersion'];

/**
 * AWS managed policies known to allow every action of BUCKET_TAMPER_ACTIONS
 * on every bucket: `*`, `s3:*`, or everything but IAM and Organizations.
 */
export const AWS_MANAGED_BUCKET_TAMPER_POLICIES: readonly string[] = ['AdministratorAccess', 'PowerUserAccess', 'AmazonS3FullAccess'];
