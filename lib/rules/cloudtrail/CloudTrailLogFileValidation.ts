import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { literalBoolean } from '../../pack/intrinsics';
import { TemplateResource } from '../../pack/template-model';

/** Tampering with or deleting a trail's log files shows. */
export const CloudTrailLogFileValidation: ElectionRule = {
  name: 'CloudTrailLogFileValidation',
  level: NagMessageLevel.ERROR,
  info: 'The CloudTrail trail does not have log file validation enabled (EnableLogFileValidation true).',
  explanation:
    'An intruder in election systems, or a ransomware crew preparing to encrypt them, edits or deletes the ' +
    'log files that show what they did. Log file validation writes signed hourly digests, so `aws cloudtrail ' +
    'validate-logs` proves which files were changed or removed, evidence an investigation and a court can ' +
    'rely on. It cannot be waived.',
  controls: ['NIST-800-53-r5:AU-9', 'NIST-800-53-r5:AU-10', 'CISA-CPG:2.U'],
  resourceTypes: ['AWS::CloudTrail::Trail'],
  waivable: false,
  check: (resource: TemplateResource) =>
    literalBoolean(resource.properties.EnableLogFileValidation) === true ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT,
};
