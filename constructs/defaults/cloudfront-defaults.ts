import { Duration } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';

/**
 * The CloudFront baseline on one screen: caching and security headers every
 * election site serves. Each setting names the threat it answers.
 */

/** Default time a page stays in the edge cache: results refresh within 30 s, the origin sees one request per edge per 30 s. */
export const DEFAULT_CACHE_TTL_SECONDS = 30;
export const MIN_CACHE_TTL_SECONDS = 1;
export const MAX_CACHE_TTL_SECONDS = 300;
/** How long an error page is cached: short, so a fixed page shows at once, but long enough that a 404 flood stays at the edge. */
export const ERROR_CACHING_SECONDS = 10;
/** HSTS max-age: two years, what the HSTS preload list asks for (at least one year is required by the rule pack). */
export const HSTS_MAX_AGE = Duration.days(730);

/** A strict Content-Security-Policy for static sites: only the site's own scripts, no plugins, no framing. */
export const DEFAULT_CONTENT_SECURITY_POLICY =
  "default-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; upgrade-insecure-requests";
/** CloudFront's limit on the Content-Security-Policy header value. */
export const MAX_CSP_LENGTH = 1783;

export function cachePolicyProps(ttl: Duration, comment: string): cloudfront.CachePolicyProps {
  return {
    comment,
    // Caching is what kept results sites up on election night; one that turned it off fell over (2018).
    defaultTtl: ttl,
    // A publisher's `Cache-Control: no-cache` on an object cannot turn caching off: CloudFront keeps it at least 1 s.
    minTtl: Duration.seconds(MIN_CACHE_TTL_SECONDS),
    // Nor can a long `max-age` keep stale results at the edge for more than 5 minutes.
    maxTtl: Duration.seconds(Math.max(MAX_CACHE_TTL_SECONDS, ttl.toSeconds())),
    // Nothing from the request is in the cache key: `?x=<random>` cannot bust the cache and flood the origin.
    queryStringBehavior: cloudfront.CacheQueryStringBehavior.none(),
    headerBehavior: cloudfront.CacheHeaderBehavior.none(),
    cookieBehavior: cloudfront.CacheCookieBehavior.none(),
    enableAcceptEncodingGzip: true,
    enableAcceptEncodingBrotli: true,
  };
}

export function securityHeaders(contentSecurityPolicy: string): cloudfront.ResponseSecurityHeadersBehavior {
  return {
    // Browsers never fall back to HTTP, where a results page or a registration form can be altered in transit (NIST SC-8).
    strictTransportSecurity: { accessControlMaxAge: HSTS_MAX_AGE, includeSubdomains: true, preload: true, override: true },
    // Injected script cannot run or call out: defacement and form skimming (NIST SI-10).
    contentSecurityPolicy: { contentSecurityPolicy, override: true },
    contentTypeOptions: { override: true },
    // No other site can frame the pages to clickjack voters or pass off fake results.
    frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
    referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
  };
}
