import { NagRuleCompliance } from 'cdk-nag';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import { CloudFrontCachingEnabled as rule } from '../../../lib/rules/cloudfront/CloudFrontCachingEnabled';
import { newStack, pathsViolating } from '../../helpers/pack-harness';
import { CACHING_DISABLED, CACHING_OPTIMIZED, distributionTemplate, Props, withDistribution, withProps } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

const byDefault = (c: Props) => c.DefaultCacheBehavior as Props;
const cacheConfig = (edit: (config: Props) => void) => withProps(distributionTemplate(), 'Cache', (p) => edit(p.CachePolicyConfig as Props));

function legacy(ttls: Props) {
  return withDistribution((c) => {
    const b = byDefault(c);
    delete b.CachePolicyId;
    b.ForwardedValues = { QueryString: false };
    Object.assign(b, ttls);
  });
}

describe('CloudFrontCachingEnabled', () => {
  test('compliant: a cache policy of the template with positive TTLs; /api/* may disable caching', () => {
    expect(judge(rule, distributionTemplate(), 'Distribution')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('compliant: the managed CachingOptimized policy', () => {
    expect(judge(rule, withDistribution((c) => { byDefault(c).CachePolicyId = CACHING_OPTIMIZED; }), 'Distribution')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['default TTLs', {}],
    ['explicit positive TTLs', { DefaultTTL: 60, MaxTTL: 600 }],
  ])('compliant: legacy ForwardedValues with %s', (_, ttls) => {
    expect(judge(rule, legacy(ttls), 'Distribution')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['the managed CachingDisabled policy', withDistribution((c) => { byDefault(c).CachePolicyId = CACHING_DISABLED; })],
    ['a cache policy with MaxTTL 0', cacheConfig((c) => { c.MaxTTL = 0; })],
    ['a cache policy with DefaultTTL 0', cacheConfig((c) => { c.DefaultTTL = 0; })],
    ['legacy TTLs of 0', legacy({ DefaultTTL: 0, MaxTTL: 0 })],
    ['legacy DefaultTTL 0', legacy({ DefaultTTL: '0' })],
    ['a policy id the template does not define', withDistribution((c) => { byDefault(c).CachePolicyId = 'b0000000-0000-0000-0000-000000000000'; })],
    ['neither a cache policy nor ForwardedValues', withDistribution((c) => { delete byDefault(c).CachePolicyId; })],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Distribution')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the cache policy itself', () => {
    expect(judge(rule, distributionTemplate(), 'Cache')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a TTL from a parameter', cacheConfig((c) => { c.MaxTTL = { Ref: 'MaxTtl' }; })],
    ['a policy id from an import', withDistribution((c) => { byDefault(c).CachePolicyId = { 'Fn::ImportValue': 'cache-policy-id' }; })],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'Distribution')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('through the pack: CDK default (CachingOptimized) passes, CACHING_DISABLED on the default behavior fails', () => {
    const { stack } = newStack();
    const origin = new origins.HttpOrigin('results.example.gov');
    const cached = new cloudfront.Distribution(stack, 'Cached', {
      defaultBehavior: { origin },
      additionalBehaviors: { '/api/*': { origin, cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED } },
    });
    const uncached = new cloudfront.Distribution(stack, 'Uncached', { defaultBehavior: { origin, cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED } });
    const paths = pathsViolating(stack, 'CloudFrontCachingEnabled');
    expect(paths).toContain(`${uncached.node.path}/Resource`);
    expect(paths).not.toContain(`${cached.node.path}/Resource`);
  });
});
