import { CfnParameter, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY } from 'aws-cdk-lib/cx-api';
import { Construct } from 'constructs';
import { ACCESS_LOG_DELETE_ACTIONS } from '../lib/baseline/audit-log-tampering';
import { DATA_CLASS_TAG, DataClass, dataClassValues, isDataClass } from '../lib/baseline/data-class';
import { S3_SERVER_ACCESS_LOGGING_SERVICE } from '../lib/baseline/log-delivery-services';
import { parameterMinimum } from '../lib/baseline/number-parameters';
import { DEFAULT_RECORDS_RETENTION_DAYS, MAX_OBJECT_LOCK_DAYS, MIN_AUDIT_LOG_RETENTION_DAYS, MIN_RECORDS_RETENTION_DAYS } from '../lib/baseline/records-retention';
import { ValidationErrorCode } from '../lib/validation-error';
import { acknowledge, acknowledgeOptOut, BUCKET_REPLICATION_ACK } from './defaults/acknowledgments';
import { hardenedBucketProps, sendEventsToEventBridge } from './defaults/bucket-defaults';
import { tagDataClass } from './defaults/data-class-tag';
import { aliasOnlyName, keysCarryingAlias } from './defaults/key-by-alias';
import { createHardenedKey } from './defaults/kms-defaults';
import { acknowledgeAutoDeleteProvider, checkedRemovalPolicy, stagingTeardownAck } from './defaults/staging-teardown';
import { GrantedPermission, grantInManagedPolicy } from './defaults/managed-grants';
import { checkedBucketName, shown, validationError, wholeDays } from './defaults/validate';

/** Properties every hardened bucket of this library accepts. */
export interface HardenedBucketProps {
  /**
   * The customer-managed key that encrypts the bucket. An existing key may be
   * given by alias (`kms.Alias.fromAliasName`): grants then name the account's
   * keys narrowed by `kms:ResourceAliases` to that alias, since IAM cannot name
   * a key by alias.
   * @default - a new key with yearly rotation, kept on stack delete (NIST SC-12, SC-28; ransomware
   * and insiders must also hold the key)
   */
  readonly encryptionKey?: kms.IKey;

  /**
   * Where server access logs go. A bucket of this app with Object Lock throws:
   * S3 silently delivers no server access logs to one. Give another
   * SecureBucket's `serverAccessLogsBucket` to share one log bucket.
   * @default - a hardened access-log bucket created beside this one, of class `audit-logs`, with its
   * own key, no Object Lock and a bucket policy that denies deletes
   * (NIST AU-2, AU-9(2): logs live apart from what they record, so an intruder here cannot erase them)
   */
  readonly serverAccessLogsBucket?: s3.IBucket;

  /**
   * Prefix of the server access log objects.
   * @default - `<construct path>/`, so one log bucket can serve many buckets
   */
  readonly serverAccessLogsPrefix?: string;

  /**
   * What happens to the bucket on stack delete: RETAIN or
   * RETAIN_ON_UPDATE_OR_DELETE. DESTROY only on a SecureBucket of class
   * `operational` or `public-content` that sets `stagingTeardown`; otherwise
   * it throws, as SNAPSHOT always does.
   * @default RemovalPolicy.RETAIN (52 U.S.C. 20701 records retention; NIST CP-9)
   */
  readonly removalPolicy?: RemovalPolicy;

  /**
   * Empty the bucket on stack delete, through CDK's custom-resource Lambda, so
   * DESTROY can delete it. Only with `removalPolicy: DESTROY` and
   * `stagingTeardown` on a SecureBucket of class `operational` or
   * `public-content`; otherwise `true` throws, since it would erase records
   * and logs with a `cdk destroy`. Objects under legal hold stop the delete.
   * @default false
   */
  readonly autoDeleteObjects?: boolean;

  /**
   * How long a replaced or deleted object version is kept before it expires.
   * Noncurrent versions move to Glacier Instant Retrieval after 30 days.
   * At least 672 days for `election-records`, 365 for `audit-logs` (what the
   * ElectionBaseline-S3RecordsLifecycleRetention rule requires), at least 1 day otherwise.
   * @default Duration.days(731), two years past the 22 months of 52 U.S.C. 20701 (ransomware recovery,
   * NIST CP-9), or a day past the Object Lock retention when that is longer
   */
  readonly noncurrentVersionExpiration?: Duration;

