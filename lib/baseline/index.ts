/**
 * The baseline's facts, in one home: every threshold, preset, list and
 * template-reading predicate that a construct enforces at synth and a rule
 * judges in the template. Both sides import the same exported constant, so a
 * construct refuses exactly what a rule fails because they read one value,
 * not because a test pairs them.
 *
 * What lives here is plain data and pure functions over plain values (a
 * template's properties as parsed JSON): one file per topic, one exported
 * constant per fact, each with a doc comment naming its source (statute, AWS
 * limit, CIS item, NIST control or house policy). It imports nothing from
 * `constructs/`, `lib/rules/`, `lib/pack/` or `lib/audit/`, nor CDK construct
 * classes; lint (eslint.config.mjs) holds that direction.
 *
 * Facts (thresholds, presets, lists), one file per topic:
 * - data-class: the `election:data-class` tag and its values.
 * - records-retention: the 52 U.S.C. 20701 records floor, the audit-log floor, Object Lock limits.
 * - disposable-data, data-store-baseline: what a stack delete may take; database backup and port floors.
 * - audit-log-tampering, trail-scope: what erasing audit logs takes; how an organization trail says so.
 * - alarm-patterns, security-findings: the CIS 4.x metric filters and alarm period; GuardDuty plans and which findings page.
 * - waf-preset, waf-rate-limits, waf-logging: web-ACL presets and managed groups, rate ceilings and windows, redaction.
 * - api-throttling, secret-strength, key-deletion: API Gateway ceilings, generated-secret strength, KMS deletion window.
 * - tls-policies, content-security-policy, lambda-runtimes: edge and runtime floors.
 * - key-alias-grant, stack-sets, account-id, aws-names, log-delivery-services: IAM, StackSets, account, Region, service-prefix
 *   and service-principal facts.
 * - waiver-register: waiver reasons, register entries and expiry dates.
 *
 * Template-reading predicates both sides run on the template's JSON:
 * - intrinsics, symbolic-text, number-parameters: literals, references and Number parameters in a template.
 * - plaintext-secrets, waf-rule-order: secrets written in configuration; web-ACL rules and their order.
 */
export * from './account-id';
export * from './alarm-patterns';
export * from './api-throttling';
export * from './aws-names';
export * from './audit-log-tampering';
export * from './content-security-policy';
export * from './data-class';
export * from './data-store-baseline';
export * from './disposable-data';
export * from './intrinsics';
export * from './key-alias-grant';
export * from './key-deletion';
export * from './lambda-runtimes';
export * from './log-delivery-services';
export * from './number-parameters';
export * from './plaintext-secrets';
export * from './records-retention';
export * from './secret-strength';
export * from './security-findings';
export * from './stack-sets';
export * from './symbolic-text';
export * from './tls-policies';
export * from './trail-scope';
export * from './waf-logging';
export * from './waf-preset';
export * from './waf-rate-limits';
export * from './waf-rule-order';
export * from './waiver-register';
