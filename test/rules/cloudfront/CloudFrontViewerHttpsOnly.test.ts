import { NagRuleCompliance } from 'cdk-nag';
import { CloudFrontViewerHttpsOnly as rule } from '../../../lib/rules/cloudfront/CloudFrontViewerHttpsOnly';
import { distributionTemplate, Props, withDistribution } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

const behaviors = (c: Props) => c.CacheBehaviors as Props[];
const byDefault = (c: Props) => c.DefaultCacheBehavior as Props;

describe('CloudFrontViewerHttpsOnly', () => {
  test('compliant: redirect-to-https by default, https-only on /api/*', () => {
    expect(judge(rule, distributionTemplate(), 'Distribution')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('compliant: no additional behaviors', () => {
    const t = withDistribution((c) => {
      delete c.CacheBehaviors;
    });
    expect(judge(rule, t, 'Distribution')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['the default behavior allows all', (c: Props) => { byDefault(c).ViewerProtocolPolicy = 'allow-all'; }],
    ['an additional behavior allows all', (c: Props) => { behaviors(c)[0].ViewerProtocolPolicy = 'allow-all'; }],
    ['the default behavior has no policy', (c: Props) => { delete byDefault(c).ViewerProtocolPolicy; }],
    ['no default behavior', (c: Props) => { delete c.DefaultCacheBehavior; }],
  ])('non-compliant: %s', (_, edit) => {
    expect(judge(rule, withDistribution(edit), 'Distribution')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: a cache policy', () => {
    expect(judge(rule, distributionTemplate(), 'Cache')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a policy from a parameter', (c: Props) => { byDefault(c).ViewerProtocolPolicy = { Ref: 'ViewerPolicy' }; }],
    ['behaviors from a condition', (c: Props) => { c.CacheBehaviors = { 'Fn::If': ['Api', [], []] }; }],
  ])('unresolvable: %s fails closed', (_, edit) => {
    expect(judge(rule, withDistribution(edit), 'Distribution')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