  /**
   * A physical bucket name.
   * @default - a name CloudFormation generates, which nobody can guess or squat
   */
  readonly bucketName?: string;
}

/** An agency's request to let a staging stack delete a bucket it can rebuild. */
export interface StagingTeardown {
  /**
   * Why the bucket may go with its stack, in the agency's words: at least 20
   * characters and 3 words, such as `staging copy of the results site, rebuilt
   * from the repository on every deploy`. It becomes the reason of the
   * waiver of ElectionBaseline-RetainStatefulResources that reports list.
   */
  readonly reason: string;
}

/** Properties of a SecureBucket. */
export interface SecureBucketProps extends HardenedBucketProps {
  /**
   * What the bucket holds. Written as the tag `election:data-class`, which the
   * rule pack judges the bucket by (records need Object Lock, records, PII and
   * audit logs need a customer-managed key). An unknown value throws.
   */
  readonly dataClass: DataClass;

  /**
   * Object Lock default retention in COMPLIANCE mode (GOVERNANCE mode can be
   * bypassed and is not offered). At least 672 days for `election-records`, 365 for `audit-logs`.
   * @default - 730 days for `election-records` (52 U.S.C. 20701: 22 months, with margin); no Object Lock
   * for other classes
   */
  readonly objectLockRetention?: Duration;

  /**
   * Object Lock default retention in days, COMPLIANCE mode, as a CloudFormation
   * parameter of this stack: for a template deployed many times (a stack set)
   * where each account sets its own. It must be of type `Number` with a
   * `minValue` of at least the class floor (672 for `election-records`, 365
   * for `audit-logs`, 1 otherwise) and a `maxValue`, if any, of at most 36500:
   * CloudFormation then refuses a lower value on every deploy and override, and
   * the rules judge the floor from the template. Noncurrent versions then expire
   * the same number of days after they are replaced, so never while locked.
   * Not with `objectLockRetention`.
   * @default - none: the literal `objectLockRetention` (52 U.S.C. 20701: a floor no deploy-time value can undercut)
   */
  readonly objectLockRetentionParameter?: CfnParameter;

  /**
   * The staging opt-out: lets `removalPolicy: RemovalPolicy.DESTROY` (and
   * `autoDeleteObjects: true`) through for a bucket of class `operational` or
   * `public-content`. The bucket acknowledges
   * ElectionBaseline-RetainStatefulResources with the reason, so every synth
   * and audit lists the opt-out as a waiver. Never for `election-records`,
   * `voter-pii` or `audit-logs`: it throws, and the rule
   * ElectionBaseline-S3SensitiveBucketRetained, which cannot be waived, fails
   * such a bucket however it was made. Not with `objectLockRetention`: locked
   * versions cannot be deleted. The key and the access-log bucket stay RETAIN.
   * @default - none: DESTROY and autoDeleteObjects throw (52 U.S.C. 20701; NIST CP-9: a `cdk destroy` by mistake or by an intruder)
   */
  readonly stagingTeardown?: StagingTeardown;
}

const DEFAULT_NONCURRENT_DAYS = 731;

/**
 * The hardened bucket every bucket of this library builds on: a
 * customer-managed key with rotation, Block Public Access, a TLS-only (TLS 1.2+)
 * policy, versioning, ACLs disabled, server access logs to a separate
 * hardened bucket, RETAIN, a noncurrent-version lifecycle and the data-class tag.
 */
export class SecureBucket extends Construct {
  /** The bucket. */
  public readonly bucket: s3.Bucket;
  /** The key that encrypts it. */
  public readonly encryptionKey: kms.IKey;
  /** The bucket that receives its server access logs. */
  public readonly serverAccessLogsBucket: s3.IBucket;
  /** What the bucket holds. */
  public readonly dataClass: DataClass;

