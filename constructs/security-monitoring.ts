import { Aws, Token } from 'aws-cdk-lib';
import * as config from 'aws-cdk-lib/aws-config';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as securityhub from 'aws-cdk-lib/aws-securityhub';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { acknowledgeOptOut } from './defaults/acknowledgments';
import { claimAccountSingleton, CONFIG_RECORDER, GUARDDUTY_DETECTOR, SECURITY_HUB } from './defaults/account-singleton';
import { createAlertTopic } from './defaults/alert-topic-defaults';
import {
  BASELINE_CONFIG_RULES,
  DEFAULT_SECURITY_HUB_STANDARDS,
  guardDutyFeatures,
  guardDutyFindingsPattern,
  SecurityHubStandard,
  securityHubFindingsPattern,
  securityHubStandardArn,
} from './defaults/security-monitoring-defaults';
import { ValidationErrorCode } from '../lib/validation-error';
import { shown, tokenOr, validationError } from './defaults/validate';
import { LogArchiveBucket } from './log-archive-bucket';

/** Properties of SecurityMonitoring. */
export interface SecurityMonitoringProps {
  /**
   * Create a GuardDuty detector. There is one per account and Region: turn it
   * off where the organization's delegated administrator already enables
   * GuardDuty, or the deployment fails creating a second detector. Two
   * constructs that both create one for the same account and Region throw at
   * synth, naming both paths (stacks with a literal `env` account and Region,
   * anywhere in the App; an env-agnostic stack is compared only with itself,
   * since its account is known only at deploy). The findings rule is created either way.
   * @default true (CISA AA20-304A: threat detection on S3 data access, credentials and malware)
   */
  readonly enableGuardDuty?: boolean;

  /**
   * Turn on GuardDuty Runtime Monitoring, with AWS-managed agents for EKS,
   * ECS Fargate and EC2. It installs an agent into workloads, so it is opt-in.
   * @default false
   */
  readonly guardDutyRuntimeMonitoring?: boolean;

  /**
   * Enable Security Hub. One hub per account and Region: turn it off where the
   * organization already enables it centrally, or the deployment fails. Two
   * hubs for one account and Region throw at synth, as `enableGuardDuty` says.
   * The findings rule is created either way.
   * @default true (NIST CA-7, SI-4: continuous checks against the standards below)
   */
  readonly enableSecurityHub?: boolean;

  /**
   * The Security Hub standards to enable (AWS's own defaults are turned off,
   * so only these run).
   * @default - AWS Foundational Security Best Practices v1.0.0 and CIS AWS Foundations Benchmark v3.0.0
   */
  readonly securityHubStandards?: SecurityHubStandard[];

  /**
   * Record every supported resource type with AWS Config, deliver to the log
   * archive and add the baseline's managed Config rules. One recorder and one
   * delivery channel per account and Region: turn it off where Control Tower
   * or the organization already records, or the deployment fails. Two
   * recorders for one account and Region throw at synth, as `enableGuardDuty` says.
   * @default true (NIST CM-8, CM-3, CA-7: a history of every change, kept write-once)
   */
  readonly enableConfig?: boolean;

  /**
   * Record IAM and other global resource types. Record them in one Region
   * only (the home Region), or every Region records them again.
   * @default true
   */
  readonly includeGlobalResourceTypes?: boolean;

  /**
   * The write-once archive the Config delivery channel writes to.
   * @default - a new LogArchiveBucket (only when Config is enabled)
   */
  readonly archive?: LogArchiveBucket;

  /**
   * The role the configuration recorder uses.
   * @default - the AWS Config service-linked role AWSServiceRoleForConfig, which must exist
   * (it does wherever Config or Security Hub ran before; otherwise set `createConfigServiceLinkedRole`)
   */
  readonly configRole?: iam.IRole;

  /**
   * Create the AWS Config service-linked role in this stack. Only for an
   * account that never ran AWS Config: creating it where it exists fails the deployment.
   * @default false
   */
  readonly createConfigServiceLinkedRole?: boolean;

