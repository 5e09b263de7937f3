import { BootstraplessSynthesizer, CfnOutput, CfnParameter, Stack, StackProps, Tags } from 'aws-cdk-lib';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { DEFAULT_RECORDS_RETENTION_DAYS, MAX_OBJECT_LOCK_DAYS, MIN_RECORDS_RETENTION_DAYS } from '../lib/baseline/records-retention';
import { EMAIL } from './defaults/alert-topic-defaults';
import { ElectionAuditTrail } from './election-audit-trail';
import { ElectionRecordsBucket } from './election-records-bucket';
import { LogArchiveBucket } from './log-archive-bucket';
import { ResultsReportingSite } from './results-reporting-site';
import { SecurityAlarms } from './security-alarms';
import { SecurityMonitoring } from './security-monitoring';

/** What CountyName accepts (CloudFormation AllowedPattern; CountyStackSet checks overrides with it at synth). */
export const COUNTY_NAME_PATTERN = "^[A-Za-z0-9][A-Za-z0-9 .'-]{0,62}$";

/** Properties of a CountyBaselineStack. */
export interface CountyBaselineStackProps extends StackProps {
  /**
   * Whether the state's security-tooling account, as delegated administrator
   * with auto-enable (StatewideSecurityTooling), turns on GuardDuty and
   * Security Hub in each county account. The template then creates no
   * detector and no hub, which would collide with the ones the organization
   * made; the findings rules to the county's alert topic are created either way.
   * Set it to false for a county outside the organization (a vendor-run
   * account on a self-managed stack set).
   * @default true (NIST SI-4, CA-7: detection the county's own admins cannot switch off)
   */
  readonly detectionManagedByOrganization?: boolean;

  /**
   * Record every resource type with AWS Config into the county's write-once
   * archive. Turn it off where Control Tower already records the account.
   * @default true (NIST CM-8, CA-7)
   */
  readonly enableConfig?: boolean;

  /**
   * Add the county's election-night results site (ResultsReportingSite:
   * CloudFront behind a CLOUDFRONT-scope WAF web ACL with the `results`
   * preset and a 30-second edge cache), for counties whose results sites fell
   * over under election-night load or DDoS. A CLOUDFRONT web ACL exists only
   * in us-east-1: the template then asserts that Region (a CloudFormation
   * Rule), and CountyStackSet and SelfManagedCountyStackSet refuse any
   * `regions` other than ['us-east-1'].
   * @default false (NIST SC-5, CP-10: availability of published results)
   */
  readonly resultsSite?: boolean;
}

/**
 * The county baseline as one env-agnostic template that a state rolls out to
 * every county account (CountyStackSet): a write-once ElectionRecordsBucket,
 * the county's audit trail into its own write-once LogArchiveBucket, CIS and
 * election alarms to an encrypted alert topic, and GuardDuty, Security Hub and
 * AWS Config findings routed to the same topic; optionally (`resultsSite`)
 * the election-night ResultsReportingSite, which pins the template to us-east-1.
 *
 * What differs per county is a CloudFormation parameter, not a synth-time
 * value, so one template serves 250 counties: `CountyName`, `AlertEmail`
 * and `RecordsRetentionDays`, whose `MinValue` is the 52 U.S.C. 20701 floor
 * (672 days): CloudFormation refuses a shorter retention in any county's
 * override, and the rule pack reads the same MinValue. It synthesizes without
 * CDK bootstrap resources (county accounts are not bootstrapped), so it holds
 * no Lambda or file assets.
 */
export class CountyBaselineStack extends Stack {
  /** The name of the county-name parameter. */
  public static readonly COUNTY_NAME_PARAMETER = 'CountyName';
  /** The name of the alert-email parameter. */
  public static readonly ALERT_EMAIL_PARAMETER = 'AlertEmail';
  /** The name of the records-retention parameter (days, MinValue 672). */
  public static readonly RECORDS_RETENTION_DAYS_PARAMETER = 'RecordsRetentionDays';

