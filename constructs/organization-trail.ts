import { RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { DataClass } from '../lib/baseline/data-class';
import { ORGANIZATION_TRAIL_SCOPE, TRAIL_SCOPE_TAG } from '../lib/baseline/trail-scope';
import { ValidationErrorCode } from '../lib/validation-error';
import { acknowledge } from './defaults/acknowledgments';
import { tagDataClass } from './defaults/data-class-tag';
import { createHardenedKey } from './defaults/kms-defaults';
import { CLOUDTRAIL_SERVICE } from '../lib/baseline/log-delivery-services';
import { logGroupKeyStatement, trailArn } from './defaults/logging-defaults';
import { validationError } from './defaults/validate';
import {
  checkedOrganization,
  ORGANIZATION_TRAIL_NAME,
  organizationArchiveBucketName,
  organizationTrailKeyArn,
  StatewideOrganization,
} from './statewide-organization';

/** Properties of an OrganizationTrail. */
export interface OrganizationTrailProps {
  /** The state's organization: the trail writes into its log-archive account's LogArchiveAccountStack. */
  readonly organization: StatewideOrganization;

  /**
   * How long the management account's CloudWatch Logs copy of the
   * organization's events is kept. At least `RetentionDays.ONE_YEAR`.
   * @default logs.RetentionDays.TWO_YEARS (NIST AU-11)
   */
  readonly logRetention?: logs.RetentionDays;
}

/**
 * The organization trail: one CloudTrail trail in the management account
 * that records every account of the organization (IsOrganizationTrail), in
 * every Region, with global service events, all management events and log
 * file validation, encrypted with the log-archive account's archive key and
 * delivered into its write-once LogArchiveAccountStack archive, so no county
 * admin can stop or erase it (CISA CPG 2.T, 2.U; NIST AU-2, AU-9(2), AU-10,
 * AU-12). A KMS-encrypted CloudWatch Logs copy in the management account
 * feeds organization-wide alarms. Deploy the log-archive stack first.
 */
export class OrganizationTrail extends Construct {
  /** The trail. */
  public readonly trail: cloudtrail.CfnTrail;
  /** The CloudWatch Logs copy (class `audit-logs`). */
  public readonly logGroup: logs.LogGroup;
  /** The key of the CloudWatch Logs copy. */
  public readonly logGroupKey: kms.Key;
  /** The archive bucket's name in the log-archive account. */
  public readonly archiveBucketName: string;

  constructor(scope: Construct, id: string, props: OrganizationTrailProps) {
    super(scope, id);
    const org = checkedOrganization(this, props.organization);
    const stack = Stack.of(this);
    // An env-agnostic stack is judged at deploy: CloudTrail refuses an organization trail outside the management account.
    if (!Token.isUnresolved(stack.account) && stack.account !== org.managementAccountId) {
      throw validationError(this, ValidationErrorCode.WRONG_PLACEMENT, 'organization.managementAccountId', `is '${org.managementAccountId}' but the stack's account is ${stack.account}`,
        'put the organization trail in a stack whose env is the management account');
    }
    this.archiveBucketName = organizationArchiveBucketName(org);
    const logGroupName = `/election/cloudtrail/${ORGANIZATION_TRAIL_NAME}`;
    this.logGroupKey = createHardenedKey(this, 'LogGroupKey', `Encrypts the CloudWatch Logs copy of ${ORGANIZATION_TRAIL_NAME}`);
    this.logGroupKey.addToResourcePolicy(logGroupKeyStatement(stack, logGroupName));
    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      logGroupName,
      encryptionKey: this.logGroupKey,
      retention: checkedRetention(this, props.logRetention),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    tagDataClass(this.logGroup, DataClass.AUDIT_LOGS);
    const role = new iam.Role(this, 'LogsRole', {
      // The trail of this stack's own account (the management account), so the trust names no other account.
      assumedBy: new iam.ServicePrincipal(CLOUDTRAIL_SERVICE, { conditions: { StringEquals: { 'aws:SourceArn': trailArn(stack, ORGANIZATION_TRAIL_NAME) } } }),
      description: `Lets CloudTrail write ${ORGANIZATION_TRAIL_NAME} to its CloudWatch Logs group`,
    });
    const policy = new iam.ManagedPolicy(this, 'LogsPolicy', {
      description: `Writes CloudTrail events of ${ORGANIZATION_TRAIL_NAME} to one log group`,
      roles: [role],
      statements: [new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [this.logGroup.logGroupArn] })],
    });

    this.trail = new cloudtrail.CfnTrail(this, 'Trail', {
      trailName: ORGANIZATION_TRAIL_NAME,
      isLogging: true,
      isOrganizationTrail: true,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      s3BucketName: this.archiveBucketName,
      kmsKeyId: organizationTrailKeyArn(org),
      cloudWatchLogsLogGroupArn: this.logGroup.logGroupArn,
      cloudWatchLogsRoleArn: role.roleArn,
      eventSelectors: [{ readWriteType: 'All', includeManagementEvents: true }],
      // Says, in the template, that this trail must record the whole organization (ElectionBaseline-CloudTrailOrganizationScope).
      tags: [{ key: TRAIL_SCOPE_TAG, value: ORGANIZATION_TRAIL_SCOPE }],
    });
    this.trail.node.addDependency(policy);
    acknowledge(this.trail, {
      id: 'ElectionBaseline-CloudTrailWormBucket',
      reason: `The organization trail delivers to ${this.archiveBucketName} in log-archive account ${org.logArchiveAccountId}, a LogArchiveBucket ` +
        'with Object Lock COMPLIANCE judged in LogArchiveAccountStack; a bucket of another account is not in this template (NIST AU-9(2)).',
    });
  }
}

function checkedRetention(scope: Construct, retention: logs.RetentionDays | undefined): logs.RetentionDays {
  const value = retention ?? logs.RetentionDays.TWO_YEARS;
  if (value !== logs.RetentionDays.INFINITE && !(value >= logs.RetentionDays.ONE_YEAR)) {
    throw validationError(scope, ValidationErrorCode.OUTSIDE_BASELINE_BOUND, 'logRetention', `is ${value} days`, 'give RetentionDays.ONE_YEAR or longer, or INFINITE (NIST AU-11)');
  }
  return value;
}