  /**
   * Where HIGH and CRITICAL findings go. Its key must let events.amazonaws.com
   * use kms:GenerateDataKey* and kms:Decrypt.
   * @default - a new topic under a customer-managed key, TLS-only (NIST IR-6, SC-8, SC-28)
   */
  readonly alertTopic?: sns.ITopic;

  /**
   * An event bus of the security operations center (a state fusion center,
   * the EI-ISAC's partner, an MSSP) that also receives the findings. A bus of
   * another account must allow this account to put events.
   * @default - none
   */
  readonly socEventBus?: events.IEventBus;

  /**
   * The ARN of an SNS topic of the security operations center that also
   * receives the findings. Its topic and key policies must let EventBridge of
   * this account publish.
   * @default - none
   */
  readonly socTopicArn?: string;
}

const SNS_TOPIC_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$/;

/**
 * The account's detection services, each an account-level singleton:
 * GuardDuty with S3, EKS, EBS malware, RDS and Lambda protection; Security
 * Hub with AWS Foundational Security Best Practices and CIS v3.0.0; AWS
 * Config recording every resource type into the write-once log archive,
 * with managed rules that mirror this baseline; and EventBridge rules that
 * send HIGH and CRITICAL findings to an encrypted topic and, optionally, to
 * the security operations center (CISA CPG 2.T, 5.A; NIST SI-4, IR-4, IR-6,
 * CM-8, CA-7; CISA AA20-304A).
 */
export class SecurityMonitoring extends Construct {
  /** The GuardDuty detector, when created. */
  public readonly detector?: guardduty.CfnDetector;
  /** The Security Hub hub, when created. */
  public readonly hub?: securityhub.CfnHub;
  /** The Security Hub standards enabled, when the hub is created. */
  public readonly standards: securityhub.CfnStandard[];
  /** The AWS Config recorder, when created. */
  public readonly recorder?: config.CfnConfigurationRecorder;
  /** The AWS Config delivery channel, when created. */
  public readonly deliveryChannel?: config.CfnDeliveryChannel;
  /** The managed Config rules, when Config is enabled. */
  public readonly configRules: config.ManagedRule[];
  /** The log archive Config delivers to, when Config is enabled. */
  public readonly archive?: LogArchiveBucket;
  /** HIGH and CRITICAL GuardDuty findings (severity 7 and up). */
  public readonly guardDutyFindingsRule: events.Rule;
  /** New, active HIGH and CRITICAL Security Hub findings, GuardDuty's copies excepted. */
  public readonly securityHubFindingsRule: events.Rule;
  /** The topic the findings go to. */
  public readonly alertTopic: sns.ITopic;

