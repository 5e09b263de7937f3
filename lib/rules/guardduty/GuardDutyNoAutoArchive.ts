import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { TemplateResource } from '../../pack/template-model';

/** No GuardDuty filter archives findings as they arrive. */
export const GuardDutyNoAutoArchive: ElectionRule = {
  name: 'GuardDutyNoAutoArchive',
  level: NagMessageLevel.ERROR,
  info: 'The GuardDuty filter auto-archives the findings it matches (Action ARCHIVE): they never reach EventBridge or the people on call.',
  explanation:
    'A filter with Action ARCHIVE archives findings as they arrive, so stolen credentials or ransomware staging ' +
    'raise no alarm. Passes: Action NOOP or absent.',
  rationale:
    'Archived findings are not sent to EventBridge, Security Hub or the alert topic, so credentials used from ' +
    'an AA20-304A-style VPN, bulk reads of the voter or records data, or ransomware staging on county systems ' +
    'raise no alarm. A filter with severity >= 0 silences GuardDuty entirely while the detector looks ' +
    'healthy. A value the template does not resolve fails. Waive it only for a narrowly scoped filter of a ' +
    "known benign source (one finding type and a named resource, such as the agency's authorized " +
    'vulnerability scanner), stating the criteria and why the findings are expected.',
  controls: ['NIST-800-53-r5:SI-4', 'NIST-800-53-r5:SI-4(5)', 'NIST-800-53-r5:IR-5', 'NIST-800-53-r5:IR-6', 'CISA-CPG:3.A', 'CIS-v8:13.1'],
  resourceTypes: ['AWS::GuardDuty::Filter'],
  waivable: true,
  faultPath: () => 'Properties.Action',
  check: (resource: TemplateResource) => {
    const action = resource.properties.Action;
    return action === undefined || action === 'NOOP' ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  },
};
