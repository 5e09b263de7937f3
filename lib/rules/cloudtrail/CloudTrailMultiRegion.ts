import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { literalBoolean } from '../../baseline/intrinsics';
import { TemplateResource } from '../../pack/template-model';

/** The trail sees every Region and the global services (IAM, STS, CloudFront). */
export const CloudTrailMultiRegion: ElectionRule = {
  name: 'CloudTrailMultiRegion',
  level: NagMessageLevel.ERROR,
  info: 'The CloudTrail trail is not multi-Region (IsMultiRegionTrail true) or excludes global service events.',
  explanation:
    'Intruders work where nobody looks: an unused Region, or IAM and STS, whose calls are global. Passes: ' +
    'IsMultiRegionTrail true and IncludeGlobalServiceEvents not false.',
  rationale:
    'A single-Region trail misses the access keys created and the instances started elsewhere. A value the ' +
    'template does not resolve fails. Waivable only where another trail of the template covers every Region.',
  controls: ['NIST-800-53-r5:AU-2', 'NIST-800-53-r5:AU-12', 'NIST-800-53-r5:SI-4', 'CISA-CPG:2.T', 'CIS-v8:8.2'],
  resourceTypes: ['AWS::CloudTrail::Trail'],
  waivable: true,
  faultPath: multiRegionFaultPath,
  check: cloudTrailMultiRegion,
};

function cloudTrailMultiRegion(resource: TemplateResource): NagRuleCompliance {
  const props = resource.properties;
  if (literalBoolean(props.IsMultiRegionTrail) !== true) return NagRuleCompliance.NON_COMPLIANT;
  const global = props.IncludeGlobalServiceEvents;
  if (global !== undefined && literalBoolean(global) !== true) return NagRuleCompliance.NON_COMPLIANT;
  return NagRuleCompliance.COMPLIANT;
}

function multiRegionFaultPath(resource: TemplateResource): string {
  return literalBoolean(resource.properties.IsMultiRegionTrail) !== true ? 'Properties.IsMultiRegionTrail' : 'Properties.IncludeGlobalServiceEvents';
}