  constructor(scope: Construct, id: string, props: SecurityMonitoringProps = {}) {
    super(scope, id);
    const socTopic = this.checkedSocTopic(props.socTopicArn);
    this.checkIgnoredSettings(props);
    this.standards = [];
    this.configRules = [];

    if (props.enableGuardDuty ?? true) {
      claimAccountSingleton(this, GUARDDUTY_DETECTOR);
      this.detector = new guardduty.CfnDetector(this, 'Detector', {
        enable: true,
        // New findings arrive within minutes regardless; updates to open findings every 15 minutes instead of 6 hours.
        findingPublishingFrequency: 'FIFTEEN_MINUTES',
        features: guardDutyFeatures(props.guardDutyRuntimeMonitoring ?? false),
      });
    }
    if (props.enableSecurityHub ?? true) {
      claimAccountSingleton(this, SECURITY_HUB);
      this.hub = this.createHub(props.securityHubStandards ?? [...DEFAULT_SECURITY_HUB_STANDARDS]);
    }
    if (props.enableConfig ?? true) {
      claimAccountSingleton(this, CONFIG_RECORDER);
      this.archive = props.archive ?? new LogArchiveBucket(this, 'Archive');
      this.recorder = this.createRecorder(props);
      this.deliveryChannel = this.createDeliveryChannel(this.archive, this.recorder);
    } else if (props.archive || props.configRole || props.createConfigServiceLinkedRole || props.includeGlobalResourceTypes !== undefined) {
      throw validationError(this, ValidationErrorCode.CONFLICTING_PROPS, 'enableConfig', 'is false',
        'archive, configRole, createConfigServiceLinkedRole and includeGlobalResourceTypes apply only when Config is enabled');
    }

    this.alertTopic = props.alertTopic ?? createAlertTopic(this, 'AlertTopic', 'Election security findings');
    const destinations: events.IRuleTarget[] = [new targets.SnsTopic(this.alertTopic)];
    if (props.socEventBus) destinations.push(new targets.EventBus(props.socEventBus));
    if (socTopic) destinations.push(new targets.SnsTopic(socTopic));
    this.guardDutyFindingsRule = new events.Rule(this, 'GuardDutyFindings', {
      description: 'HIGH and CRITICAL GuardDuty findings (severity 7 and up) to the security alert topic',
      eventPattern: guardDutyFindingsPattern(),
      targets: destinations,
    });
    this.securityHubFindingsRule = new events.Rule(this, 'SecurityHubFindings', {
      description: 'New, active HIGH and CRITICAL Security Hub findings to the security alert topic',
      eventPattern: securityHubFindingsPattern(),
      targets: destinations,
    });
  }

  /** A setting of a service turned off would be dropped without a word: a weaker account than the caller asked for. */
  private checkIgnoredSettings(props: SecurityMonitoringProps): void {
    if (props.guardDutyRuntimeMonitoring && props.enableGuardDuty === false) {
      throw validationError(this, ValidationErrorCode.CONFLICTING_PROPS, 'guardDutyRuntimeMonitoring', 'is true while enableGuardDuty is false',
        'runtime monitoring is a feature of the detector this construct creates; turn it on where the detector is managed');
    }
    if (props.securityHubStandards !== undefined && props.enableSecurityHub === false) {
      throw validationError(this, ValidationErrorCode.CONFLICTING_PROPS, 'securityHubStandards', 'is set while enableSecurityHub is false',
        'standards are enabled on the hub this construct creates; enable them where the hub is managed');
    }
  }

  private createHub(standards: SecurityHubStandard[]): securityhub.CfnHub {
    if (standards.length === 0) {
      throw validationError(this, ValidationErrorCode.MISSING_VALUE, 'securityHubStandards', 'is empty',
        `a hub without standards checks nothing; give at least one of ${Object.values(SecurityHubStandard).join(', ')}, or leave it unset for the defaults`);
    }
    const allowed = Object.values(SecurityHubStandard) as string[];
    for (const standard of standards) {
      if (!allowed.includes(standard)) {
        throw validationError(this, ValidationErrorCode.INVALID_VALUE, 'securityHubStandards', `contains ${shown(standard)}`, `allowed are ${allowed.join(', ')}`);
      }
    }
    const hub = new securityhub.CfnHub(this, 'Hub', {
      // AWS's defaults (FSBP and CIS v1.2.0) off: exactly the standards chosen here run.
      enableDefaultStandards: false,
      autoEnableControls: true,
      // One finding per control across standards, not one per standard.
      controlFindingGenerator: 'SECURITY_CONTROL',
    });
    for (const standard of new Set(standards)) {
      const cfn = new securityhub.CfnStandard(this, `Standard-${standard.split('/')[0]}-${standard.split('/').pop()}`, {
        standardsArn: securityHubStandardArn(standard),
      });
      cfn.node.addDependency(hub);
      this.standards.push(cfn);
    }
    if (!coversBaselineStandards(standards)) {
      // An explicit choice of other standards is reported as a waiver, not hidden.
      acknowledgeOptOut(hub, {
        id: 'ElectionBaseline-SecurityHubStandardsEnabled',
        reason: `securityHubStandards chose ${[...new Set(standards)].join(', ')} instead of AWS Foundational Security Best Practices with CIS or NIST 800-53`,
      });
    }
    return hub;
  }

