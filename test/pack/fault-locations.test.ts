import { App, CfnResource, PolicyValidationPluginReport, Stack } from 'aws-cdk-lib';
import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ConstructTemplateIndex } from '../../lib/pack/construct-template-index';
import { ElectionRule } from '../../lib/pack/election-rule';
import { withFaultLocations } from '../../lib/pack/fault-locations';

/** The pack's report locates a violation at the property its rule names, and leaves every other location alone. */

const rule = (name: string, faultPath?: ElectionRule['faultPath']): ElectionRule => ({
  name, level: NagMessageLevel.ERROR, info: 'i', explanation: 'e', controls: [], resourceTypes: ['AWS::S3::Bucket'], waivable: true,
  check: () => NagRuleCompliance.NON_COMPLIANT, ...(faultPath ? { faultPath } : {}),
});

function indexed() {
  const stack = new Stack(new App(), 'County');
  new CfnResource(stack, 'Rolls', { type: 'AWS::S3::Bucket', properties: { BucketName: 'rolls' } });
  return ConstructTemplateIndex.build(stack).entries();
}

const report = (ruleName: string, locations: string[]): PolicyValidationPluginReport => ({
  success: false,
  violations: [{ ruleName, description: 'd', severity: 'error', violatingResources: [{ constructPath: 'County/Rolls', locations }] }],
});
const locationsOf = (r: PolicyValidationPluginReport) => r.violations[0].violatingResources[0].locations;

describe('withFaultLocations', () => {
  const rules = [
    rule('Versioned', (resource) => `Properties.VersioningConfiguration.${String(resource.properties.BucketName)}`),
    rule('Whole'),
    rule('Throws', () => { throw new Error('unreadable'); }),
  ];

  test('replaces cdk-nag\'s Properties with the rule\'s path, judged on the rendered resource; a finding suffix is kept apart', () => {
    expect(locationsOf(withFaultLocations(report('ElectionBaseline-Versioned', ['Properties']), rules, indexed()))).toEqual(['Properties.VersioningConfiguration.rolls']);
    const granular = withFaultLocations(report('ElectionBaseline-Versioned[Account::999999999999]', ['Properties']), rules, indexed());
    expect(locationsOf(granular)).toEqual(['Properties.VersioningConfiguration.rolls']);
  });

  test.each([
    ['a rule without faultPath', 'ElectionBaseline-Whole', ['Properties']],
    ['a faultPath that throws', 'ElectionBaseline-Throws', ['Properties']],
    ['a waiver verdict', 'ElectionBaseline-Versioned', ['Metadata']],
    ['another pack', 'AwsSolutions-S1', ['Properties']],
  ])('leaves %s as it is', (_, ruleName, locations) => {
    expect(locationsOf(withFaultLocations(report(ruleName, locations), rules, indexed()))).toEqual(locations);
  });

  test('a violation on a construct outside the index keeps its location', () => {
    const outside = report('ElectionBaseline-Versioned', ['Properties']);
    outside.violations[0].violatingResources[0] = { constructPath: 'Elsewhere/Bucket', locations: ['Properties'] };
    expect(locationsOf(withFaultLocations(outside, rules, indexed()))).toEqual(['Properties']);
  });
});
