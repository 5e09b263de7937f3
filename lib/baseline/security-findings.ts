/**
 * Which security findings page someone: SecurityMonitoring routes these to the
 * alert topic and ElectionBaseline-FindingsRouteEnabled fails a route that no
 * longer matches them (NIST SI-4(5), IR-6; CISA CPG 3.A).
 */

/**
 * The GuardDuty protection plans every detector turns on, and no template may switch off: S3 data
 * events (a voter roll pulled out of a bucket, CISA AA20-304A), EKS audit logs, EBS malware scans
 * (ransomware on county systems), RDS login anomalies and Lambda network activity. Each costs nothing
 * where its service is not used; Runtime Monitoring installs an agent into workloads, so it is opt-in
 * and not listed (NIST SI-4, SI-3).
 * @see https://docs.aws.amazon.com/guardduty/latest/APIReference/API_DetectorFeatureConfiguration.html (AWS feature names)
 */
export const GUARDDUTY_REQUIRED_FEATURES: readonly string[] = [
  'S3_DATA_EVENTS', 'EKS_AUDIT_LOGS', 'EBS_MALWARE_PROTECTION', 'RDS_LOGIN_EVENTS', 'LAMBDA_NETWORK_LOGS',
];

/** The EventBridge source of GuardDuty findings. AWS event format. */
export const GUARDDUTY_SOURCE = 'aws.guardduty';

/** The EventBridge source of Security Hub findings. AWS event format. */
export const SECURITY_HUB_SOURCE = 'aws.securityhub';

/** The detail-type of a GuardDuty finding event. AWS event format. */
export const GUARDDUTY_FINDING_DETAIL_TYPE = 'GuardDuty Finding';

/** The detail-type of the findings Security Hub imports (from its controls and integrated products). AWS event format. */
export const SECURITY_HUB_IMPORTED_DETAIL_TYPE = 'Security Hub Findings - Imported';

/**
 * The lowest GuardDuty severity that pages: HIGH is 7.0 to 8.9 and CRITICAL 9.0 to 10.0.
 * @see https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings-severity.html (AWS severity levels)
 */
export const GUARDDUTY_HIGH_SEVERITY = 7;

/**
 * The Security Hub severity labels that page (ASFF `Severity.Label`).
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/asff-required-attributes.html (AWS format)
 */
export const SECURITY_HUB_ALERT_LABELS: readonly string[] = ['HIGH', 'CRITICAL'];