  private createRecorder(props: SecurityMonitoringProps): config.CfnConfigurationRecorder {
    let roleArn = props.configRole?.roleArn
      ?? `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`;
    let linkedRole: iam.CfnServiceLinkedRole | undefined;
    if (props.createConfigServiceLinkedRole) {
      if (props.configRole) throw validationError(this, ValidationErrorCode.CONFLICTING_PROPS, 'configRole', 'is set', 'give configRole or createConfigServiceLinkedRole, not both');
      linkedRole = new iam.CfnServiceLinkedRole(this, 'ConfigServiceLinkedRole', { awsServiceName: 'config.amazonaws.com' });
      roleArn = `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:role/aws-service-role/config.amazonaws.com/${linkedRole.ref}`;
    }
    const recorder = new config.CfnConfigurationRecorder(this, 'Recorder', {
      roleArn,
      recordingGroup: { allSupported: true, includeGlobalResourceTypes: props.includeGlobalResourceTypes ?? true },
      recordingMode: { recordingFrequency: 'CONTINUOUS' },
    });
    if (linkedRole) recorder.node.addDependency(linkedRole);
    if (props.includeGlobalResourceTypes === false) {
      // The documented multi-Region opt-out: reported as a waiver, not hidden.
      acknowledgeOptOut(recorder, {
        id: 'ElectionBaseline-ConfigRecorderAllResources',
        reason: 'includeGlobalResourceTypes is false: IAM and other global resource types are recorded once, by the recorder in the home Region',
      });
    }
    return recorder;
  }

  private createDeliveryChannel(archive: LogArchiveBucket, recorder: config.CfnConfigurationRecorder): config.CfnDeliveryChannel {
    // No key prefix: Config writes under AWSLogs/<account>/Config/, where the archive's policy lets it.
    const channel = new config.CfnDeliveryChannel(this, 'DeliveryChannel', {
      s3BucketName: archive.bucket.bucketName,
      s3KmsKeyArn: archive.encryptionKey.keyArn,
      configSnapshotDeliveryProperties: { deliveryFrequency: 'TwentyFour_Hours' },
    });
    channel.node.addDependency(recorder);
    if (archive.bucket.policy) channel.node.addDependency(archive.bucket.policy);
    for (const rule of BASELINE_CONFIG_RULES) {
      const managed = new config.ManagedRule(this, rule.id, {
        identifier: rule.identifier,
        description: rule.description,
        inputParameters: rule.inputParameters,
      });
      // Rules need a recorder, and evaluate once the channel delivers.
      managed.node.addDependency(recorder, channel);
      this.configRules.push(managed);
    }
    return channel;
  }

  private checkedSocTopic(arn: string | undefined): sns.ITopic | undefined {
    if (arn === undefined) return undefined;
    if (Token.isUnresolved(arn) || !SNS_TOPIC_ARN.test(arn)) {
      throw validationError(this, tokenOr(arn, ValidationErrorCode.INVALID_VALUE), 'socTopicArn', Token.isUnresolved(arn) ? 'is a token' : `is '${arn}'`,
        'give the literal ARN of an SNS topic, such as arn:aws:sns:us-east-1:111122223333:soc-alerts');
    }
    return sns.Topic.fromTopicArn(this, 'SocTopic', arn);
  }
}

/** Whether the standards include the broad AWS baseline and a benchmark of account-level checks (rule SecurityHubStandardsEnabled). */
function coversBaselineStandards(standards: readonly SecurityHubStandard[]): boolean {
  return standards.includes(SecurityHubStandard.AWS_FOUNDATIONAL_SECURITY_BEST_PRACTICES)
    && standards.some((s) => s !== SecurityHubStandard.AWS_FOUNDATIONAL_SECURITY_BEST_PRACTICES);
}
