import { NagRuleCompliance } from 'cdk-nag';
import { SecurityHubAggregatorAllRegions as rule } from '../../../lib/rules/securityhub/SecurityHubAggregatorAllRegions';
import { judge } from '../../helpers/template-fixtures';

const aggregator = (properties: Record<string, unknown>) => ({ Aggregator: { Type: 'AWS::SecurityHub::FindingAggregator', Properties: properties } });

describe('SecurityHubAggregatorAllRegions', () => {
  test.each([
    ['ALL_REGIONS', { RegionLinkingMode: 'ALL_REGIONS' }],
    ['ALL_REGIONS_EXCEPT_SPECIFIED with no exceptions', { RegionLinkingMode: 'ALL_REGIONS_EXCEPT_SPECIFIED', Regions: [] }],
  ])('compliant: %s', (_, properties) => {
    expect(judge(rule, aggregator(properties), 'Aggregator')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['SPECIFIED_REGIONS', { RegionLinkingMode: 'SPECIFIED_REGIONS', Regions: ['us-east-1', 'us-west-2'] }],
    ['a Region left out', { RegionLinkingMode: 'ALL_REGIONS_EXCEPT_SPECIFIED', Regions: ['ap-south-1'] }],
    ['no mode', {}],
  ])('non-compliant: %s', (_, properties) => {
    expect(judge(rule, aggregator(properties), 'Aggregator')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('unresolvable: the mode or the exceptions from a parameter fail closed', () => {
    expect(judge(rule, aggregator({ RegionLinkingMode: { Ref: 'Mode' } }), 'Aggregator')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, aggregator({ RegionLinkingMode: 'ALL_REGIONS_EXCEPT_SPECIFIED', Regions: { Ref: 'Skip' } }), 'Aggregator')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: a hub', () => {
    expect(judge(rule, { Hub: { Type: 'AWS::SecurityHub::Hub', Properties: {} } }, 'Hub')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });
});
