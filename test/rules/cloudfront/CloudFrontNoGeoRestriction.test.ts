import { NagRuleCompliance } from 'cdk-nag';
import { Template } from 'aws-cdk-lib/assertions';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import { StackTemplate } from '../../../lib/pack/template-model';
import { CloudFrontNoGeoRestriction as rule } from '../../../lib/rules/cloudfront/CloudFrontNoGeoRestriction';
import { newStack } from '../../helpers/pack-harness';
import { distributionTemplate, Props, withDistribution, withProps } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

const withRestrictions = (restrictions: unknown) => withDistribution((c) => { c.Restrictions = restrictions; });

describe('CloudFrontNoGeoRestriction', () => {
  test('compliant: no Restrictions', () => {
    expect(judge(rule, distributionTemplate(), 'Distribution')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['RestrictionType none', { GeoRestriction: { RestrictionType: 'none' } }],
    ['Restrictions without a geo restriction', {}],
  ])('compliant: %s', (_, restrictions) => {
    expect(judge(rule, withRestrictions(restrictions), 'Distribution')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['an allow list of the US (red team)', { GeoRestriction: { RestrictionType: 'whitelist', Locations: ['US'] } }],
    ['a block list', { GeoRestriction: { RestrictionType: 'blacklist', Locations: ['RU', 'IR'] } }],
    ['a geo restriction without a type', { GeoRestriction: { Locations: ['US'] } }],
  ])('non-compliant: %s', (_, restrictions) => {
    expect(judge(rule, withRestrictions(restrictions), 'Distribution')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the web ACL', () => {
    expect(judge(rule, distributionTemplate(), 'WebAcl')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a restriction type from a parameter', withRestrictions({ GeoRestriction: { RestrictionType: { Ref: 'GeoType' }, Locations: ['US'] } })],
    ['restrictions from a condition', withRestrictions({ 'Fn::If': ['Restrict', { GeoRestriction: { RestrictionType: 'whitelist', Locations: ['US'] } }, { Ref: 'AWS::NoValue' }] })],
    ['the distribution config from a condition', withProps(distributionTemplate(), 'Distribution', (p: Props) => { p.DistributionConfig = { 'Fn::If': ['c', {}, {}] }; })],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'Distribution')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('through CDK: GeoRestriction.allowlist fails, no restriction passes', () => {
    const { stack } = newStack();
    const origin = new origins.HttpOrigin('results.example.gov');
    new cloudfront.Distribution(stack, 'Open', { defaultBehavior: { origin } });
    new cloudfront.Distribution(stack, 'UsOnly', { defaultBehavior: { origin }, geoRestriction: cloudfront.GeoRestriction.allowlist('US') });
    const template = StackTemplate.fromResources(Template.fromStack(stack).toJSON().Resources as Record<string, unknown>);
    const verdicts = template.ofType('AWS::CloudFront::Distribution').map((r) => [r.logicalId.replace(/[0-9A-F]{8}$/, ''), rule.check(r, template)]);
    expect(Object.fromEntries(verdicts)).toEqual({ Open: NagRuleCompliance.COMPLIANT, UsOnly: NagRuleCompliance.NON_COMPLIANT });
  });
});
