import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { DataClass } from '../../baseline/data-class';
import { declaredDataClass, requiredForClass } from '../../pack/data-class-of';
import { ElectionRule } from '../../pack/election-rule';
import { at, isIntrinsic, isObject, JsonObject } from '../../baseline/intrinsics';
import { leastNumber } from '../../baseline/number-parameters';
import { StackTemplate, TemplateResource } from '../../pack/template-model';
import { MIN_AUDIT_LOG_RETENTION_DAYS, MIN_RECORDS_RETENTION_DAYS } from '../../baseline/records-retention';

/** No lifecycle rule expires election records before 22 months, or audit logs before 12. */
export const S3RecordsLifecycleRetention: ElectionRule = {
  name: 'S3RecordsLifecycleRetention',
  level: NagMessageLevel.ERROR,
  info:
    `A lifecycle rule expires objects or noncurrent versions of an election-records bucket in fewer than ${MIN_RECORDS_RETENTION_DAYS} days, ` +
    `of an audit-logs bucket in fewer than ${MIN_AUDIT_LOG_RETENTION_DAYS}, or on a fixed ExpirationDate.`,
  explanation:
    'A lifecycle rule deletes records and audit logs silently, on schedule. Passes: expirations of at least ' +
    `${MIN_RECORDS_RETENTION_DAYS} days (records, unclassified) or ${MIN_AUDIT_LOG_RETENTION_DAYS} (audit logs); ` +
    'no ExpirationDate.',
  rationale:
    '52 U.S.C. 20701 requires election records to be kept 22 months, and the audit logs that show who touched ' +
    'them (CloudTrail, S3 server access logs, CloudFront logs) are the evidence of that custody (NIST AU-11, ' +
    'CISA CPG 2.U). An expiration after a day hides current objects behind delete markers, and a short ' +
    'noncurrent expiration purges overwritten or deleted versions, which is what an intruder covering tracks ' +
    'or a ransomware crew wants. Access-log buckets have no Object Lock to stop it. The floors apply to ' +
    'ExpirationInDays, NoncurrentVersionExpiration.NoncurrentDays and NoncurrentVersionExpirationInDays of ' +
    'every enabled rule: 672 days is the longest span 22 months can cover, 365 days the 12 months of OMB ' +
    'M-21-31 (the LogArchiveBucket floor). An ExpirationDate fails because a fixed date cannot be measured ' +
    'against when each object was written. Transitions to colder storage are fine. A Ref to a Number ' +
    'parameter counts as its MinValue. Rules or values the template does not resolve fail. It cannot be ' +
    'waived.',
  controls: ['52-USC-20701', 'NIST-800-53-r5:AU-11', 'NIST-800-53-r5:SI-12', 'NIST-800-53-r5:AU-9', 'CISA-CPG:2.U', 'CISA-CPG:2.R', 'CIS-v8:3.4', 'CIS-v8:8.10'],
  resourceTypes: ['AWS::S3::Bucket'],
  waivable: false,
  faultPath: lifecycleFaultPath,
  check: s3RecordsLifecycleRetention,
};

function s3RecordsLifecycleRetention(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  if (!requiredForClass(resource, [DataClass.ELECTION_RECORDS, DataClass.AUDIT_LOGS])) return NagRuleCompliance.NOT_APPLICABLE;
  const lifecycle = resource.properties.LifecycleConfiguration;
  if (lifecycle === undefined) return NagRuleCompliance.COMPLIANT;
  if (!isObject(lifecycle) || isIntrinsic(lifecycle)) return NagRuleCompliance.NON_COMPLIANT;
  const rules = lifecycle.Rules;
  if (!Array.isArray(rules) || !rules.every((r) => isObject(r) && !isIntrinsic(r))) return NagRuleCompliance.NON_COMPLIANT;
  const floor = declaredDataClass(resource) === DataClass.AUDIT_LOGS ? MIN_AUDIT_LOG_RETENTION_DAYS : MIN_RECORDS_RETENTION_DAYS;
  return (rules as JsonObject[]).every((rule) => keepsLongEnough(rule, floor, template)) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

/** Whether a lifecycle rule (disabled, or deleting nothing before the floor) keeps objects and versions `floor` days. */
function keepsLongEnough(rule: JsonObject, floor: number, template: StackTemplate): boolean {
  if (rule.Status === 'Disabled') return true;
  if (rule.ExpirationDate !== undefined) return false;
  const noncurrent = rule.NoncurrentVersionExpiration;
  if (noncurrent !== undefined && (!isObject(noncurrent) || isIntrinsic(noncurrent))) return false;
  return [rule.ExpirationInDays, at(noncurrent, 'NoncurrentDays'), rule.NoncurrentVersionExpirationInDays].every((days) => atLeast(days, floor, template));
}

function atLeast(days: unknown, floor: number, template: StackTemplate): boolean {
  if (days === undefined) return true;
  const value = leastNumber(days, template);
  return value !== undefined && value >= floor;
}

function lifecycleFaultPath(resource: TemplateResource, template: StackTemplate): string {
  const rules = at(resource.properties, 'LifecycleConfiguration', 'Rules');
  if (!Array.isArray(rules) || !rules.every((r) => isObject(r) && !isIntrinsic(r))) return 'Properties.LifecycleConfiguration';
  const floor = declaredDataClass(resource) === DataClass.AUDIT_LOGS ? MIN_AUDIT_LOG_RETENTION_DAYS : MIN_RECORDS_RETENTION_DAYS;
  const index = (rules as JsonObject[]).findIndex((rule) => !keepsLongEnough(rule, floor, template));
  return index < 0 ? 'Properties.LifecycleConfiguration' : `Properties.LifecycleConfiguration.Rules.${index}`;
}
