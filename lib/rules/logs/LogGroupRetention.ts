import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { literalNumber } from '../../baseline/intrinsics';
import { TemplateResource } from '../../pack/template-model';
import { MIN_AUDIT_LOG_RETENTION_DAYS } from '../../baseline/records-retention';

/** Log events outlive the incident they record. */
export const LogGroupRetention: ElectionRule = {
  name: 'LogGroupRetention',
  level: NagMessageLevel.ERROR,
  info: `The log group keeps its events fewer than ${MIN_AUDIT_LOG_RETENTION_DAYS} days (RetentionInDays).`,
  explanation:
    'Intrusions are found months after they begin (CISA AA20-304A); expired logs are gone when needed. Passes: ' +
    `RetentionInDays absent (never expire) or a literal of at least ${MIN_AUDIT_LOG_RETENTION_DAYS} days.`,
  rationale:
    'A week or a month of retention is far too short for an investigation. A value the template does not ' +
    'resolve fails (NIST AU-11, CISA CPG 2.U).',
  controls: ['NIST-800-53-r5:AU-11', 'NIST-800-53-r5:AU-4', 'CISA-CPG:2.U', 'CIS-v8:8.3', 'CIS-v8:8.10'],
  resourceTypes: ['AWS::Logs::LogGroup'],
  waivable: true,
  faultPath: () => 'Properties.RetentionInDays',
  check: (resource: TemplateResource) => {
    const value = resource.properties.RetentionInDays;
    if (value === undefined) return NagRuleCompliance.COMPLIANT;
    const days = literalNumber(value);
    return days !== undefined && days >= MIN_AUDIT_LOG_RETENTION_DAYS ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  },
};
