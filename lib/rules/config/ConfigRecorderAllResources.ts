import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { at, literalBoolean } from '../../baseline/intrinsics';
import { TemplateResource } from '../../pack/template-model';

/** AWS Config records every resource type, global ones (IAM) included. */
export const ConfigRecorderAllResources: ElectionRule = {
  name: 'ConfigRecorderAllResources',
  level: NagMessageLevel.ERROR,
  info: 'The AWS Config recorder does not record all supported resource types including global ones (RecordingGroup AllSupported and IncludeGlobalResourceTypes true).',
  explanation:
    'A recorder that skips resource types, or the global IAM ones, loses the changes an intruder makes to keep ' +
    'access. Passes: AllSupported and IncludeGlobalResourceTypes literal true.',
  rationale:
    'After a ransomware incident or a breach of voter data, the configuration history shows which bucket ' +
    'policy, security group or IAM role an intruder changed and when. IAM users, roles and policies are ' +
    'global resource types. Both settings sit in RecordingGroup, and any RecordingStrategy.UseOnly must be ' +
    'ALL_SUPPORTED_RESOURCE_TYPES. Waive it only in a Region other than the home Region, where global types ' +
    'are recorded once already, naming that Region.',
  controls: ['NIST-800-53-r5:CM-6', 'NIST-800-53-r5:CA-7', 'NIST-800-53-r5:AU-12', 'CISA-CPG:2.O', 'CIS-v8:1.1', 'CIS-v8:4.1'],
  resourceTypes: ['AWS::Config::ConfigurationRecorder'],
  waivable: true,
  faultPath: () => 'Properties.RecordingGroup',
  check: configRecorderAllResources,
};

function configRecorderAllResources(resource: TemplateResource): NagRuleCompliance {
  const group = resource.properties.RecordingGroup;
  const strategy = at(group, 'RecordingStrategy', 'UseOnly');
  const all =
    literalBoolean(at(group, 'AllSupported')) === true &&
    literalBoolean(at(group, 'IncludeGlobalResourceTypes')) === true &&
    (at(group, 'RecordingStrategy') === undefined || strategy === 'ALL_SUPPORTED_RESOURCE_TYPES');
  return all ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
