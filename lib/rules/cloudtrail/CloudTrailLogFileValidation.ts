import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { literalBoolean } from '../../baseline/intrinsics';
import { TemplateResource } from '../../pack/template-model';

/** Tampering with or deleting a trail's log files shows. */
export const CloudTrailLogFileValidation: ElectionRule = {
  name: 'CloudTrailLogFileValidation',
  level: NagMessageLevel.ERROR,
  info: 'The CloudTrail trail does not have log file validation enabled (EnableLogFileValidation true).',
  explanation:
    'An intruder edits or deletes the log files that show what they did. Log file validation writes signed ' +
    'digests that prove which files changed. Passes: EnableLogFileValidation true.',
  rationale:
    'So does a ransomware crew preparing to encrypt election systems. The digests are hourly, `aws cloudtrail ' +
    'validate-logs` checks them, and what they prove is evidence an investigation and a court can rely on. It ' +
    'cannot be waived.',
  controls: ['NIST-800-53-r5:AU-9', 'NIST-800-53-r5:AU-10', 'CISA-CPG:2.U'],
  resourceTypes: ['AWS::CloudTrail::Trail'],
  waivable: false,
  faultPath: () => 'Properties.EnableLogFileValidation',
  check: (resource: TemplateResource) =>
    literalBoolean(resource.properties.EnableLogFileValidation) === true ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT,
};
