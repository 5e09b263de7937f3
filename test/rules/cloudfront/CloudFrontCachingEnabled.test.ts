import { NagRuleCompliance } from 'cdk-nag';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import { CloudFrontCachingEnabled as rule } from '../../../lib/rules/cloudfront/CloudFrontCachingEnabled';
import { newStack, packViolations } from '../../helpers/pack-harness';
import { CACHING_DISABLED, CACHING_OPTIMIZED, distributionTemplate, Props, webAclTemplate, withDistribution, withProps } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';
import { StackTemplate } from '../../../lib/pack/template-model';

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
  test('compliant: a cache policy of the template with positive TTLs; a write API (/api/*) may disable caching', () => {
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

  test('each uncached behavior is its own finding, named by its path pattern', () => {
    const t = withDistribution((c) => {
      byDefault(c).CachePolicyId = CACHING_DISABLED;
      c.CacheBehaviors = [{ PathPattern: '/live/*', TargetOriginId: 'site', ViewerProtocolPolicy: 'https-only', CachePolicyId: CACHING_DISABLED }];
    });
    const template = StackTemplate.fromResources(t);
    expect(rule.granular!.findings(template.get('Distribution')!, template)).toEqual(['Behavior::default', 'Behavior::/live/*']);
    const unresolved = StackTemplate.fromResources(withDistribution((c) => { c.CacheBehaviors = { Ref: 'Behaviors' }; }));
    expect(rule.granular!.findings(unresolved.get('Distribution')!, unresolved)).toEqual(['Behavior::unresolved']);
    expect(rule.granular!.findings(StackTemplate.fromResources(distributionTemplate()).get('Distribution')!, StackTemplate.fromResources(distributionTemplate()))).toEqual([]);
  });

  describe('extra behaviors of a results distribution', () => {
    const api = () => (distributionTemplate().Distribution.Properties!.DistributionConfig as Props).CacheBehaviors as Props[];
    /** The fixture with its web ACL tagged `preset` and its /api/* behavior edited. */
    const results = (edit: (behavior: Props) => void = () => undefined, preset = 'results') =>
      withDistribution((c) => edit((c.CacheBehaviors as Props[])[0]), { ...distributionTemplate(), ...webAclTemplate(preset) });
    const getOnly = (b: Props) => { delete b.AllowedMethods; };

    test.each([
      ['results preset, every behavior cached', results((b) => { b.CachePolicyId = { Ref: 'Cache' }; })],
      ['results preset, legacy TTLs on the extra behavior', results((b) => { delete b.CachePolicyId; b.ForwardedValues = { QueryString: false }; })],
      ['portal preset: an uncached write API (/api/*) beside a cached default', distributionTemplate()],
      ['no web ACL of the template, an uncached write API', withDistribution((c) => { c.WebACLId = 'arn:aws:wafv2:us-east-1:111122223333:global/webacl/a/1'; })],
      ['GET-only, every behavior cached', results((b) => { getOnly(b); b.CachePolicyId = CACHING_OPTIMIZED; }, 'portal')],
    ])('compliant: %s', (_, t) => {
      expect(judge(rule, t, 'Distribution')).toBe(NagRuleCompliance.COMPLIANT);
    });

    test.each([
      ['results preset, an extra behavior with CachingDisabled', results()],
      ['results preset, an extra behavior with a TTL-0 legacy setting', results((b) => { delete b.CachePolicyId; b.ForwardedValues = { QueryString: false }; b.MaxTTL = 0; })],
      ['no behavior takes writes (portal preset): an uncached GET path', results(getOnly, 'portal')],
      ['GET, HEAD and OPTIONS only: an uncached path', results((b) => { b.AllowedMethods = ['GET', 'HEAD', 'OPTIONS']; }, 'portal')],
      ['results preset, an extra behavior without cache settings', results((b) => { delete b.CachePolicyId; })],
    ])('non-compliant: %s', (_, t) => {
      expect(judge(rule, t, 'Distribution')).toBe(NagRuleCompliance.NON_COMPLIANT);
    });

    test.each([
      ['the extra behaviors from a condition', withDistribution((c) => { c.CacheBehaviors = { 'Fn::If': ['Api', api(), []] }; })],
      ['the methods of the uncached path from a parameter (it may take only GET)', results((b) => { b.AllowedMethods = { Ref: 'Methods' }; }, 'portal')],
      ['an extra behavior\'s policy from an import on a results distribution', results((b) => { b.CachePolicyId = { 'Fn::ImportValue': 'policy' }; })],
    ])('unresolvable: %s fails closed', (_, t) => {
      expect(judge(rule, t, 'Distribution')).toBe(NagRuleCompliance.NON_COMPLIANT);
    });
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
    new cloudfront.Distribution(stack, 'Cached', {
      defaultBehavior: { origin },
      additionalBehaviors: { '/api/*': { origin, cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED, allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL } },
    });
    const uncachedPath = new cloudfront.Distribution(stack, 'UncachedPath', {
      defaultBehavior: { origin },
      additionalBehaviors: { '/live/*': { origin, cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED } },
    });
    const uncached = new cloudfront.Distribution(stack, 'Uncached', { defaultBehavior: { origin, cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED } });
    const found = packViolations(stack).filter((v) => v.ruleId.startsWith('ElectionBaseline-CloudFrontCachingEnabled['));
    expect(found).toEqual([
      { ruleId: 'ElectionBaseline-CloudFrontCachingEnabled[Behavior::/live/*]', path: `${uncachedPath.node.path}/Resource` },
      { ruleId: 'ElectionBaseline-CloudFrontCachingEnabled[Behavior::default]', path: `${uncached.node.path}/Resource` },
    ]);
  });
});
