import { Aws } from 'aws-cdk-lib';
import * as config from 'aws-cdk-lib/aws-config';
import * as events from 'aws-cdk-lib/aws-events';
import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import { MIN_AUDIT_LOG_RETENTION_DAYS } from '../../lib/baseline/records-retention';
import {
  GUARDDUTY_FINDING_DETAIL_TYPE, GUARDDUTY_HIGH_SEVERITY, GUARDDUTY_REQUIRED_FEATURES, GUARDDUTY_SOURCE, SECURITY_HUB_ALERT_LABELS, SECURITY_HUB_IMPORTED_DETAIL_TYPE, SECURITY_HUB_SOURCE,
} from '../../lib/baseline/security-findings';

/**
 * GuardDuty, Security Hub and AWS Config settings on one screen, each with
 * the threat it answers.
 */

/** A Security Hub standard, by the path of its ARN after `standards/`. */
export enum SecurityHubStandard {
  /** AWS Foundational Security Best Practices v1.0.0: the broad AWS baseline. */
  AWS_FOUNDATIONAL_SECURITY_BEST_PRACTICES = 'aws-foundational-security-best-practices/v/1.0.0',
  /** CIS AWS Foundations Benchmark v3.0.0, the current benchmark. */
  CIS_AWS_FOUNDATIONS_3_0_0 = 'cis-aws-foundations-benchmark/v/3.0.0',
  /** CIS AWS Foundations Benchmark v1.4.0, for agencies audited against it. */
  CIS_AWS_FOUNDATIONS_1_4_0 = 'cis-aws-foundations-benchmark/v/1.4.0',
  /** NIST SP 800-53 Rev. 5: the controls this library's catalogue maps to. */
  NIST_800_53_REV_5 = 'nist-800-53/v/5.0.0',
}

/** The standards enabled by default: the AWS baseline and CIS v3.0.0. */
export const DEFAULT_SECURITY_HUB_STANDARDS: readonly SecurityHubStandard[] = [
  SecurityHubStandard.AWS_FOUNDATIONAL_SECURITY_BEST_PRACTICES,
  SecurityHubStandard.CIS_AWS_FOUNDATIONS_3_0_0,
];

/** The standard's ARN in the deploying Region and partition. */
export function securityHubStandardArn(standard: SecurityHubStandard): string {
  return `arn:${Aws.PARTITION}:securityhub:${Aws.REGION}::standards/${standard}`;
}

/**
 * GuardDuty protection plans. On: S3 data events (voter data or records
 * pulled out of a bucket, CISA AA20-304A), EKS audit logs, malware scans of
 * EBS volumes when an instance behaves suspiciously (ransomware on county
 * systems), RDS login anomalies (credential stuffing against registration
 * databases) and Lambda network activity. Each costs nothing where the
 * service is not used. Runtime Monitoring installs an agent into workloads,
 * so it is opt-in.
 */
export function guardDutyFeatures(runtimeMonitoring: boolean): guardduty.CfnDetector.CFNFeatureConfigurationProperty[] {
  const enabled = (name: string) => ({ name, status: 'ENABLED' });
  return [
    ...GUARDDUTY_REQUIRED_FEATURES.map(enabled),
    runtimeMonitoring
      ? {
        name: 'RUNTIME_MONITORING',
        status: 'ENABLED',
        additionalConfiguration: ['EKS_ADDON_MANAGEMENT', 'ECS_FARGATE_AGENT_MANAGEMENT', 'EC2_AGENT_MANAGEMENT'].map((n) => ({ name: n, status: 'ENABLED' })),
      }
      : { name: 'RUNTIME_MONITORING', status: 'DISABLED' },
  ];
}

/** An AWS Config managed rule of the baseline. */
export interface BaselineConfigRule {
  /** Construct id and rule name suffix. */
  readonly id: string;
  /** The managed rule identifier. */
  readonly identifier: string;
  /** What it checks and why. */
  readonly description: string;
  readonly inputParameters?: { [key: string]: unknown };
}

/**
 * Managed Config rules that mirror this baseline at run time, so a change
 * made outside CDK (console, CLI, an intruder) shows as non-compliant.
 */
