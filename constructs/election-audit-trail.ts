import { Names, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ORGANIZATION_ID } from '../lib/baseline/account-id';
import { DataClass } from '../lib/baseline/data-class';
import { MIN_AUDIT_LOG_RETENTION_DAYS } from '../lib/baseline/records-retention';
import { ValidationErrorCode } from '../lib/validation-error';
import { createHardenedKey } from './defaults/kms-defaults';
import { grantInManagedPolicy } from './defaults/managed-grants';
import { tagDataClass } from './defaults/data-class-tag';
import { CLOUDTRAIL_SERVICE } from '../lib/baseline/log-delivery-services';
import { logGroupKeyStatement, trailArn, trailKeyStatements } from './defaults/logging-defaults';
import { shown, tokenOr, validationError } from './defaults/validate';
import { LogArchiveBucket } from './log-archive-bucket';

/** Properties of an ElectionAuditTrail. */
export interface ElectionAuditTrailProps {
  /**
   * The write-once archive the trail delivers its log files to. It may serve
   * several trails and AWS Config.
   * @default - a new LogArchiveBucket (Object Lock COMPLIANCE, 913 days) beside the trail
   */
  readonly archive?: LogArchiveBucket;

  /**
   * How long the CloudWatch Logs copy of the trail is kept, where alarms and
   * responders search it. At least `RetentionDays.ONE_YEAR` (NIST AU-11),
   * or `RetentionDays.INFINITE`; a shorter retention throws.
   * @default logs.RetentionDays.TWO_YEARS (731 days: a federal election cycle plus its 22-month records period)
   */
  readonly logRetention?: logs.RetentionDays;

  /**
   * Buckets whose object reads and writes are recorded as S3 data events
   * (both read and write). Pass the `.bucket` of each ElectionRecordsBucket
   * and voter-data bucket: management events do not show who downloaded or
   * overwrote a record (CISA AA20-304A: voter data pulled through a state
   * site). At most 250. Never pass the archive itself: the trail would log its own deliveries.
   * @default - no data events; management events only
   */
  readonly recordsBuckets?: s3.IBucket[];

  /**
   * Whether the trail records every account of the AWS Organization. Turn it
   * on only when this stack is deployed in the management account (or a
   * CloudTrail delegated administrator account), so that no member account's
   * admin can stop the trail that watches it; `organizationId` is then required.
   * @default false
   */
  readonly isOrganizationTrail?: boolean;

  /**
   * The organization id (`o-` followed by 10 to 32 characters), required with
   * `isOrganizationTrail`: the archive then accepts log files under
   * `AWSLogs/<organizationId>/` from this trail only. Given without
   * `isOrganizationTrail` it throws.
   * @default - none
   */
  readonly organizationId?: string;

  /**
   * The trail name (3 to 128 letters, digits, `.`, `_`, `-`). The key and
   * bucket policies name the trail by it.
   * @default - a name unique to this construct's path
   */
  readonly trailName?: string;
}

const TRAIL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{1,126}[A-Za-z0-9]$/;
const IP_ADDRESS = /^\d+\.\d+\.\d+\.\d+$/;

/**
 * The agency's CloudTrail trail, hardened: every Region, global service
 * events, all management events, log file validation (tampered or deleted
 * files show in `validate-logs`), its own rotating customer-managed key
 * whose policy lets only this trail encrypt, delivery into a write-once
 * LogArchiveBucket, and a KMS-encrypted CloudWatch Logs copy for alarms.
 *
 * An intruder in the county's account, or a ransomware crew preparing
 * encryption, first tries to stop or erase the trail; here the archive
 * cannot be erased, digests expose tampering and the CloudWatch copy feeds
 * the alarms that catch `StopLogging` (CISA CPG 2.T, 2.U; NIST AU-2, AU-9,
 * AU-10, AU-11, AU-12, SI-4).
 */
export class ElectionAuditTrail extends Construct {
  /** The trail. */
  public readonly trail: cloudtrail.Trail;
  /** The CloudWatch Logs group the trail also delivers to (class `audit-logs`). */
  public readonly logGroup: logs.LogGroup;
  /** The write-once archive of the trail's log files. */
  public readonly archive: LogArchiveBucket;
  /** The key that encrypts the trail's log files and its log group. */
  public readonly encryptionKey: kms.Key;
  /** The trail name. */
  public readonly trailName: string;

