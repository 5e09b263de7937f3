import { Duration } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { cspDirectives } from '../../lib/baseline/content-security-policy';

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

/**
 * `policy` with `source` allowed in `directives`, and in `script-src-elem` when the policy sets it
 * (it overrides script-src for script elements). A directive the policy lacks falls back to
 * default-src, so it is added as default-src's sources plus `source`; without default-src it is
 * unrestricted and left alone. `'none'` gives way to the source. Only the first occurrence of a
 * directive counts in browsers, so only it changes; other directives and sources stay as written.
 */
export function allowSource(policy: string, source: string, directives: readonly string[]): string {
  const parsed = cspDirectives(policy).map((d) => ({ name: d.name, sources: [...d.sources] }));
  const first = (name: string) => parsed.find((d) => d.name === name);
  const defaultSrc = first('default-src');
  const targets = first('script-src-elem') && directives.includes('script-src') ? [...directives, 'script-src-elem'] : directives;
  for (const name of targets) {
    const directive = first(name);
    if (directive) {
      if (directive.sources.some((s) => s.toLowerCase() === source.toLowerCase())) continue;
      directive.sources = [...directive.sources.filter((s) => s.toLowerCase() !== "'none'"), source];
    } else if (defaultSrc) {
      parsed.push({ name, sources: [...defaultSrc.sources.filter((s) => s.toLowerCase() !== "'none'"), source] });
    }
  }
  return parsed.map((d) => [d.name, ...d.sources].join(' ')).join('; ');
}