  /** The county's name, as the stack set's parameter override gives it. */
  public readonly countyName: CfnParameter;
  /** Where the county's security alerts are emailed. */
  public readonly alertEmail: CfnParameter;
  /** The Object Lock retention of the records, in days: at least 672. */
  public readonly recordsRetentionDays: CfnParameter;
  /** Certified results and election records, write-once for the retention. */
  public readonly records: ElectionRecordsBucket;
  /** The county's write-once archive of its trail and AWS Config. */
  public readonly archive: LogArchiveBucket;
  /** The county's audit trail, with data events on the records bucket. */
  public readonly trail: ElectionAuditTrail;
  /** CIS and election alarms on the trail. */
  public readonly alarms: SecurityAlarms;
  /** AWS Config (and GuardDuty and Security Hub outside the organization) and the findings rules. */
  public readonly monitoring: SecurityMonitoring;
  /** The results site, when `resultsSite` is true. */
  public readonly results?: ResultsReportingSite;
  /** Whether the template holds the results site, and so deploys only to us-east-1. */
  public readonly hasResultsSite: boolean;

  constructor(scope: Construct, id: string, props: CountyBaselineStackProps = {}) {
    // County accounts are not CDK-bootstrapped: no BootstrapVersion parameter, and no assets (a stack set cannot publish them).
    super(scope, id, { ...props, synthesizer: props.synthesizer ?? new BootstraplessSynthesizer() });
    this.countyName = new CfnParameter(this, CountyBaselineStack.COUNTY_NAME_PARAMETER, {
      type: 'String',
      description: 'The county (or city, township) this account serves, as the state names it',
      allowedPattern: COUNTY_NAME_PATTERN,
      constraintDescription: '1 to 63 letters, digits, spaces, dots, apostrophes or hyphens',
    });
    this.alertEmail = new CfnParameter(this, CountyBaselineStack.ALERT_EMAIL_PARAMETER, {
      type: 'String',
      description: 'Where security alarms and HIGH or CRITICAL findings are emailed (the county or state SOC); confirm the subscription',
      allowedPattern: EMAIL.source,
      constraintDescription: 'an email address such as soc@county.example.gov',
    });
    this.recordsRetentionDays = new CfnParameter(this, CountyBaselineStack.RECORDS_RETENTION_DAYS_PARAMETER, {
      type: 'Number',
      description: `Object Lock COMPLIANCE retention of election records, in days: at least ${MIN_RECORDS_RETENTION_DAYS} (22 months, 52 U.S.C. 20701)`,
      default: DEFAULT_RECORDS_RETENTION_DAYS,
      minValue: MIN_RECORDS_RETENTION_DAYS,
      maxValue: MAX_OBJECT_LOCK_DAYS,
      constraintDescription: `whole days from ${MIN_RECORDS_RETENTION_DAYS} to ${MAX_OBJECT_LOCK_DAYS}`,
    });

    this.records = new ElectionRecordsBucket(this, 'Records', { retentionParameter: this.recordsRetentionDays });
    Tags.of(this.records.bucket).add('election:county', this.countyName.valueAsString);
    this.archive = new LogArchiveBucket(this, 'LogArchive');
    this.trail = new ElectionAuditTrail(this, 'AuditTrail', { archive: this.archive, recordsBuckets: [this.records.bucket] });
    this.alarms = new SecurityAlarms(this, 'Alarms', { trail: this.trail, recordsBuckets: [this.records.bucket] });
    // A parameter cannot pass SecurityAlarms' synth-time address check; the parameter's AllowedPattern is the same pattern.
    this.alarms.topic.addSubscription(new subscriptions.EmailSubscription(this.alertEmail.valueAsString));
    const organizationDetection = props.detectionManagedByOrganization ?? true;
    this.monitoring = new SecurityMonitoring(this, 'Monitoring', {
      archive: this.archive,
      alertTopic: this.alarms.topic,
      enableGuardDuty: !organizationDetection,
      enableSecurityHub: !organizationDetection,
      enableConfig: props.enableConfig,
    });
    this.hasResultsSite = props.resultsSite ?? false;
    if (this.hasResultsSite) {
      this.results = new ResultsReportingSite(this, 'ResultsSite');
      new CfnOutput(this, 'ResultsSiteDomainName', { value: this.results.distribution.distributionDomainName, description: 'The county\'s results site (CloudFront)' });
    }
    new CfnOutput(this, 'RecordsBucketName', { value: this.records.bucket.bucketName, description: 'The county\'s write-once election records bucket' });
  }
}