  constructor(scope: Construct, id: string, props: ElectionAuditTrailProps = {}) {
    super(scope, id);
    const logRetention = checkedLogRetention(this, props.logRetention);
    this.trailName = checkedTrailName(this, props.trailName);
    const organizationId = checkedOrganization(this, props);
    const stack = Stack.of(this);
    const arn = trailArn(stack, this.trailName);
    const logGroupName = `/election/cloudtrail/${this.trailName}`;

    this.archive = props.archive ?? new LogArchiveBucket(this, 'Archive');
    this.encryptionKey = createHardenedKey(this, 'Key', `Encrypts CloudTrail logs of ${this.node.path}`);
    for (const statement of trailKeyStatements(stack, arn)) this.encryptionKey.addToResourcePolicy(statement);
    this.encryptionKey.addToResourcePolicy(logGroupKeyStatement(stack, logGroupName));

    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      logGroupName,
      encryptionKey: this.encryptionKey,
      retention: logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    tagDataClass(this.logGroup, DataClass.AUDIT_LOGS);
    if (organizationId !== undefined) this.allowOrganizationDelivery(organizationId, arn);

    this.trail = new cloudtrail.Trail(this, 'Trail', {
      trailName: this.trailName,
      // The archive's own policy grants CloudTrail, scoped by source; an imported
      // reference keeps the Trail L2 from adding its unscoped statements.
      bucket: s3.Bucket.fromBucketAttributes(this, 'ArchiveTarget', {
        bucketArn: this.archive.bucket.bucketArn,
        bucketName: this.archive.bucket.bucketName,
      }),
      encryptionKey: this.encryptionKey,
      enableFileValidation: true,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      managementEvents: cloudtrail.ReadWriteType.ALL,
      isOrganizationTrail: props.isOrganizationTrail,
      orgId: organizationId,
    });
    // CloudTrail checks the bucket policy when the trail is created.
    if (this.archive.bucket.policy) this.trail.node.addDependency(this.archive.bucket.policy);
    this.deliverToLogGroup();

    const buckets = checkedRecordsBuckets(this, props.recordsBuckets, this.archive);
    if (buckets.length > 0) {
      this.trail.addS3EventSelector(buckets.map((bucket) => ({ bucket })), {
        readWriteType: cloudtrail.ReadWriteType.ALL,
        includeManagementEvents: false,
      });
    }
  }

  /**
   * Lets `grantee` (an auditor, the state's incident responders) read the
   * trail: search the log group, read the archive and decrypt the log files.
   */
  public grantRead(grantee: iam.IGrantable): iam.Grant {
    const trailLogs = grantInManagedPolicy(this, grantee, [
      {
        actions: ['logs:FilterLogEvents', 'logs:GetLogEvents', 'logs:DescribeLogStreams'],
        resourceArns: [this.logGroup.logGroupArn],
        resource: this.logGroup,
        wildcardReason: `Made by cdk-election-baseline for ${this.node.path}: a log group's ARN ends in :* (its log streams); ` +
          'the grant reads this one trail log group and writes nothing.',
      },
      {
        actions: ['kms:Decrypt'],
        resourceArns: [this.encryptionKey.keyArn],
        resource: this.encryptionKey,
        resourceSelfArns: ['*'],
        conditions: { StringEquals: { 'kms:ViaService': `s3.${Stack.of(this).region}.amazonaws.com` } },
      },
    ]);
    return trailLogs.combine(this.archive.grantRead(grantee));
  }

  /**
   * CloudWatch Logs delivery with a role whose only permission, a managed
   * policy, is to write this log group (the Trail L2 would write it inline).
   */
  private deliverToLogGroup(): void {
    const role = new iam.Role(this, 'LogsRole', {
      assumedBy: new iam.ServicePrincipal(CLOUDTRAIL_SERVICE),
      description: `Lets CloudTrail write ${this.node.path} to its CloudWatch Logs group`,
    });
    const policy = new iam.ManagedPolicy(this, 'LogsPolicy', {
      description: `Writes CloudTrail events of ${this.node.path} to one log group`,
      roles: [role],
      statements: [new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [this.logGroup.logGroupArn] })],
    });
    const cfn = this.trail.node.defaultChild as cloudtrail.CfnTrail;
    cfn.cloudWatchLogsLogGroupArn = this.logGroup.logGroupArn;
    cfn.cloudWatchLogsRoleArn = role.roleArn;
    // CloudTrail checks that the role can write when the trail is created.
    cfn.node.addDependency(policy);
  }

  private allowOrganizationDelivery(organizationId: string, arn: string): void {
    this.archive.bucket.addToResourcePolicy(new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal(CLOUDTRAIL_SERVICE)],
      actions: ['s3:PutObject'],
      resources: [this.archive.bucket.arnForObjects(`AWSLogs/${organizationId}/*`)],
      conditions: {
        StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceAccount': Stack.of(this).account, 'aws:SourceArn': arn },
      },
    }));
  }
}