  constructor(scope: Construct, id: string, props: SecureBucketProps) {
    super(scope, id);
    const { removalPolicy, lockDays, noncurrentDays, lockParameter } = checkedSettings(this, props);
    // Log delivery by bucket policy, never by the LogDeliveryWrite ACL that BucketOwnerEnforced forbids.
    this.node.setContext(S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);

    this.dataClass = props.dataClass;
    this.encryptionKey = props.encryptionKey ?? createHardenedKey(this, 'Key', `Encrypts ${this.node.path} (${props.dataClass})`);
    // Access logs are audit logs: kept even when a staging bucket goes with its stack.
    const logsRemovalPolicy = removalPolicy === RemovalPolicy.DESTROY ? RemovalPolicy.RETAIN : removalPolicy;
    this.serverAccessLogsBucket = props.serverAccessLogsBucket ?? this.createAccessLogBucket(logsRemovalPolicy);
    this.bucket = new s3.Bucket(this, 'Bucket', hardenedBucketProps({
      bucketName: props.bucketName,
      encryptionKey: this.encryptionKey,
      removalPolicy,
      autoDeleteObjects: props.autoDeleteObjects,
      noncurrentVersionExpiration: Duration.days(noncurrentDays),
      serverAccessLogsBucket: this.serverAccessLogsBucket,
      serverAccessLogsPrefix: props.serverAccessLogsPrefix ?? `${this.node.path}/`,
      objectLockRetention: lockDays === undefined ? undefined : Duration.days(lockDays),
    }));
    if (lockParameter) lockForParameterDays(this.bucket, lockParameter);
    sendEventsToEventBridge(this.bucket);
    tagDataClass(this.bucket, props.dataClass);
    acknowledge(this.bucket, BUCKET_REPLICATION_ACK);
    if (props.stagingTeardown) acknowledgeOptOut(this.bucket, stagingTeardownAck(this, props.dataClass, props.stagingTeardown.reason));
    if (props.autoDeleteObjects) acknowledgeAutoDeleteProvider(this);
  }

  /**
   * Lets `grantee` read and list objects and decrypt them through S3, nothing
   * else: no write, no delete, no policy, retention or lock change. For a role
   * of this account the grant is a customer-managed policy on the role (see
   * `grantInManagedPolicy`).
   */
  public grantRead(grantee: iam.IGrantable): iam.Grant {
    return grantInManagedPolicy(this, grantee, [
      { actions: ['s3:GetObject'], resourceArns: [this.bucket.arnForObjects('*')], resource: this.bucket, wildcardReason: this.objectsReason('s3:GetObject') },
      { actions: ['s3:ListBucket'], resourceArns: [this.bucket.bucketArn], resource: this.bucket },
      this.keyThroughS3('kms:Decrypt'),
    ]);
  }

  /**
   * Lets `grantee` put new objects and nothing else: no delete, no retention
   * or legal-hold change, no ACL, no tagging. Encrypt-only on the key, and
   * only through S3.
   */
  public grantPut(grantee: iam.IGrantable): iam.Grant {
    return grantInManagedPolicy(this, grantee, [
      { actions: ['s3:PutObject'], resourceArns: [this.bucket.arnForObjects('*')], resource: this.bucket, wildcardReason: this.objectsReason('s3:PutObject') },
      this.keyThroughS3('kms:GenerateDataKey', 'kms:Encrypt'),
    ]);
  }

  /** Key use limited to requests S3 makes for this bucket's objects. */
  private keyThroughS3(...actions: string[]): GrantedPermission {
    const viaS3 = { StringEquals: { 'kms:ViaService': `s3.${Stack.of(this).region}.amazonaws.com` } };
    const aliasName = aliasOnlyName(this.encryptionKey);
    if (aliasName !== undefined) {
      const keys = keysCarryingAlias(this, this.encryptionKey, aliasName);
      return {
        actions,
        resourceArns: [keys.arn],
        resource: this.encryptionKey,
        resourceSelfArns: ['*'],
        conditions: { ...viaS3, ...keys.condition },
        wildcardReason: `Made by cdk-election-baseline for ${this.node.path}: the key is known only by its alias ${aliasName}, and IAM ` +
          'cannot name a key by alias, so the resource is key/* narrowed by kms:ResourceAliases to that alias and by kms:ViaService to S3.',
      };
    }
    return { actions, resourceArns: [this.encryptionKey.keyArn], resource: this.encryptionKey, resourceSelfArns: ['*'], conditions: viaS3 };
  }

  private objectsReason(action: string): string {
    return `Made by cdk-election-baseline for ${this.node.path}: ${action} names objects, so its resource is the objects of this one ` +
      'bucket (<bucket ARN>/*); no other bucket, and no action wildcard.';
  }

