import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { DataClass } from '../lib/baseline/data-class';
import { MAX_OBJECT_LOCK_DAYS, MIN_AUDIT_LOG_RETENTION_DAYS } from '../lib/baseline/records-retention';
import { ValidationErrorCode } from '../lib/validation-error';
import { archiveKeyStatements, cloudTrailBucketStatements, configBucketStatements, logDeliveryBucketStatements } from './defaults/logging-defaults';
import { OrganizationTrailSource, organizationTrailBucketStatements, organizationTrailKeyStatements } from './defaults/organization-trail-defaults';
import { checkedBucketName, retainingRemovalPolicy, validationError, wholeDays } from './defaults/validate';
import { SecureBucket } from './secure-bucket';

/** Properties of a LogArchiveBucket. */
export interface LogArchiveBucketProps {
  /**
   * Object Lock default retention, in COMPLIANCE mode: no one, not the root
   * user nor a ransomware crew with admin rights, can delete or overwrite a
   * log object before it ends. At least 365 days (NIST AU-11; CISA CPG 2.U),
   * in whole days, at most 36500; a fraction of a day or a token throws.
   * @default Duration.days(913): 30 months, the 12 months active plus 18 months cold storage of OMB M-21-31
   */
  readonly retention?: Duration;

  /**
   * When current log objects move to S3 Glacier Flexible Retrieval: cheap,
   * and still back within minutes (expedited) to hours when an investigation
   * reaches back past a year. Whole days, at least 1. Log objects are never
   * expired by lifecycle.
   * @default Duration.days(365): OMB M-21-31's 12 months of active storage
   */
  readonly coldStorageAfter?: Duration;

  /**
   * The customer-managed key that encrypts the archive. A key of this app gets
   * the key-policy grants the delivery services need; an imported key must
   * grant them itself (kms:GenerateDataKey* and kms:Decrypt to
   * cloudtrail.amazonaws.com, config.amazonaws.com and delivery.logs.amazonaws.com,
   * each scoped by aws:SourceAccount).
   * @default - a new key with yearly rotation, kept on stack delete (NIST SC-12, SC-28, AU-9(3))
   */
  readonly encryptionKey?: kms.IKey;

  /**
   * What happens on stack delete: only RETAIN and RETAIN_ON_UPDATE_OR_DELETE.
   * @default RemovalPolicy.RETAIN (logs must outlive the incident they record; NIST AU-11)
   */
  readonly removalPolicy?: RemovalPolicy;

  /**
   * A physical bucket name. AWS WAF delivers logs straight to S3 only into
   * buckets whose name starts with `aws-waf-logs-`.
   * @default - a name CloudFormation generates, which nobody can guess or squat
   */
  readonly bucketName?: string;

  /**
   * Make this the archive of the state's organization trail, in an account of
   * its own: the bucket and key policies then admit CloudTrail only for that
   * trail (`aws:SourceArn`) on behalf of that organization (`aws:SourceOrgID`),
   * and nothing else: no AWS Config, no vended log delivery, no trail of this
   * account. LogArchiveAccountStack sets it.
   * @default - none: this account's own trails, AWS Config and vended log delivery, by `aws:SourceAccount`
   */
  readonly organizationTrail?: OrganizationTrailSource;
}

/** 30 months (OMB M-21-31: 12 months active plus 18 months cold), in days: 30 x 30.44, rounded up. */
const DEFAULT_RETENTION_DAYS = 913;
const DEFAULT_COLD_STORAGE_DAYS = 365;

/**
 * The write-once archive that CloudTrail, AWS Config and CloudWatch vended
 * log delivery (CloudFront standard logs v2, AWS WAF) write into: a
 * SecureBucket of class `audit-logs` with Object Lock in COMPLIANCE mode, so
 * an intruder or ransomware crew who took over the account still cannot
 * erase the trail of what they did to election systems (CISA CPG 2.T, 2.U;
 * NIST AU-9, AU-11).
 *
 * The bucket policy lets each delivery service write under `AWSLogs/<account>/`
 * only for sources of this account (`aws:SourceAccount`, and `aws:SourceArn`
 * patterns of this account's trails and log deliveries); the key policy lets
 * them encrypt under the same conditions.
 *
 * S3 server access logs are NOT delivered here: S3 does not deliver them to
 * a bucket with Object Lock. The archive's own access logs, and those of
 * other buckets, go to SecureBucket's separate access-log bucket (versioned,
 * retained, without Object Lock, deletes denied to everyone).
 */
