import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { MIN_KEY_PENDING_WINDOW_DAYS } from '../../lib/baseline/key-deletion';

/**
 * The S3 baseline on one screen. Every bucket this library makes starts here;
 * each setting names the threat it answers.
 */
export interface HardenedBucketOptions {
  readonly encryptionKey: kms.IKey;
  readonly removalPolicy: RemovalPolicy;
  /** Only for a staging bucket with DESTROY: SecureBucket checks the opt-out. */
  readonly autoDeleteObjects?: boolean;
  readonly noncurrentVersionExpiration: Duration;
  readonly serverAccessLogsBucket?: s3.IBucket;
  readonly serverAccessLogsPrefix?: string;
  readonly objectLockRetention?: Duration;
  /** False only for a server access log target: S3 does not deliver those logs to a bucket with Object Lock. */
  readonly objectLockEnabled?: boolean;
  readonly bucketName?: string;
}

/** Days after which noncurrent versions move to Glacier Instant Retrieval: cheap, still readable in milliseconds. */
export const NONCURRENT_TRANSITION_DAYS = 30;

export function hardenedBucketProps(options: HardenedBucketOptions): s3.BucketProps {
  return {
    bucketName: options.bucketName,
    // Ransomware and insiders must also hold the key (NIST SC-28, CISA CPG 2.K).
    encryption: s3.BucketEncryption.KMS,
    encryptionKey: options.encryptionKey,
    bucketKeyEnabled: true,
    // Public buckets are how voter data leaks; public content goes out through CloudFront (CPG 2.W).
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    // No plain-HTTP or TLS 1.0/1.1 access (NIST SC-8).
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    // Overwrites and deletes stay recoverable (NIST CP-9; ransomware).
    versioned: true,
    // ACLs off: the policies an auditor reads are the whole story (NIST AC-3).
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    serverAccessLogsBucket: options.serverAccessLogsBucket,
    serverAccessLogsPrefix: options.serverAccessLogsPrefix,
    // A stack delete never takes records or logs with it (52 U.S.C. 20701).
    removalPolicy: options.removalPolicy,
    // Staging only: CDK's custom-resource Lambda empties the bucket so DESTROY can delete it.
    autoDeleteObjects: options.autoDeleteObjects,
    // Object Lock on every bucket, so any object can be put under legal hold (litigation, incident evidence)
    // without a migration; a default retention only where the class demands WORM (Control Tower CT.S3.PR.9).
    objectLockEnabled: options.objectLockEnabled === false ? undefined : true,
    // WORM records: COMPLIANCE mode, which nobody can lift (52 U.S.C. 20701).
    objectLockDefaultRetention: options.objectLockRetention
      ? s3.ObjectLockRetention.compliance(options.objectLockRetention)
      : undefined,
    lifecycleRules: [
      {
        id: 'noncurrent-versions',
        noncurrentVersionTransitions: [
          { storageClass: s3.StorageClass.GLACIER_INSTANT_RETRIEVAL, transitionAfter: Duration.days(NONCURRENT_TRANSITION_DAYS) },
        ],
        noncurrentVersionExpiration: options.noncurrentVersionExpiration,
        abortIncompleteMultipartUploadAfter: Duration.days(7),
      },
    ],
  };
}

/**
 * Sends the bucket's object-level events to EventBridge, so a mass delete or
 * overwrite (ransomware) can be alerted on without touching the bucket
 * (Control Tower CT.S3.PR.4; NIST SI-4). Written on the L1 resource because
 * the L2 `eventBridgeEnabled` deploys a custom-resource Lambda to do the same.
 */
export function sendEventsToEventBridge(bucket: s3.Bucket): void {
  (bucket.node.defaultChild as s3.CfnBucket).notificationConfiguration = { eventBridgeConfiguration: { eventBridgeEnabled: true } };
}

/** A customer-managed key with yearly rotation, kept on stack delete. */
export function hardenedKeyProps(description: string): kms.KeyProps {
  return {
    description,
    enableKeyRotation: true,
    removalPolicy: RemovalPolicy.RETAIN,
    pendingWindow: Duration.days(MIN_KEY_PENDING_WINDOW_DAYS),
  };
}
