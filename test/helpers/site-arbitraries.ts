import { Duration, Lazy, Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as fc from 'fast-check';
import { ElectionWebAcl, WebAclPreset, WebAclScope } from '../../constructs/election-web-acl';
import { HardenedStaticSiteProps } from '../../constructs/hardened-static-site';
import { SecureBucket } from '../../constructs/secure-bucket';
import { DataClass } from '../../lib/baseline/data-class';
import { mistyped, mostly, oddString, sometimes, tokenString } from './property-harness';

/** Cache TTLs around 1 and 300 whole seconds, in other units, fractional, and as tokens. */
export const cacheTtls: fc.Arbitrary<Duration> = mostly(
  fc.integer({ min: 1, max: 300 }).map((s) => Duration.seconds(s)),
  fc.oneof(
    fc.constantFrom(0, 1, 2, 299, 300, 301, 3600).map((s) => Duration.seconds(s)),
    fc.constantFrom(Duration.minutes(5), Duration.minutes(6), Duration.millis(1500), Duration.millis(999), Duration.seconds(29.5), Duration.days(1)),
    fc.constant(null).map(() => Duration.seconds(Lazy.number({ produce: () => 30 }))),
  ),
);

/** Content-Security-Policy values: strict ones, at and over CloudFront's 1783 characters, and odd strings. */
export const contentSecurityPolicies: fc.Arbitrary<string> = mostly(
  fc.constantFrom("default-src 'self'", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'", `default-src 'self'; ${'a'.repeat(1763)}`),
  fc.oneof(fc.constantFrom('', '   ', "default-src 'self'\nscript-src *", 'c'.repeat(1784), "default-src 'self' https://résultats.example"), oddString),
);

/** Error page paths. */
export const errorPagePaths: fc.Arbitrary<string> = mostly(
  fc.constantFrom('/error.html', '/404.html', '/errors/not-found.html'),
  fc.oneof(fc.constantFrom('error.html', '/', '/with space.html', '/é.html', '/' + 'p'.repeat(4096)), oddString),
);

/** Alternate domain names, valid and not. */
export const domainNames: fc.Arbitrary<string> = mostly(
  fc.constantFrom('results.county.example.gov', 'www.vote.example.gov', '*.county.example.gov'),
  fc.oneof(fc.constantFrom('', 'https://results.example.gov', 'results..example.gov', 'résultats.example.gov', `${'a'.repeat(64)}.example.gov`), oddString),
);

export const SITE_PROPS = [
  'webAcl', 'preset', 'cacheTtl', 'contentSecurityPolicy', 'domainNames', 'certificate', 'accessLogsBucket', 'additionalBehaviors',
  'priceClass', 'errorPagePath', 'stack',
];

const CERTIFICATES: Record<string, string> = {
  'us-east-1': 'arn:aws:acm:us-east-1:111122223333:certificate/12345678-1234-1234-1234-123456789012',
  'eu-west-1': 'arn:aws:acm:eu-west-1:111122223333:certificate/12345678-1234-1234-1234-123456789012',
};

/** One extra behavior: its path pattern, viewer policy, headers policy and origin protocol. */
const behavior = fc.record({
  pattern: mostly(fc.constantFrom('/api/*', '*.json', '/results/*'), oddString),
  viewer: fc.constantFrom(undefined, cloudfront.ViewerProtocolPolicy.HTTPS_ONLY, cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS, cloudfront.ViewerProtocolPolicy.ALLOW_ALL),
  headers: fc.constantFrom('site', 'site', 'managed-security', 'managed-cors'),
  originProtocol: fc.constantFrom(cloudfront.OriginProtocolPolicy.HTTPS_ONLY, cloudfront.OriginProtocolPolicy.HTTPS_ONLY, cloudfront.OriginProtocolPolicy.HTTP_ONLY, cloudfront.OriginProtocolPolicy.MATCH_VIEWER),
});

export const siteInputs = fc.record({
  region: fc.constantFrom('us-east-1', 'us-east-1', 'us-east-1', 'eu-west-1', undefined),
  webAcl: fc.constantFrom('none', 'none', 'none', 'results', 'portal', 'regional'),
  preset: sometimes(mostly(fc.constantFrom(WebAclPreset.RESULTS, WebAclPreset.PORTAL), mistyped<WebAclPreset>('RESULTS', 'none'))),
  cacheTtl: sometimes(cacheTtls),
  contentSecurityPolicy: sometimes(contentSecurityPolicies),
  domains: sometimes(fc.record({
    names: mostly(fc.array(domainNames, { minLength: 1, maxLength: 2 }), fc.constant<string[]>([])),
    certificate: fc.constantFrom('us-east-1', 'us-east-1', 'eu-west-1', 'token', 'none'),
  })),
  accessLogsBucket: fc.constantFrom('none', 'none', 'none', 'worm', 'secure', 'imported'),
  behaviors: sometimes(fc.array(behavior, { minLength: 1, maxLength: 2 })),
  priceClass: sometimes(fc.constantFrom(...Object.values(cloudfront.PriceClass))),
  errorPagePath: sometimes(errorPagePaths),
});

export type SiteInput = typeof siteInputs extends fc.Arbitrary<infer T> ? T : never;

/** The props a SiteInput stands for, with the web ACL, certificate, buckets and origins it names built in `stack`. */
export function siteProps(stack: Stack, input: SiteInput): HardenedStaticSiteProps {
  const webAcl = input.webAcl === 'none' ? undefined : new ElectionWebAcl(stack, 'GivenAcl', {
    scope: input.webAcl === 'regional' ? WebAclScope.REGIONAL : WebAclScope.CLOUDFRONT,
    preset: input.webAcl === 'portal' ? WebAclPreset.PORTAL : WebAclPreset.RESULTS,
  });
  const certificateArn = input.domains?.certificate === 'token' ? tokenString(CERTIFICATES['us-east-1']) : CERTIFICATES[input.domains?.certificate ?? 'none'];
  const certificate = certificateArn ? acm.Certificate.fromCertificateArn(stack, 'Certificate', certificateArn) : undefined;
  // 'secure' has no Object Lock and is refused; 'worm' keeps the logs a year.
  const accessLogsBucket = input.accessLogsBucket === 'secure' ? new SecureBucket(stack, 'OrgLogs', { dataClass: DataClass.AUDIT_LOGS }).bucket
    : input.accessLogsBucket === 'worm' ? new SecureBucket(stack, 'OrgLogs', { dataClass: DataClass.AUDIT_LOGS, objectLockRetention: Duration.days(365) }).bucket
    : input.accessLogsBucket === 'imported' ? s3.Bucket.fromBucketName(stack, 'ImportedLogs', 'county-cloudfront-logs') : undefined;
  let additionalBehaviors: Record<string, cloudfront.BehaviorOptions> | undefined;
  for (const [i, b] of (input.behaviors ?? []).entries()) {
    additionalBehaviors ??= {};
    additionalBehaviors[b.pattern] = {
      origin: new origins.HttpOrigin(`api${i}.county.example.gov`, { protocolPolicy: b.originProtocol }),
      viewerProtocolPolicy: b.viewer,
      responseHeadersPolicy: b.headers === 'managed-security' ? cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS
        : b.headers === 'managed-cors' ? cloudfront.ResponseHeadersPolicy.CORS_ALLOW_ALL_ORIGINS : undefined,
    };
  }
  return {
    webAcl,
    preset: input.preset,
    cacheTtl: input.cacheTtl,
    contentSecurityPolicy: input.contentSecurityPolicy,
    domainNames: input.domains?.names,
    certificate,
    accessLogsBucket,
    additionalBehaviors,
    priceClass: input.priceClass,
    errorPagePath: input.errorPagePath,
  };
}

/** What the distribution must still be, whatever was given: HTTPS to viewers and origins, HSTS everywhere, a short cache. */
export function expectHardenedDistribution(stack: Stack, distribution: cloudfront.Distribution, headers: cloudfront.IResponseHeadersPolicy): void {
  const config = stack.resolve((distribution.node.defaultChild as cloudfront.CfnDistribution).distributionConfig);
  for (const b of [config.defaultCacheBehavior, ...(config.cacheBehaviors ?? [])]) {
    expect(b.viewerProtocolPolicy).not.toBe('allow-all');
    // The site's own hardened policy (HSTS, CSP, frame denial) on every path, not just any policy.
    expect(b.responseHeadersPolicyId).toEqual(stack.resolve(headers.responseHeadersPolicyId));
  }
  for (const origin of config.origins) {
    if (origin.customOriginConfig) expect(origin.customOriginConfig.originProtocolPolicy).toBe('https-only');
  }
}

/** What CloudFront takes as an alias (case-insensitive here): a site that built must have given only such names, or tokens. */
export const DNS_NAME = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
