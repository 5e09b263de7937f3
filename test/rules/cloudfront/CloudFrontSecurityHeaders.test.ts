import { NagRuleCompliance } from 'cdk-nag';
import { Template } from 'aws-cdk-lib/assertions';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { Duration } from 'aws-cdk-lib';
import { CloudFrontSecurityHeaders as rule } from '../../../lib/rules/cloudfront/CloudFrontSecurityHeaders';
import { StackTemplate } from '../../../lib/pack/template-model';
import { newStack } from '../../helpers/pack-harness';
import { Props, Template as Fixture } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

const STRICT_CSP = "default-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; upgrade-insecure-requests";

/** The headers policy HardenedStaticSite renders, edited by `edit`. */
function policy(edit: (config: Props, headers: Props) => void = () => undefined): Fixture {
  const headers: Props = {
    ContentSecurityPolicy: { ContentSecurityPolicy: STRICT_CSP, Override: true },
    ContentTypeOptions: { Override: true },
    FrameOptions: { FrameOption: 'DENY', Override: true },
    ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
    StrictTransportSecurity: { AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true, Override: true, Preload: true },
  };
  const config: Props = { Name: 'site-headers', SecurityHeadersConfig: headers };
  edit(config, headers);
  return {
    Headers: { Type: 'AWS::CloudFront::ResponseHeadersPolicy', Properties: { ResponseHeadersPolicyConfig: config } },
    Cache: { Type: 'AWS::CloudFront::CachePolicy', Properties: { CachePolicyConfig: { Name: 'c', MinTTL: 1, DefaultTTL: 30, MaxTTL: 300 } } },
  };
}
const withCsp = (csp: unknown) => policy((_, h) => { (h.ContentSecurityPolicy as Props).ContentSecurityPolicy = csp; });
const withCors = (cors: unknown) => policy((c) => { c.CorsConfig = cors; });
const cors = (origins: unknown[], methods: unknown[], credentials: unknown = false) => ({
  AccessControlAllowOrigins: { Items: origins },
  AccessControlAllowMethods: { Items: methods },
  AccessControlAllowHeaders: { Items: ['*'] },
  AccessControlAllowCredentials: credentials,
  OriginOverride: true,
});

