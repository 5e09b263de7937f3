import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { literalNumber } from '../../pack/intrinsics';
import { TemplateResource } from '../../pack/template-model';
import { MIN_AUDIT_LOG_RETENTION_DAYS } from '../../records-retention';

/** The fewest days a log group keeps its events: the audit-log floor ElectionFunction also holds its log group to. */
export const MIN_LOG_GROUP_RETENTION_DAYS = MIN_AUDIT_LOG_RETENTION_DAYS;

/** Log events outlive the incident they record. */
export const LogGroupRetention: ElectionRule = {
  name: 'LogGroupRetention',
  level: NagMessageLevel.ERROR,
  info: `The log group keeps its events fewer than ${MIN_LOG_GROUP_RETENTION_DAYS} days (RetentionInDays).`,
  explanation:
    'Intrusions into election systems are found months after they begin (CISA AA20-304A); logs that expire ' +
    'after a week or a month are gone when the investigation needs them. RetentionInDays must be a literal ' +
    `of at least ${MIN_LOG_GROUP_RETENTION_DAYS} days, or absent (never expire). A value the template does not ` +
    'resolve fails (NIST AU-11, CISA CPG 2.U).',
  controls: ['NIST-800-53-r5:AU-11', 'NIST-800-53-r5:AU-4', 'CISA-CPG:2.U', 'CIS-v8:8.3', 'CIS-v8:8.10'],
  resourceTypes: ['AWS::Logs::LogGroup'],
  waivable: true,
  check: (resource: TemplateResource) => {
    const value = resource.properties.RetentionInDays;
    if (value === undefined) return NagRuleCompliance.COMPLIANT;
    const days = literalNumber(value);
    return days !== undefined && days >= MIN_LOG_GROUP_RETENTION_DAYS ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  },
};