  private createAccessLogBucket(removalPolicy: RemovalPolicy): s3.Bucket {
    const key = createHardenedKey(this, 'AccessLogsKey', `Encrypts server access logs of ${this.node.path}`);
    // S3 writes server access logs as the logging service: under default SSE-KMS it needs a data key from this key,
    // or it delivers nothing (aws-cdk PR 25350 proved delivery with this grant). Only for this account's buckets.
    key.addToResourcePolicy(new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal(S3_SERVER_ACCESS_LOGGING_SERVICE)],
      actions: ['kms:GenerateDataKey'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
    }));
    // Access logs cannot log to themselves, and S3 does not deliver server access logs to a bucket with Object Lock.
    const logs = new s3.Bucket(this, 'AccessLogs', hardenedBucketProps({
      encryptionKey: key,
      removalPolicy,
      noncurrentVersionExpiration: Duration.days(DEFAULT_NONCURRENT_DAYS),
      objectLockEnabled: false,
    }));
    // In place of that WORM: nobody deletes a log object or version (NIST AU-9); expiry stays the lifecycle's, which a
    // bucket policy does not stop, and lifting the Deny takes s3:PutBucketPolicy, which ElectionBaseline-IamNoAuditLogTampering judges.
    logs.addToResourcePolicy(new iam.PolicyStatement({
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: [...ACCESS_LOG_DELETE_ACTIONS],
      resources: [logs.arnForObjects('*')],
    }));
    sendEventsToEventBridge(logs);
    tagDataClass(logs, DataClass.AUDIT_LOGS);
    acknowledge(logs, BUCKET_REPLICATION_ACK);
    return logs;
  }
}

/** The props, checked once, as the whole days and policy the bucket is built with. */
interface CheckedSettings {
  readonly removalPolicy: RemovalPolicy;
  readonly lockDays?: number;
  /** Whole days, or the parameter's token when the retention is a parameter. */
  readonly noncurrentDays: number;
  readonly lockParameter?: CfnParameter;
}

function checkedSettings(scope: Construct, props: SecureBucketProps): CheckedSettings {
  if (!isDataClass(props.dataClass)) {
    throw validationError(scope, ValidationErrorCode.INVALID_VALUE, 'dataClass', `is ${shown(props.dataClass)}`, `allowed are ${dataClassValues()} (tag ${DATA_CLASS_TAG})`);
  }
  const removalPolicy = checkedRemovalPolicy(scope, props);
  checkedBucketName(scope, props.bucketName);
  checkedAccessLogTarget(scope, props.serverAccessLogsBucket);
  let lockDays = props.dataClass === DataClass.ELECTION_RECORDS ? DEFAULT_RECORDS_RETENTION_DAYS : undefined;
  if (props.objectLockRetention) {
    lockDays = atLeastDays(scope, 'objectLockRetention', props.objectLockRetention, props.dataClass);
    if (lockDays > MAX_OBJECT_LOCK_DAYS) {
      throw validationError(scope, ValidationErrorCode.ABOVE_SERVICE_LIMIT, 'objectLockRetention', `is ${lockDays} days`, `S3 Object Lock accepts at most ${MAX_OBJECT_LOCK_DAYS} days (100 years)`);
    }
  }
  const lockParameter = checkedLockParameter(scope, props);
  if (lockParameter) lockDays = undefined;
  // By default a replaced version outlives its lock by a day (or, with a parameter, by the time it was current),
  // so lifecycle never works against Object Lock.
  const noncurrentDays = props.noncurrentVersionExpiration
    ? atLeastDays(scope, 'noncurrentVersionExpiration', props.noncurrentVersionExpiration, props.dataClass)
    : lockParameter ? lockParameter.valueAsNumber : Math.max(DEFAULT_NONCURRENT_DAYS, (lockDays ?? -1) + 1);
  if (removalPolicy === RemovalPolicy.DESTROY && (lockDays !== undefined || lockParameter)) {
    const [prop, given] = lockParameter
      ? ['objectLockRetentionParameter', `is '${lockParameter.node.path}'`]
      : ['objectLockRetention', `is ${lockDays} days`];
    throw validationError(scope, ValidationErrorCode.CONFLICTING_PROPS, prop, `${given} while removalPolicy is DESTROY`,
      'drop one of them: locked object versions cannot be deleted, so the stack delete would fail');
  }
  return { removalPolicy, lockDays, noncurrentDays, lockParameter };
}

