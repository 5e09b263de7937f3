import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { literalBoolean } from '../../pack/intrinsics';
import { TemplateResource } from '../../pack/template-model';

/** The trail is recording. */
export const CloudTrailLogging: ElectionRule = {
  name: 'CloudTrailLogging',
  level: NagMessageLevel.ERROR,
  info: 'The CloudTrail trail is not logging (IsLogging is not a literal true).',
  explanation:
    'A stopped trail records nothing: every other CloudTrail setting (validation, encryption, a locked bucket) ' +
    'protects an empty archive. Stopping the trail is what an intruder or a ransomware crew with admin rights ' +
    'does first to hide what they do to election systems, and a template that ships it stopped hands them that ' +
    'step. IsLogging must be a literal true; a parameter or condition fails the rule. It cannot be waived.',
  controls: ['NIST-800-53-r5:AU-2', 'NIST-800-53-r5:AU-12', 'NIST-800-53-r5:AU-5', 'CISA-CPG:2.T', 'CIS-v8:8.2'],
  resourceTypes: ['AWS::CloudTrail::Trail'],
  waivable: false,
  check: (resource: TemplateResource) =>
    literalBoolean(resource.properties.IsLogging) === true ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT,
};
