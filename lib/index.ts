// The public API: classes, interfaces and enums only, so that it can ship to other languages through jsii.
export { ControlCatalogue, ControlSource } from './controls/catalogue';
export type { Control } from './controls/catalogue';
export { DataClass } from './data-class';
export { ElectionBaselineChecks } from './election-baseline-checks';
export type { ElectionBaselineChecksProps, ElectionRuleInfo } from './election-baseline-checks';
export { ElectionWaivers } from './election-waivers';
export type { ElectionWaiver } from './election-waivers';
export { SecureBucket } from '../constructs/secure-bucket';
export type { HardenedBucketProps, SecureBucketProps, StagingTeardown } from '../constructs/secure-bucket';
export { ElectionRecordsBucket } from '../constructs/election-records-bucket';
export type { ElectionRecordsBucketProps } from '../constructs/election-records-bucket';
// The edge: web ACLs, the results site and the registration portal.
export { ElectionWebAcl, RateLimitAction, WafLogFilter, WebAclPreset, WebAclScope } from '../constructs/election-web-acl';
export type { ElectionWebAclProps, GeoRestriction, OriginVerification } from '../constructs/election-web-acl';
export { HardenedStaticSite } from '../constructs/hardened-static-site';
export type { HardenedStaticSiteProps, StaticSiteOptions } from '../constructs/hardened-static-site';
export { ResultsReportingSite } from '../constructs/results-reporting-site';
export type { ResultsReportingSiteProps } from '../constructs/results-reporting-site';
export { RegistrationPortal } from '../constructs/registration-portal';
export type { ApiThrottling, RegistrationPortalProps } from '../constructs/registration-portal';
export { ElectionFunction } from '../constructs/election-function';
export type { ElectionFunctionProps } from '../constructs/election-function';
// Audit logging and detection.
export { LogArchiveBucket } from '../constructs/log-archive-bucket';
export type { LogArchiveBucketProps } from '../constructs/log-archive-bucket';
export { ElectionAuditTrail } from '../constructs/election-audit-trail';
export type { ElectionAuditTrailProps } from '../constructs/election-audit-trail';
export { SecurityAlarms } from '../constructs/security-alarms';
export type { SecurityAlarmsProps } from '../constructs/security-alarms';
export type { SecurityAlarmPattern } from './alarm-patterns';
export { SecurityMonitoring } from '../constructs/security-monitoring';
export type { SecurityMonitoringProps } from '../constructs/security-monitoring';
export { SecurityHubStandard } from '../constructs/defaults/security-monitoring-defaults';
