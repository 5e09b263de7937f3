import { Stack, StackProps } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ElectionAuditTrail } from '../../constructs/election-audit-trail';
import { LogArchiveBucket } from '../../constructs/log-archive-bucket';
import { SecurityAlarms } from '../../constructs/security-alarms';
import { SecurityMonitoring } from '../../constructs/security-monitoring';
import { ReferenceAppSettings } from '../settings';

/** Properties of the reference security baseline stack. */
export interface SecurityBaselineStackProps extends StackProps {
  readonly settings: ReferenceAppSettings;
  /**
   * The election records buckets: their object reads and writes become
   * CloudTrail data events, and changes to their lock or policy raise their own alarm.
   * @default - none: management events only, and the records alarm watches every bucket
   */
  readonly recordsBuckets?: s3.IBucket[];
}

/**
 * The account's security baseline: a write-once log archive, the audit trail
 * delivering to it, CIS and election alarms on the trail, and GuardDuty,
 * Security Hub and AWS Config sending HIGH and CRITICAL findings to the same
 * encrypted topic as the alarms, subscribed by the `alertEmail` setting.
 * Deploy it once per account and Region (GuardDuty, Security Hub and the
 * Config recorder are account-level singletons).
 */
export class SecurityBaselineStack extends Stack {
  /** The write-once archive of CloudTrail and AWS Config. */
  public readonly archive: LogArchiveBucket;
  /** The audit trail. */
  public readonly trail: ElectionAuditTrail;
  /** CIS and election alarms on the trail. */
  public readonly alarms: SecurityAlarms;
  /** GuardDuty, Security Hub, AWS Config and the findings rules. */
  public readonly monitoring: SecurityMonitoring;

  constructor(scope: Construct, id: string, props: SecurityBaselineStackProps) {
    super(scope, id, props);
    const { settings, recordsBuckets } = props;

    this.archive = new LogArchiveBucket(this, 'LogArchive');
    this.trail = new ElectionAuditTrail(this, 'AuditTrail', { archive: this.archive, recordsBuckets });
    this.alarms = new SecurityAlarms(this, 'Alarms', {
      trail: this.trail,
      recordsBuckets,
      emailSubscriptions: settings.alertEmail ? [settings.alertEmail] : undefined,
    });
    this.monitoring = new SecurityMonitoring(this, 'Monitoring', {
      archive: this.archive,
      alertTopic: this.alarms.topic,
    });
  }
}
