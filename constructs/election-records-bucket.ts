import { CfnParameter, Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { DataClass } from '../lib/baseline/data-class';
import { pendingConstruct, PendingConstruct, validationError, wholeDays } from './defaults/validate';
import { HardenedBucketProps, SecureBucket } from './secure-bucket';
import { DEFAULT_RECORDS_RETENTION_DAYS, MAX_OBJECT_LOCK_DAYS, MIN_RECORDS_RETENTION_DAYS } from '../lib/baseline/records-retention';
import { ValidationErrorCode } from '../lib/validation-error';

/** Properties of an ElectionRecordsBucket. */
export interface ElectionRecordsBucketProps extends HardenedBucketProps {
  /**
   * Object Lock default retention, in COMPLIANCE mode: no one, not the root
   * user, can delete or overwrite a record version before it ends. At least 672
   * days (the longest span 22 months can cover) and at most 36500 (S3's
   * 100-year limit), in whole days; outside them, a fraction of a day or a
   * token throws.
   * @default Duration.days(730): 52 U.S.C. 20701 requires 22 months; two years leaves margin
   */
  readonly retention?: Duration;

  /**
   * The retention in days as a CloudFormation parameter of this stack, for a
   * template each county deploys with its own value (CountyBaselineStack, a
   * stack set). Type `Number`, `minValue` at least 672 and `maxValue`, if
   * any, at most 36500, or it throws: CloudFormation then refuses a shorter
   * retention on every deploy and stack-set override, and the rules read the
   * same MinValue. Not with `retention`.
   * @default - none: the literal `retention` (52 U.S.C. 20701)
   */
  readonly retentionParameter?: CfnParameter;
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

  /** The Object Lock default retention in days; a token (the parameter's value) with `retentionParameter`. */
  public readonly retentionDays: number;

  constructor(scope: Construct, id: string, props: ElectionRecordsBucketProps = {}) {
    if (props.retentionParameter && props.retention !== undefined) {
      throw validationError(pendingConstruct(scope, id, new.target), ValidationErrorCode.CONFLICTING_PROPS, 'retentionParameter', `is '${props.retentionParameter.node.path}' while retention is also set`, 'give one of them');
    }
    const { retention: _retention, retentionParameter, ...common } = props;
    if (retentionParameter) {
      super(scope, id, { ...common, dataClass: DataClass.ELECTION_RECORDS, objectLockRetentionParameter: retentionParameter });
      this.retentionDays = retentionParameter.valueAsNumber;
      return;
    }
    const retentionDays = checkedRetentionDays(pendingConstruct(scope, id, new.target), props.retention);
    super(scope, id, { ...common, dataClass: DataClass.ELECTION_RECORDS, objectLockRetention: Duration.days(retentionDays) });
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

/** `bucket` is the one being built: the days are checked before `super()`, as they go into its props. */
function checkedRetentionDays(bucket: PendingConstruct, retention: Duration | undefined): number {
  if (retention === undefined) return DEFAULT_RECORDS_RETENTION_DAYS;
  const days = wholeDays(bucket, 'retention', retention);
  if (days < MIN_RECORDS_RETENTION_DAYS) {
    throw validationError(
      bucket,
      ValidationErrorCode.OUTSIDE_BASELINE_BOUND,
      'retention',
      `is ${days} days`,
      `election records must be kept at least ${MIN_RECORDS_RETENTION_DAYS} days (22 months, 52 U.S.C. 20701); pass Duration.days(${MIN_RECORDS_RETENTION_DAYS}) or more`,
    );
  }
  if (days > MAX_OBJECT_LOCK_DAYS) {
    throw validationError(bucket, ValidationErrorCode.ABOVE_SERVICE_LIMIT, 'retention', `is ${days} days`, `S3 Object Lock accepts at most ${MAX_OBJECT_LOCK_DAYS} days (100 years)`);
  }
  return days;
}
