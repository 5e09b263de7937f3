import { NagRuleCompliance } from 'cdk-nag';
import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { StackTemplate } from '../../../lib/pack/template-model';
import { CloudFrontCacheKeyBounded as rule } from '../../../lib/rules/cloudfront/CloudFrontCacheKeyBounded';
import { newStack } from '../../helpers/pack-harness';
import { Props, Template as Fixture } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

/** The cache policy HardenedStaticSite renders, with its cache key edited by `edit`. */
function cachePolicy(edit: (key: Props) => void = () => undefined): Fixture {
  const key: Props = {
    CookiesConfig: { CookieBehavior: 'none' },
    EnableAcceptEncodingBrotli: true,
    EnableAcceptEncodingGzip: true,
    HeadersConfig: { HeaderBehavior: 'none' },
    QueryStringsConfig: { QueryStringBehavior: 'none' },
  };
  edit(key);
  return {
    Cache: {
      Type: 'AWS::CloudFront::CachePolicy',
      Properties: { CachePolicyConfig: { Name: 'results', DefaultTTL: 30, MaxTTL: 300, MinTTL: 1, ParametersInCacheKeyAndForwardedToOrigin: key } },
    },
    Headers: { Type: 'AWS::CloudFront::ResponseHeadersPolicy', Properties: {} },
  };
}

describe('CloudFrontCacheKeyBounded', () => {
  test('compliant: nothing in the key (what HardenedStaticSite renders)', () => {
    expect(judge(rule, cachePolicy(), 'Cache')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['named query strings', (k: Props) => { k.QueryStringsConfig = { QueryStringBehavior: 'whitelist', QueryStrings: ['precinct', 'contest'] }; }],
    ['named cookies', (k: Props) => { k.CookiesConfig = { CookieBehavior: 'whitelist', Cookies: ['lang'] }; }],
    ['the CORS request headers', (k: Props) => { k.HeadersConfig = { HeaderBehavior: 'whitelist', Headers: ['Origin', 'Access-Control-Request-Method', 'access-control-request-headers'] }; }],
    ['headers CloudFront sets', (k: Props) => { k.HeadersConfig = { HeaderBehavior: 'whitelist', Headers: ['CloudFront-Is-Mobile-Viewer', 'CloudFront-Viewer-Country'] }; }],
    ['no configs at all (nothing in the key)', (k: Props) => { delete k.CookiesConfig; delete k.HeadersConfig; delete k.QueryStringsConfig; }],
  ])('compliant: %s', (_, edit) => {
    expect(judge(rule, cachePolicy(edit), 'Cache')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['all query strings (red team)', (k: Props) => { k.QueryStringsConfig = { QueryStringBehavior: 'all' }; }],
    ['all query strings but one', (k: Props) => { k.QueryStringsConfig = { QueryStringBehavior: 'allExcept', QueryStrings: ['utm_source'] }; }],
    ['all cookies (red team)', (k: Props) => { k.CookiesConfig = { CookieBehavior: 'all' }; }],
    ['all cookies but one', (k: Props) => { k.CookiesConfig = { CookieBehavior: 'allExcept', Cookies: ['session'] }; }],
    ['User-Agent and X-Cache-Buster (red team)', (k: Props) => { k.HeadersConfig = { HeaderBehavior: 'whitelist', Headers: ['User-Agent', 'X-Cache-Buster'] }; }],
    ['Origin with one client header', (k: Props) => { k.HeadersConfig = { HeaderBehavior: 'whitelist', Headers: ['Origin', 'Accept-Language'] }; }],
    ['a whitelist without its list', (k: Props) => { k.HeadersConfig = { HeaderBehavior: 'whitelist' }; }],
  ])('non-compliant: %s', (_, edit) => {
    expect(judge(rule, cachePolicy(edit), 'Cache')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: a response headers policy', () => {
    expect(judge(rule, cachePolicy(), 'Headers')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['query string behavior from a parameter', (k: Props) => { k.QueryStringsConfig = { QueryStringBehavior: { Ref: 'Qs' } }; }],
    ['a header list from a condition', (k: Props) => { k.HeadersConfig = { HeaderBehavior: 'whitelist', Headers: { 'Fn::If': ['c', ['Origin'], ['User-Agent']] } }; }],
    ['a header from a parameter', (k: Props) => { k.HeadersConfig = { HeaderBehavior: 'whitelist', Headers: [{ Ref: 'Header' }] }; }],
  ])('unresolvable: %s fails closed', (_, edit) => {
    expect(judge(rule, cachePolicy(edit), 'Cache')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('unresolvable: the whole key from a condition fails closed', () => {
    const t = cachePolicy();
    (t.Cache.Properties!.CachePolicyConfig as Props).ParametersInCacheKeyAndForwardedToOrigin = { 'Fn::If': ['c', {}, {}] };
    expect(judge(rule, t, 'Cache')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('through CDK: a bounded CachePolicy passes; CacheQueryStringBehavior.all() fails', () => {
    const { stack } = newStack();
    new cloudfront.CachePolicy(stack, 'Bounded', {
      defaultTtl: Duration.seconds(30),
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.allowList('precinct'),
      headerBehavior: cloudfront.CacheHeaderBehavior.allowList('Origin'),
    });
    new cloudfront.CachePolicy(stack, 'Busted', { defaultTtl: Duration.seconds(30), queryStringBehavior: cloudfront.CacheQueryStringBehavior.all() });
    const template = StackTemplate.fromResources(Template.fromStack(stack).toJSON().Resources as Record<string, unknown>);
    const verdicts = template.ofType('AWS::CloudFront::CachePolicy').map((r) => [r.logicalId.replace(/[0-9A-F]{8}$/, ''), rule.check(r, template)]);
    expect(Object.fromEntries(verdicts)).toEqual({ Bounded: NagRuleCompliance.COMPLIANT, Busted: NagRuleCompliance.NON_COMPLIANT });
  });
});