function checkedLogRetention(scope: Construct, retention: logs.RetentionDays | undefined): logs.RetentionDays {
  const value = retention ?? logs.RetentionDays.TWO_YEARS;
  if (Token.isUnresolved(value) || typeof value !== 'number') {
    throw validationError(scope, ValidationErrorCode.TOKEN_NOT_ALLOWED, 'logRetention', 'is a token', 'it must be a literal RetentionDays so the baseline can be checked at synth');
  }
  if (!(Object.values(logs.RetentionDays) as unknown[]).includes(value)) {
    throw validationError(scope, ValidationErrorCode.INVALID_VALUE, 'logRetention', `is ${value}`,
      'it must be one of the RetentionDays values CloudWatch Logs accepts, RetentionDays.ONE_YEAR or longer, or INFINITE');
  }
  if (value < MIN_AUDIT_LOG_RETENTION_DAYS) {
    throw validationError(scope, ValidationErrorCode.OUTSIDE_BASELINE_BOUND, 'logRetention', `is ${value} days`,
      `audit logs must be searchable at least ${MIN_AUDIT_LOG_RETENTION_DAYS} days (RetentionDays.ONE_YEAR or longer, or INFINITE; NIST AU-11)`);
  }
  return value;
}

function checkedTrailName(scope: Construct, name: string | undefined): string {
  if (name === undefined) return Names.uniqueResourceName(scope, { maxLength: 100 });
  if (Token.isUnresolved(name) || !TRAIL_NAME.test(name) || /[._-]{2}/.test(name) || IP_ADDRESS.test(name)) {
    throw validationError(scope, tokenOr(name, ValidationErrorCode.INVALID_VALUE), 'trailName', Token.isUnresolved(name) ? 'is a token' : `is '${name}'`,
      'it must be a literal of 3 to 128 letters, digits, ".", "_" or "-", starting and ending with a letter or digit, ' +
      'with no two of ".", "_", "-" side by side, and not an IP address (CloudTrail naming rules)');
  }
  return name;
}

function checkedOrganization(scope: Construct, props: ElectionAuditTrailProps): string | undefined {
  if (!props.isOrganizationTrail) {
    if (props.organizationId !== undefined) {
      throw validationError(scope, ValidationErrorCode.CONFLICTING_PROPS, 'organizationId', `is ${shown(props.organizationId)}`, 'it is used only with isOrganizationTrail: true');
    }
    return undefined;
  }
  const id = props.organizationId;
  if (id === undefined || Token.isUnresolved(id) || !ORGANIZATION_ID.test(id)) {
    throw validationError(scope, id === undefined ? ValidationErrorCode.MISSING_VALUE : tokenOr(id, ValidationErrorCode.INVALID_VALUE), 'organizationId', id === undefined ? 'is missing' : `is ${shown(id)}`,
      "an organization trail needs the literal organization id ('o-' and 10 to 32 lowercase letters or digits)");
  }
  return id;
}

/** CloudTrail's limit on data resources in one event selector. */
const MAX_DATA_RESOURCES = 250;

function checkedRecordsBuckets(scope: Construct, buckets: s3.IBucket[] | undefined, archive: LogArchiveBucket): s3.IBucket[] {
  const list = buckets ?? [];
  if (list.length > MAX_DATA_RESOURCES) {
    throw validationError(scope, ValidationErrorCode.ABOVE_SERVICE_LIMIT, 'recordsBuckets', `has ${list.length} buckets`,
      `a trail's event selector takes at most ${MAX_DATA_RESOURCES}; split them across trails`);
  }
  if (list.includes(archive.bucket)) {
    throw validationError(scope, ValidationErrorCode.INVALID_VALUE, 'recordsBuckets', 'contains the archive the trail delivers to',
      'leave the archive out: the trail would log its own deliveries without end');
  }
  return list;
}
