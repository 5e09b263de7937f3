import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { DataClass } from '../lib/data-class';
import { childPath, propError, wholeDays } from './defaults/validate';
import { SecureBucket } from './secure-bucket';
import { DEFAULT_RECORDS_RETENTION_DAYS, MIN_RECORDS_RETENTION_DAYS } from '../lib/records-retention';

/** Properties of an ElectionRecordsBucket. */
export interface ElectionRecordsBucketProps {
  /**
   * Object Lock default retention, in COMPLIANCE mode: no one, not the root
   * user, can delete or overwrite a record version before it ends. At least 672
   * days (the longest span 22 months can cover), in whole days.
   * @default Duration.days(730): 52 U.S.C. 20701 requires 22 months; two years leaves margin
   */
  readonly retention?: Duration;

  /**
   * The customer-managed key that encrypts the records.
   * @default - a new key with yearly rotation, kept on stack delete (NIST SC-28; ransomware)
   */
  readonly encryptionKey?: kms.IKey;

  /**
   * Where server access logs go.
   * @default - a hardened access-log bucket beside this one (NIST AU-2, AU-9(2))
   */
  readonly serverAccessLogsBucket?: s3.IBucket;

  /**
   * Prefix of the server access log objects.
   * @default - `<construct path>/`
   */
  readonly serverAccessLogsPrefix?: string;

  /**
   * RETAIN or RETAIN_ON_UPDATE_OR_DELETE; DESTROY throws.
   * @default RemovalPolicy.RETAIN (52 U.S.C. 20701)
   */
  readonly removalPolicy?: RemovalPolicy;

  /**
   * How long a replaced object version is kept; at least 672 days.
   * @default Duration.days(731)
   */
  readonly noncurrentVersionExpiration?: Duration;

  /**
   * A physical bucket name.
   * @default - a generated name
   */
  readonly bucketName?: string;
}

/**
 * A write-once bucket for election results and records: a SecureBucket of
 * class `election-records` with Object Lock in COMPLIANCE mode. Publishers get
 * put-only access; nobody can shorten the retention (52 U.S.C. 20701;
 * NIST AU-9, SI-12; ransomware on county election systems).
 */
export class ElectionRecordsBucket extends SecureBucket {
  /** The fewest days of retention accepted: the longest span 22 months can cover (52 U.S.C. 20701). */
  public static readonly MIN_RETENTION_DAYS = MIN_RECORDS_RETENTION_DAYS;
  /** The default retention in days. */
  public static readonly DEFAULT_RETENTION_DAYS = DEFAULT_RECORDS_RETENTION_DAYS;

  /** The Object Lock default retention in days. */
  public readonly retentionDays: number;

  constructor(scope: Construct, id: string, props: ElectionRecordsBucketProps = {}) {
    const retentionDays = checkedRetentionDays(scope, id, props.retention);
    super(scope, id, {
      dataClass: DataClass.ELECTION_RECORDS,
      encryptionKey: props.encryptionKey,
      serverAccessLogsBucket: props.serverAccessLogsBucket,
      serverAccessLogsPrefix: props.serverAccessLogsPrefix,
      removalPolicy: props.removalPolicy,
      noncurrentVersionExpiration: props.noncurrentVersionExpiration,
      objectLockRetention: Duration.days(retentionDays),
      bucketName: props.bucketName,
    });
    this.retentionDays = retentionDays;
  }

  /**
   * Lets `grantee` publish: put new object versions only. No delete, no
   * retention, legal-hold or Object Lock change, no ACL.
   */
  public grantWrite(grantee: iam.IGrantable): iam.Grant {
    return this.grantPut(grantee);
  }
}

function checkedRetentionDays(scope: Construct, id: string, retention: Duration | undefined): number {
  if (retention === undefined) return DEFAULT_RECORDS_RETENTION_DAYS;
  const path = childPath(scope, id);
  const days = wholeDays(path, 'ElectionRecordsBucket', 'retention', retention);
  if (days < MIN_RECORDS_RETENTION_DAYS) {
    throw propError(
      path,
      'ElectionRecordsBucket',
      'retention',
      `is ${days} days`,
      `election records must be kept at least ${MIN_RECORDS_RETENTION_DAYS} days (22 months, 52 U.S.C. 20701); pass Duration.days(${MIN_RECORDS_RETENTION_DAYS}) or more`,
    );
  }
  return days;
}
