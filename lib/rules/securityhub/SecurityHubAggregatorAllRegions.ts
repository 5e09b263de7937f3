import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { TemplateResource } from '../../pack/template-model';

/** The finding aggregator links every Region, so no county Region's findings stay unseen. */
export const SecurityHubAggregatorAllRegions: ElectionRule = {
  name: 'SecurityHubAggregatorAllRegions',
  level: NagMessageLevel.ERROR,
  info: 'The Security Hub finding aggregator does not link all Regions (RegionLinkingMode ALL_REGIONS, or ALL_REGIONS_EXCEPT_SPECIFIED with no Regions).',
  explanation:
    'An intruder works where nobody looks: findings from an unlinked Region never reach the state SOC. ' +
    'ALL_REGIONS passes, as does ALL_REGIONS_EXCEPT_SPECIFIED with an empty list; SPECIFIED_REGIONS, exceptions or an unresolved mode fail.',
  controls: ['NIST-800-53-r5:SI-4', 'NIST-800-53-r5:AU-6', 'NIST-800-53-r5:IR-4', 'CISA-CPG:2.T', 'CIS-v8:8.9'],
  resourceTypes: ['AWS::SecurityHub::FindingAggregator'],
  waivable: true,
  faultPath: (resource) => (resource.properties.RegionLinkingMode === 'ALL_REGIONS_EXCEPT_SPECIFIED' ? 'Properties.Regions' : 'Properties.RegionLinkingMode'),
  check: securityHubAggregatorAllRegions,
};

function securityHubAggregatorAllRegions(resource: TemplateResource): NagRuleCompliance {
  const { RegionLinkingMode: mode, Regions: regions } = resource.properties;
  if (mode === 'ALL_REGIONS') return NagRuleCompliance.COMPLIANT;
  const none = regions === undefined || (Array.isArray(regions) && regions.length === 0);
  return mode === 'ALL_REGIONS_EXCEPT_SPECIFIED' && none ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
