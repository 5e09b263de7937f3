// The public API: classes, interfaces and enums only, so that it can ship to other languages through jsii.
export { ControlCatalogue, ControlSource } from './controls/catalogue';
export type { Control } from './controls/catalogue';
export { DataClass } from './data-class';
export { ElectionBaselineChecks } from './election-baseline-checks';
export type { ElectionRuleInfo } from './election-baseline-checks';
export { SecureBucket } from '../constructs/secure-bucket';
export type { HardenedBucketProps, SecureBucketProps } from '../constructs/secure-bucket';
export { ElectionRecordsBucket } from '../constructs/election-records-bucket';
export type { ElectionRecordsBucketProps } from '../constructs/election-records-bucket';
// edge constructs (issue 3)
// logging constructs (issue 4)
