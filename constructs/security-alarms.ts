import { Duration, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { createAlertTopic, subscribeAlertRecipients } from './defaults/alert-topic-defaults';
import {
  CIS_ALARM_PATTERNS,
  electionAlarmPatterns,
  MAX_ALARM_PERIOD_SECONDS,
  MAX_FILTER_PATTERN_LENGTH,
  RECORDS_PROTECTION_ALARM,
  SecurityAlarmPattern,
} from '../lib/baseline/alarm-patterns';
import { ValidationErrorCode } from '../lib/validation-error';
import { tokenOr, validationError } from './defaults/validate';
import { ElectionAuditTrail } from './election-audit-trail';

/** Properties of SecurityAlarms. */
export interface SecurityAlarmsProps {
  /** The trail whose CloudWatch Logs copy the metric filters read. */
  readonly trail: ElectionAuditTrail;

  /**
   * The election records buckets whose Object Lock, policy and public access
   * block changes raise the records alarm. At most 7 buckets with generated names (a filter pattern is
   * at most 1,024 characters and a bucket name up to 63); more when their literal names are short.
   * A list whose filter pattern could pass 1,024 characters throws.
   * @default - changes to those settings on any bucket of the account (52 U.S.C. 20701; ransomware)
   */
  readonly recordsBuckets?: s3.IBucket[];

  /**
   * An existing topic to send alarms to. Its key policy must let
   * cloudwatch.amazonaws.com use kms:GenerateDataKey* and kms:Decrypt, and its
   * topic policy must let this account's alarms publish.
   * @default - a new topic under a customer-managed key, TLS-only (NIST SC-8, SC-28)
   */
  readonly topic?: sns.ITopic;

  /**
   * Email addresses subscribed to the topic (each confirms by email): literal
   * addresses, checked at synth; a malformed one or a token throws.
   * @default - none: subscribe the security operations center some other way
   */
  readonly emailSubscriptions?: string[];

  /**
   * HTTPS endpoints (a paging service, a SOAR webhook) subscribed to the
   * topic: literal `https://` URLs without credentials in them, which would
   * sit in the template. `http://` is refused: alerts must not travel in clear text.
   * @default - none
   */
  readonly httpsSubscriptions?: string[];

  /**
   * The CloudWatch namespace of the metrics. Give each SecurityAlarms of an
   * account and Region its own, or their counts add up.
   * @default 'ElectionBaseline/CloudTrail'
   */
  readonly metricNamespace?: string;
}

/** Every alarm looks at the longest period the rule accepts, five minutes. */
const PERIOD = Duration.seconds(MAX_ALARM_PERIOD_SECONDS);
const DEFAULT_NAMESPACE = 'ElectionBaseline/CloudTrail';
/** A bucket name is at most 63 characters: the length a token stands for when the records pattern is measured. */
const MAX_BUCKET_NAME = 63;

/**
 * CloudTrail metric filters and alarms for the CIS AWS Foundations Benchmark
 * v3.0.0 monitoring set (4.1 to 4.15: root use, denied API calls, console
 * sign-in without MFA or failing, IAM policy, CloudTrail, KMS, S3 policy,
 * Config, security group, NACL, gateway, route table, VPC and Organizations
 * changes) and for election threats: a trail stopped or deleted, a records
 * bucket's lock or policy changed, a WAF web ACL weakened, GuardDuty or
 * Security Hub turned off. Each alarm fires on one matching event in five
 * minutes, treats no data as all clear and notifies an encrypted, TLS-only
 * SNS topic (NIST AU-6, SI-4, IR-4; CISA CPG 2.T).
 */
export class SecurityAlarms extends Construct {
  /** The topic the alarms notify. */
  public readonly topic: sns.ITopic;
  /** The alarms, by name (`RootAccountUsage`, `CloudTrailStopped`, ...). */
  public readonly alarms: { [name: string]: cloudwatch.Alarm };
  /** The metric filters on the trail's log group, by the same names. */
  public readonly metricFilters: { [name: string]: logs.MetricFilter };
  /** The patterns the filters use, with the threat and control each answers. */
  public readonly patterns: SecurityAlarmPattern[];

  constructor(scope: Construct, id: string, props: SecurityAlarmsProps) {
    super(scope, id);
    if (!(props.trail instanceof ElectionAuditTrail)) {
      throw validationError(this, ValidationErrorCode.INVALID_VALUE, 'trail', `is ${typeof props.trail}`, 'give the ElectionAuditTrail whose log group the alarms read');
    }
    const namespace = checkedNamespace(this, props.metricNamespace);
    const bucketNames = checkedRecordsBuckets(this, props.recordsBuckets);
    this.patterns = [...CIS_ALARM_PATTERNS, ...electionAlarmPatterns(bucketNames)];

    this.topic = props.topic ?? createAlertTopic(this, 'Topic', 'Election security alarms');
    subscribeAlertRecipients(this, this.topic, props.emailSubscriptions, props.httpsSubscriptions);
    const action = new actions.SnsAction(this.topic);

    this.alarms = {};
    this.metricFilters = {};
    for (const pattern of this.patterns) {
      const filter = new logs.MetricFilter(this, `${pattern.name}Filter`, {
        logGroup: props.trail.logGroup,
        filterPattern: logs.FilterPattern.literal(pattern.pattern),
        metricNamespace: namespace,
        metricName: pattern.name,
        metricValue: '1',
      });
      const alarm = new cloudwatch.Alarm(this, `${pattern.name}Alarm`, {
        alarmDescription: pattern.description,
        metric: filter.metric({ statistic: cloudwatch.Stats.SUM, period: PERIOD }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        // The filter emits nothing when nothing matches: silence is all clear, not a breach.
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(action);
      this.alarms[pattern.name] = alarm;
      this.metricFilters[pattern.name] = filter;
    }
  }
}

function checkedNamespace(scope: Construct, namespace: string | undefined): string {
  const value = namespace ?? DEFAULT_NAMESPACE;
  if (Token.isUnresolved(value) || !/^[A-Za-z0-9 ._\-/#]{1,255}$/.test(value) || !/[^ ]/.test(value) || value.startsWith('AWS/')) {
    throw validationError(scope, tokenOr(value, ValidationErrorCode.INVALID_VALUE), 'metricNamespace', Token.isUnresolved(value) ? 'is a token' : `is '${value}'`,
      "give 1 to 255 letters, digits, spaces and . _ - / #, not only spaces, not starting with 'AWS/'");
  }
  return value;
}

function checkedRecordsBuckets(scope: Construct, buckets: s3.IBucket[] | undefined): string[] {
  const names = (buckets ?? []).map((b) => b.bucketName);
  // Measure with a token standing for the longest name a bucket can have.
  const measured = electionAlarmPatterns(names.map((n) => (Token.isUnresolved(n) ? 'x'.repeat(MAX_BUCKET_NAME) : n)));
  const records = measured.find((p) => p.name === RECORDS_PROTECTION_ALARM);
  if (records && records.pattern.length > MAX_FILTER_PATTERN_LENGTH) {
    throw validationError(scope, ValidationErrorCode.ABOVE_SERVICE_LIMIT, 'recordsBuckets', `has ${names.length} buckets`,
      `their filter pattern could reach ${records.pattern.length} characters, over the ${MAX_FILTER_PATTERN_LENGTH} CloudWatch Logs accepts; give fewer buckets or none (every bucket is then watched)`);
  }
  return names;
}