describe('CloudFrontSecurityHeaders', () => {
  test('compliant: the policy HardenedStaticSite renders', () => {
    expect(judge(rule, policy(), 'Headers')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['SAMEORIGIN framing, no referrer policy (browser default)', policy((_, h) => { (h.FrameOptions as Props).FrameOption = 'SAMEORIGIN'; delete h.ReferrerPolicy; })],
    ['a strict script-src under a permissive default for styles', withCsp("default-src 'self' 'unsafe-inline'; script-src 'self' https://cdn.example.gov")],
    ["'unsafe-inline' neutralized by a hash", withCsp("default-src 'self'; script-src 'self' 'sha256-abc123=' 'unsafe-inline'")],
    ["a hash with 'strict-dynamic' (host sources ignored)", withCsp("default-src 'self'; script-src 'sha384-xyz=' 'strict-dynamic' https: 'unsafe-inline'")],
    ["'wasm-unsafe-eval' is not 'unsafe-eval'", withCsp("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'")],
    ['the AWS WAF integration SDK apex for Fraud Control (a host wildcard, not any host)',
      withCsp(`${STRICT_CSP}; script-src 'self' https://*.awswaf.com; connect-src 'self' https://*.awswaf.com`)],
    ['public read-only CORS for results data', withCors(cors(['*'], ['GET', 'HEAD', 'OPTIONS']))],
    ['credentialed CORS for named origins', withCors(cors(['https://vote.example.gov'], ['ALL'], true))],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Headers')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['no CSP (red team)', policy((_, h) => { delete h.ContentSecurityPolicy; })],
    ["default-src * 'unsafe-inline' 'unsafe-eval' (red team)", withCsp("default-src * 'unsafe-inline' 'unsafe-eval'")],
    ['CSP without override', policy((_, h) => { (h.ContentSecurityPolicy as Props).Override = false; })],
    ['CSP that restricts no script', withCsp("object-src 'none'; frame-ancestors 'none'")],
    ["'unsafe-inline' in script-src", withCsp("default-src 'self'; script-src 'self' 'unsafe-inline'")],
    ["'unsafe-eval' even with a hash", withCsp("default-src 'self'; script-src 'sha256-abc=' 'unsafe-eval'")],
    ["'unsafe-inline' in default-src without script-src", withCsp("default-src 'self' 'unsafe-inline'")],
    ['default-src * with a strict script-src', withCsp("default-src *; script-src 'self'")],
    ['script-src https: (any host)', withCsp("default-src 'self'; script-src 'self' https:")],
    ['data: in default-src without script-src', withCsp("default-src 'self' data:")],
    ["script-src-elem 'unsafe-inline'", withCsp("default-src 'self'; script-src-elem 'self' 'unsafe-inline'")],
    ["script-src-attr 'unsafe-inline' (inline handlers)", withCsp("default-src 'self'; script-src-attr 'unsafe-inline'")],
    ["a static nonce does not neutralize 'unsafe-inline'", withCsp("default-src 'self'; script-src 'nonce-abc' 'unsafe-inline'")],
    ['no FrameOptions (red team)', policy((_, h) => { delete h.FrameOptions; })],
    ['FrameOptions without override', policy((_, h) => { (h.FrameOptions as Props).Override = false; })],
    ['no ContentTypeOptions', policy((_, h) => { delete h.ContentTypeOptions; })],
    ['ContentTypeOptions without override', policy((_, h) => { h.ContentTypeOptions = { Override: false }; })],
    ['referrer policy unsafe-url', policy((_, h) => { (h.ReferrerPolicy as Props).ReferrerPolicy = 'unsafe-url'; })],
    ['referrer policy no-referrer-when-downgrade', policy((_, h) => { (h.ReferrerPolicy as Props).ReferrerPolicy = 'no-referrer-when-downgrade'; })],
    ['no SecurityHeadersConfig at all', policy((c) => { delete c.SecurityHeadersConfig; })],
    ['CORS origins * methods ALL (red team)', withCors(cors(['*'], ['ALL']))],
    ['CORS origins * with POST', withCors(cors(['*'], ['GET', 'POST']))],
    ['CORS origins * with credentials', withCors(cors(['*'], ['GET'], true))],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Headers')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: a cache policy', () => {
    expect(judge(rule, policy(), 'Cache')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a CSP from a parameter', withCsp({ Ref: 'Csp' })],
    ['the whole config from a condition', { Headers: { Type: 'AWS::CloudFront::ResponseHeadersPolicy', Properties: { ResponseHeadersPolicyConfig: { 'Fn::If': ['c', {}, {}] } } } }],
    ['a frame option from a parameter', policy((_, h) => { (h.FrameOptions as Props).FrameOption = { Ref: 'Frame' }; })],
    ['a referrer policy from a parameter', policy((_, h) => { (h.ReferrerPolicy as Props).ReferrerPolicy = { Ref: 'Referrer' }; })],
    ['CORS origins from a parameter', withCors(cors([{ Ref: 'Origin' }], ['GET']))],
    ['CORS credentials from a parameter with origin *', withCors(cors(['*'], ['GET'], { Ref: 'Creds' }))],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t as Fixture, 'Headers')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('through CDK: a ResponseHeadersPolicy with the site headers passes; the managed-style HSTS-only policy fails', () => {
    const { stack } = newStack();
    new cloudfront.ResponseHeadersPolicy(stack, 'Strict', {
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: STRICT_CSP, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
      },
    });
    new cloudfront.ResponseHeadersPolicy(stack, 'HstsOnly', {
      securityHeadersBehavior: { strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true } },
    });
    const resources = Template.fromStack(stack).toJSON().Resources as Record<string, unknown>;
    const template = StackTemplate.fromResources(resources);
    const verdicts = template.ofType('AWS::CloudFront::ResponseHeadersPolicy').map((r) => [r.logicalId.replace(/[0-9A-F]{8}$/, ''), rule.check(r, template)]);
    expect(Object.fromEntries(verdicts)).toEqual({ Strict: NagRuleCompliance.COMPLIANT, HstsOnly: NagRuleCompliance.NON_COMPLIANT });
  });
});
