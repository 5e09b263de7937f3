import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { literalBoolean } from '../../baseline/intrinsics';
import { TemplateResource } from '../../pack/template-model';

/** The trail is recording. */
export const CloudTrailLogging: ElectionRule = {
  name: 'CloudTrailLogging',
  level: NagMessageLevel.ERROR,
  info: 'The CloudTrail trail is not logging (IsLogging is not a literal true).',
  explanation:
    "A stopped trail records nothing, and stopping it is an intruder's first step to hide what they do. Passes: " +
    'IsLogging a literal true.',
  rationale:
    'Every other CloudTrail setting (validation, encryption, a locked bucket) then protects an empty archive. ' +
    'Ransomware crews with admin rights take the same step, and a template that ships the trail stopped takes ' +
    'it for them. A parameter or condition fails the rule. It cannot be waived.',
  controls: ['NIST-800-53-r5:AU-2', 'NIST-800-53-r5:AU-12', 'NIST-800-53-r5:AU-5', 'CISA-CPG:2.T', 'CIS-v8:8.2'],
  resourceTypes: ['AWS::CloudTrail::Trail'],
  waivable: false,
  faultPath: () => 'Properties.IsLogging',
  check: (resource: TemplateResource) =>
    literalBoolean(resource.properties.IsLogging) === true ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT,
};
