import { ArnFormat, Aws, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { DataClass } from '../../lib/baseline/data-class';
import { MIN_AUDIT_LOG_RETENTION_DAYS } from '../../lib/baseline/records-retention';
import { ValidationErrorCode } from '../../lib/validation-error';
import { tagDataClass } from './data-class-tag';
import { ErrorSubject, validationError } from './validate';

/** Two years: past the 22 months of 52 U.S.C. 20701, so logs outlive the election they record (NIST AU-11). */
export const DEFAULT_LOG_RETENTION = logs.RetentionDays.TWO_YEARS;

/**
 * A literal retention CloudWatch Logs accepts, at least the audit-log floor
 * (NIST AU-11) or INFINITE; `DEFAULT_LOG_RETENTION` when unset.
 */
export function checkedLogRetention(subject: ErrorSubject, prop: string, retention: logs.RetentionDays | undefined): logs.RetentionDays {
  const value = retention ?? DEFAULT_LOG_RETENTION;
  const allowed = `give a RetentionDays of ${MIN_AUDIT_LOG_RETENTION_DAYS} days (ONE_YEAR) or longer, or INFINITE: ` +
    'audit logs must outlive the incident they record (NIST AU-11)';
  if (Token.isUnresolved(value)) throw validationError(subject, ValidationErrorCode.TOKEN_NOT_ALLOWED, prop, 'is a token', allowed);
  // A numeric enum also maps names to numbers at run time: only its numbers are retention values.
  if (typeof value !== 'number' || !(Object.values(logs.RetentionDays) as unknown[]).includes(value)) throw validationError(subject, ValidationErrorCode.INVALID_VALUE, prop, `is ${String(value)}`, allowed);
  if (value < MIN_AUDIT_LOG_RETENTION_DAYS) throw validationError(subject, ValidationErrorCode.OUTSIDE_BASELINE_BOUND, prop, `is ${value} days`, allowed);
  return value;
}

/**
 * Lets CloudWatch Logs of this Region use `key` for this account's log groups
 * only (the encryption context names the log group). Without it, a log group
 * with the key fails to create.
 */
export function allowCloudWatchLogs(key: kms.Key): void {
  const stack = Stack.of(key);
  key.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'CloudWatchLogsEncryptLogGroups',
    principals: [new iam.ServicePrincipal(`logs.${Aws.REGION}.amazonaws.com`)],
    actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:DescribeKey'],
    resources: ['*'],
    conditions: {
      ArnLike: {
        'kms:EncryptionContext:aws:logs:arn': stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME }),
      },
    },
  }));
}

/** Options of an encrypted audit log group. */
export interface EncryptedLogGroupOptions {
  /** A key on which `allowCloudWatchLogs` has been called. */
  readonly encryptionKey: kms.IKey;
  /** A fixed name, when a service writes to a name of its own choosing. */
  readonly logGroupName?: string;
  /** How long events are kept; callers check it against the audit-log floor. Default `DEFAULT_LOG_RETENTION`. */
  readonly retention?: logs.RetentionDays;
}

/**
 * An audit log group: customer-managed key (NIST AU-9), kept two years
 * (NIST AU-11; 52 U.S.C. 20701), RETAIN, class `audit-logs`.
 */
export function createEncryptedLogGroup(scope: Construct, id: string, options: EncryptedLogGroupOptions): logs.LogGroup {
  const group = new logs.LogGroup(scope, id, {
    logGroupName: options.logGroupName,
    encryptionKey: options.encryptionKey,
    retention: options.retention ?? DEFAULT_LOG_RETENTION,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  tagDataClass(group, DataClass.AUDIT_LOGS);
  return group;
}