export class LogArchiveBucket extends Construct {
  /** The fewest days of retention accepted. */
  public static readonly MIN_RETENTION_DAYS = MIN_AUDIT_LOG_RETENTION_DAYS;
  /** The default retention in days: 30 months. */
  public static readonly DEFAULT_RETENTION_DAYS = DEFAULT_RETENTION_DAYS;

  /** The archive bucket. */
  public readonly bucket: s3.Bucket;
  /** The key that encrypts it. */
  public readonly encryptionKey: kms.IKey;
  /** The Object Lock default retention in days. */
  public readonly retentionDays: number;
  /** The hardened bucket underneath, with its access-log bucket. */
  public readonly secureBucket: SecureBucket;

  constructor(scope: Construct, id: string, props: LogArchiveBucketProps = {}) {
    super(scope, id);
    const settings = checkedSettings(this, props);
    this.retentionDays = settings.retentionDays;
    this.secureBucket = new SecureBucket(this, 'Archive', {
      dataClass: DataClass.AUDIT_LOGS,
      encryptionKey: props.encryptionKey,
      removalPolicy: settings.removalPolicy,
      bucketName: props.bucketName,
      objectLockRetention: Duration.days(settings.retentionDays),
    });
    this.bucket = this.secureBucket.bucket;
    this.encryptionKey = this.secureBucket.encryptionKey;

    this.bucket.addLifecycleRule({
      id: 'cold-storage',
      transitions: [{ storageClass: s3.StorageClass.GLACIER, transitionAfter: Duration.days(settings.coldStorageDays) }],
    });
    const source = props.organizationTrail;
    const statements = source ? organizationTrailBucketStatements(this.bucket, source) : [
      ...cloudTrailBucketStatements(this.bucket),
      ...configBucketStatements(this.bucket),
      ...logDeliveryBucketStatements(this.bucket),
    ];
    for (const statement of statements) this.bucket.addToResourcePolicy(statement);
    const keyStatements = source ? organizationTrailKeyStatements(source, Stack.of(this).partition) : archiveKeyStatements(Stack.of(this));
    for (const statement of keyStatements) this.encryptionKey.addToResourcePolicy(statement, true);
  }

  /** Lets `grantee` (an auditor, an incident responder) read the archive and decrypt it. */
  public grantRead(grantee: iam.IGrantable): iam.Grant {
    return this.secureBucket.grantRead(grantee);
  }
}

interface CheckedSettings {
  readonly retentionDays: number;
  readonly coldStorageDays: number;
  readonly removalPolicy: RemovalPolicy;
}

function checkedSettings(scope: Construct, props: LogArchiveBucketProps): CheckedSettings {
  const removalPolicy = retainingRemovalPolicy(scope, props.removalPolicy);
  checkedBucketName(scope, props.bucketName);
  let retentionDays = DEFAULT_RETENTION_DAYS;
  if (props.retention !== undefined) {
    retentionDays = wholeDays(scope, 'retention', props.retention);
    if (retentionDays < MIN_AUDIT_LOG_RETENTION_DAYS) {
      throw validationError(scope, ValidationErrorCode.OUTSIDE_BASELINE_BOUND, 'retention', `is ${retentionDays} days`,
        `audit logs must be kept at least ${MIN_AUDIT_LOG_RETENTION_DAYS} days (NIST AU-11, CISA CPG 2.U); the default is ${DEFAULT_RETENTION_DAYS} days (OMB M-21-31: 30 months)`);
    }
    if (retentionDays > MAX_OBJECT_LOCK_DAYS) {
      throw validationError(scope, ValidationErrorCode.ABOVE_SERVICE_LIMIT, 'retention', `is ${retentionDays} days`, `S3 Object Lock accepts at most ${MAX_OBJECT_LOCK_DAYS} days (100 years)`);
    }
  }
  let coldStorageDays = DEFAULT_COLD_STORAGE_DAYS;
  if (props.coldStorageAfter !== undefined) {
    coldStorageDays = wholeDays(scope, 'coldStorageAfter', props.coldStorageAfter);
    if (coldStorageDays < 1) {
      throw validationError(scope, ValidationErrorCode.INVALID_VALUE, 'coldStorageAfter', `is ${coldStorageDays} days`, 'it must be at least 1 day');
    }
  }
  return { retentionDays, coldStorageDays, removalPolicy };
}