export const BASELINE_CONFIG_RULES: readonly BaselineConfigRule[] = [
  { id: 'S3SslRequestsOnly', identifier: config.ManagedRuleIdentifiers.S3_BUCKET_SSL_REQUESTS_ONLY, description: 'Buckets deny plain-HTTP requests (NIST SC-8)' },
  { id: 'S3BucketLevelPublicAccessProhibited', identifier: config.ManagedRuleIdentifiers.S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED, description: 'Buckets block public access: voter data leaks through public buckets (CISA CPG 2.W)' },
  { id: 'S3PublicReadProhibited', identifier: config.ManagedRuleIdentifiers.S3_BUCKET_PUBLIC_READ_PROHIBITED, description: 'No bucket allows public read (NIST AC-3)' },
  { id: 'S3DefaultEncryptionKms', identifier: config.ManagedRuleIdentifiers.S3_DEFAULT_ENCRYPTION_KMS, description: 'Buckets encrypt with KMS by default (NIST SC-28)' },
  { id: 'CloudTrailEnabled', identifier: config.ManagedRuleIdentifiers.CLOUD_TRAIL_ENABLED, description: 'A trail records this account (NIST AU-2, AU-12)' },
  { id: 'MultiRegionCloudTrailEnabled', identifier: config.ManagedRuleIdentifiers.CLOUDTRAIL_MULTI_REGION_ENABLED, description: 'A trail records every Region, where intruders hide resources (NIST AU-12)' },
  { id: 'CloudTrailLogFileValidation', identifier: config.ManagedRuleIdentifiers.CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED, description: 'Trail log files carry digests that expose tampering (NIST AU-9, AU-10)' },
  { id: 'CloudWatchLogGroupEncrypted', identifier: config.ManagedRuleIdentifiers.CLOUDWATCH_LOG_GROUP_ENCRYPTED, description: 'Log groups are encrypted with KMS (NIST AU-9, SC-28)' },
  {
    id: 'CloudWatchLogGroupRetention',
    identifier: config.ManagedRuleIdentifiers.CW_LOGGROUP_RETENTION_PERIOD_CHECK,
    description: 'Log groups keep events at least a year (NIST AU-11)',
    inputParameters: { MinRetentionTime: MIN_AUDIT_LOG_RETENTION_DAYS },
  },
  { id: 'DynamoDbPitrEnabled', identifier: config.ManagedRuleIdentifiers.DYNAMODB_PITR_ENABLED, description: 'Tables can be restored to before a ransomware overwrite (NIST CP-9)' },
  { id: 'Wafv2LoggingEnabled', identifier: config.ManagedRuleIdentifiers.WAFV2_LOGGING_ENABLED, description: 'Web ACLs log requests, so an SQL injection attempt can be traced (Illinois 2016; NIST AU-2)' },
  { id: 'CloudFrontViewerPolicyHttps', identifier: config.ManagedRuleIdentifiers.CLOUDFRONT_VIEWER_POLICY_HTTPS, description: 'Results sites are served over HTTPS only (NIST SC-8)' },
  { id: 'ApiGatewayAssociatedWithWaf', identifier: config.ManagedRuleIdentifiers.API_GW_ASSOCIATED_WITH_WAF, description: 'API stages sit behind a WAF web ACL (Illinois 2016 SQL injection; NIST SC-7)' },
];

/** HIGH and CRITICAL GuardDuty findings. */
export function guardDutyFindingsPattern(): events.EventPattern {
  return {
    source: [GUARDDUTY_SOURCE],
    detailType: [GUARDDUTY_FINDING_DETAIL_TYPE],
    detail: { severity: events.Match.greaterThanOrEqual(GUARDDUTY_HIGH_SEVERITY) },
  };
}

/**
 * New, active HIGH and CRITICAL Security Hub findings, except the copies of
 * GuardDuty findings Security Hub imports (the GuardDuty rule already sends
 * those, sooner).
 */
export function securityHubFindingsPattern(): events.EventPattern {
  return {
    source: [SECURITY_HUB_SOURCE],
    detailType: [SECURITY_HUB_IMPORTED_DETAIL_TYPE],
    detail: {
      findings: {
        Severity: { Label: [...SECURITY_HUB_ALERT_LABELS] },
        Workflow: { Status: ['NEW'] },
        RecordState: ['ACTIVE'],
        ProductName: events.Match.anythingBut('GuardDuty'),
      },
    },
  };
}