/** The retention parameter, when it keeps the class floor by its own MinValue (the rules read the same MinValue). */
function checkedLockParameter(scope: Construct, props: SecureBucketProps): CfnParameter | undefined {
  const parameter = props.objectLockRetentionParameter;
  if (parameter === undefined) return undefined;
  const prop = 'objectLockRetentionParameter';
  if (props.objectLockRetention !== undefined) {
    throw validationError(scope, ValidationErrorCode.CONFLICTING_PROPS, prop, `is '${parameter.node.path}' while objectLockRetention is also set`, 'give one of them');
  }
  if (Stack.of(parameter) !== Stack.of(scope)) {
    throw validationError(scope, ValidationErrorCode.WRONG_PLACEMENT, prop, `is '${parameter.node.path}' of another stack`, 'declare the parameter in the stack of the bucket');
  }
  const floor = classFloor(props.dataClass);
  const least = parameterMinimum({ Type: parameter.type, MinValue: parameter.minValue });
  if (least === undefined || least < floor) {
    throw validationError(scope, ValidationErrorCode.OUTSIDE_BASELINE_BOUND, prop, `is '${parameter.node.path}' (type ${parameter.type}, minValue ${parameter.minValue ?? 'none'})`,
      `it must be of type Number with a minValue of at least ${floor} days for class '${props.dataClass}', so CloudFormation refuses a shorter retention`);
  }
  if (parameter.maxValue !== undefined && parameter.maxValue > MAX_OBJECT_LOCK_DAYS) {
    throw validationError(scope, ValidationErrorCode.ABOVE_SERVICE_LIMIT, prop, `has maxValue ${parameter.maxValue}`, `S3 Object Lock accepts at most ${MAX_OBJECT_LOCK_DAYS} days (100 years)`);
  }
  return parameter;
}

/**
 * A log target of this app with Object Lock on would take no logs: S3 does not deliver server access logs to such a
 * bucket, and says nothing. A bucket of another app or account is not seen here; the pack judges it where it is defined.
 */
function checkedAccessLogTarget(scope: Construct, target: s3.IBucket | undefined): void {
  const cfn = target?.node.defaultChild;
  if (!(cfn instanceof s3.CfnBucket) || cfn.objectLockEnabled !== true) return;
  throw validationError(scope, ValidationErrorCode.INVALID_VALUE, 'serverAccessLogsBucket', `is '${target!.node.path}', a bucket with Object Lock`,
    "S3 does not deliver server access logs to a bucket with Object Lock: give another SecureBucket's serverAccessLogsBucket, or leave it unset");
}

function classFloor(dataClass: DataClass): number {
  return dataClass === DataClass.ELECTION_RECORDS ? MIN_RECORDS_RETENTION_DAYS : dataClass === DataClass.AUDIT_LOGS ? MIN_AUDIT_LOG_RETENTION_DAYS : 1;
}

/** COMPLIANCE-mode default retention of the parameter's days, on the L1: the L2 checks a literal Duration. */
function lockForParameterDays(bucket: s3.Bucket, parameter: CfnParameter): void {
  (bucket.node.defaultChild as s3.CfnBucket).objectLockConfiguration = {
    objectLockEnabled: 'Enabled',
    rule: { defaultRetention: { mode: 'COMPLIANCE', days: parameter.valueAsNumber } },
  };
}

function atLeastDays(scope: Construct, prop: string, value: Duration, dataClass: DataClass): number {
  const days = wholeDays(scope, prop, value);
  const floor = classFloor(dataClass);
  if (days < floor) {
    const why = dataClass === DataClass.ELECTION_RECORDS ? ' (22 months, 52 U.S.C. 20701)' : dataClass === DataClass.AUDIT_LOGS ? ' (12 months, NIST AU-11)' : '';
    throw validationError(scope, ValidationErrorCode.OUTSIDE_BASELINE_BOUND, prop, `is ${days} days`, `it must be at least ${floor} days for class '${dataClass}'${why}`);
  }
  return days;
}
