import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { at, isIntrinsic, isObject } from '../../baseline/intrinsics';
import { TemplateResource } from '../../pack/template-model';

/** A cache policy keys on nothing a client can vary at will. */
export const CloudFrontCacheKeyBounded: ElectionRule = {
  name: 'CloudFrontCacheKeyBounded',
  level: NagMessageLevel.ERROR,
  info:
    'The cache policy puts every query string, every cookie or client-chosen headers into the cache key (QueryStringBehavior or ' +
    'CookieBehavior all/allExcept, or a header whitelist beyond the CORS and CloudFront viewer headers).',
  explanation:
    'Client-chosen values in the cache key make every request a miss, sending an election-night flood to the ' +
    'origin. Passes: named query strings and cookies only, and only CORS or CloudFront-set headers.',
  rationale:
    'The edge cache is what keeps a results site up on election night: CloudFront answers the crowd and the ' +
    'origin sees a few requests a minute. A ?x=<random>, a random cookie or a random User-Agent is enough for ' +
    'a modest bot to get around it (the results sites that fell over on election night, the 2022 election-day ' +
    'DDoS). ParametersInCacheKeyAndForwardedToOrigin may name query strings and cookies (whitelist), but not ' +
    'take all of them (all, allExcept); its HeadersConfig whitelist may hold only the CORS request headers ' +
    '(Origin, Access-Control-Request-Method, Access-Control-Request-Headers), without which a cached CORS ' +
    'answer is served to the wrong site, and the headers CloudFront itself sets from a small set of values ' +
    '(CloudFront-Is-*-Viewer, CloudFront-Forwarded-Proto, CloudFront-Viewer-Country). Waive with the reason ' +
    'for a dynamic application that truly varies by arbitrary query strings or cookies, and keep a WAF rate ' +
    'limit in front of it.',
  controls: ['NIST-800-53-r5:SC-5', 'NIST-800-53-r5:SC-5(2)', 'CISA-CPG:2.W'],
  resourceTypes: ['AWS::CloudFront::CachePolicy'],
  waivable: true,
  check: cloudFrontCacheKeyBounded,
  faultPath: cacheKeyFaultPath,
};

const UNBOUNDED_BEHAVIORS = ['all', 'allexcept'];
const BOUNDED_HEADERS = new Set([
  'origin',
  'access-control-request-method',
  'access-control-request-headers',
  // Set by CloudFront, not the viewer: true/false, http/https, or a country code.
  'cloudfront-is-desktop-viewer',
  'cloudfront-is-mobile-viewer',
  'cloudfront-is-tablet-viewer',
  'cloudfront-is-smarttv-viewer',
  'cloudfront-is-android-viewer',
  'cloudfront-is-ios-viewer',
  'cloudfront-forwarded-proto',
  'cloudfront-viewer-country',
]);

function cloudFrontCacheKeyBounded(resource: TemplateResource): NagRuleCompliance {
  const config = resource.properties.CachePolicyConfig;
  if (!isObject(config) || isIntrinsic(config)) return NagRuleCompliance.NON_COMPLIANT;
  const key = config.ParametersInCacheKeyAndForwardedToOrigin;
  if (key === undefined) return NagRuleCompliance.COMPLIANT; // nothing in the key
  if (!isObject(key) || isIntrinsic(key)) return NagRuleCompliance.NON_COMPLIANT;
  const ok =
    boundedBehavior(key.QueryStringsConfig, 'QueryStringBehavior') &&
    boundedBehavior(key.CookiesConfig, 'CookieBehavior') &&
    boundedHeaders(key.HeadersConfig);
  return ok ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

/** Absent is none; an intrinsic fails closed. */
function boundedBehavior(config: unknown, field: string): boolean {
  if (config === undefined) return true;
  const behavior = at(config, field);
  return typeof behavior === 'string' && !UNBOUNDED_BEHAVIORS.includes(behavior.toLowerCase());
}

function boundedHeaders(config: unknown): boolean {
  if (config === undefined) return true;
  const behavior = at(config, 'HeaderBehavior');
  if (typeof behavior !== 'string') return false;
  if (behavior.toLowerCase() === 'none') return true;
  const headers = at(config, 'Headers');
  return Array.isArray(headers) && headers.every((h) => typeof h === 'string' && BOUNDED_HEADERS.has(h.toLowerCase()));
}

function cacheKeyFaultPath(resource: TemplateResource): string {
  const config = resource.properties.CachePolicyConfig;
  const key = isObject(config) ? config.ParametersInCacheKeyAndForwardedToOrigin : undefined;
  if (!isObject(config) || isIntrinsic(config) || !isObject(key) || isIntrinsic(key)) return 'Properties.CachePolicyConfig';
  const path = 'Properties.CachePolicyConfig.ParametersInCacheKeyAndForwardedToOrigin';
  if (!boundedBehavior(key.QueryStringsConfig, 'QueryStringBehavior')) return `${path}.QueryStringsConfig`;
  if (!boundedBehavior(key.CookiesConfig, 'CookieBehavior')) return `${path}.CookiesConfig`;
  return `${path}.HeadersConfig`;
}
