import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { isStrictContentSecurityPolicy } from '../../baseline/content-security-policy';
import { ElectionRule } from '../../pack/election-rule';
import { at, isIntrinsic, isObject, literalBoolean } from '../../baseline/intrinsics';
import { TemplateResource } from '../../pack/template-model';

/** A response headers policy sends the browser protections an election site's pages rely on. */
export const CloudFrontSecurityHeaders: ElectionRule = {
  name: 'CloudFrontSecurityHeaders',
  level: NagMessageLevel.ERROR,
  info:
    'The response headers policy lacks a strict Content-Security-Policy, X-Frame-Options, X-Content-Type-Options or a safe ' +
    'Referrer-Policy (each with override), or its CORS lets any origin send credentials or write.',
  explanation:
    'Injected script skims what voters type, a framed page can be overlaid, and open CORS lets hostile pages ' +
    'script writes. Passes: a strict CSP, FrameOptions, ContentTypeOptions, a safe ReferrerPolicy, CORS * only ' +
    'for reads.',
  rationale:
    'Injected script can also show forged results, and a framed page overlaid by a look-alike is ' +
    'clickjacking. SecurityHeadersConfig needs: a ContentSecurityPolicy with Override true whose script ' +
    'sources (script-src, script-src-elem, script-src-attr, or default-src when there is no script-src) hold ' +
    "no 'unsafe-eval', no 'unsafe-inline' unless a hash source makes browsers ignore it, and no source that " +
    "admits any host (*, http:, https:, data:) unless 'strict-dynamic' with a hash disables host lists, and " +
    'whose default-src is not *; FrameOptions DENY or SAMEORIGIN with Override true; ContentTypeOptions with ' +
    'Override true; and a ReferrerPolicy, when set, other than unsafe-url and no-referrer-when-downgrade ' +
    '(which send full URLs, query strings included, to other sites; browsers default to ' +
    'strict-origin-when-cross-origin). A CorsConfig may allow origin * only without credentials and only for ' +
    'GET, HEAD and OPTIONS (public results data read by news sites); named origins may do more. HSTS is ' +
    'judged by CloudFrontHsts. Waive with the reason when a page must be framed by partner sites (embedded ' +
    "results widgets) or a legacy application cannot yet run without 'unsafe-inline'.",
  controls: ['NIST-800-53-r5:SI-3', 'NIST-800-53-r5:SC-23', 'NIST-800-53-r5:AC-4', 'NIST-800-53-r5:CM-6', 'CISA-CPG:2.W'],
  resourceTypes: ['AWS::CloudFront::ResponseHeadersPolicy'],
  waivable: true,
  check: cloudFrontSecurityHeaders,
  faultPath: securityHeadersFaultPath,
};

const FRAME_OPTIONS = ['DENY', 'SAMEORIGIN'];
const LEAKY_REFERRER_POLICIES = ['unsafe-url', 'no-referrer-when-downgrade'];
const READ_ONLY_METHODS = ['GET', 'HEAD', 'OPTIONS'];

function cloudFrontSecurityHeaders(resource: TemplateResource): NagRuleCompliance {
  const config = resource.properties.ResponseHeadersPolicyConfig;
  if (!isObject(config) || isIntrinsic(config)) return NagRuleCompliance.NON_COMPLIANT;
  const headers = config.SecurityHeadersConfig;
  if (!isObject(headers) || isIntrinsic(headers)) return NagRuleCompliance.NON_COMPLIANT;
  const ok = strictCsp(headers.ContentSecurityPolicy) && denyFraming(headers.FrameOptions) && noSniff(headers.ContentTypeOptions) &&
    safeReferrer(headers.ReferrerPolicy) && safeCors(config.CorsConfig);
  return ok ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

function overrides(header: unknown): boolean {
  return literalBoolean(at(header, 'Override')) === true;
}

function denyFraming(frame: unknown): boolean {
  const option = at(frame, 'FrameOption');
  return overrides(frame) && typeof option === 'string' && FRAME_OPTIONS.includes(option.toUpperCase());
}

function noSniff(contentType: unknown): boolean {
  return isObject(contentType) && overrides(contentType);
}

/** Absent, browsers use strict-origin-when-cross-origin. */
function safeReferrer(referrer: unknown): boolean {
  if (referrer === undefined) return true;
  const policy = at(referrer, 'ReferrerPolicy');
  return typeof policy === 'string' && !LEAKY_REFERRER_POLICIES.includes(policy.toLowerCase());
}

function strictCsp(csp: unknown): boolean {
  const text = at(csp, 'ContentSecurityPolicy');
  return overrides(csp) && typeof text === 'string' && isStrictContentSecurityPolicy(text);
}

function safeCors(cors: unknown): boolean {
  if (cors === undefined) return true;
  if (!isObject(cors) || isIntrinsic(cors)) return false;
  const origins = literalItems(cors.AccessControlAllowOrigins);
  if (origins === undefined) return false;
  if (!origins.some((o) => /^(https?:\/\/)?\*$/.test(o))) return true; // a named allow list
  const methods = literalItems(cors.AccessControlAllowMethods);
  return (
    literalBoolean(cors.AccessControlAllowCredentials) === false &&
    methods !== undefined &&
    methods.every((m) => READ_ONLY_METHODS.includes(m.toUpperCase()))
  );
}

/** `{ Items: [...] }` as literal strings, or undefined when any part is not one. */
function literalItems(list: unknown): string[] | undefined {
  const items = at(list, 'Items');
  return Array.isArray(items) && items.every((i) => typeof i === 'string') ? (items as string[]) : undefined;
}

function securityHeadersFaultPath(resource: TemplateResource): string {
  const path = 'Properties.ResponseHeadersPolicyConfig';
  const config = resource.properties.ResponseHeadersPolicyConfig;
  if (!isObject(config) || isIntrinsic(config)) return path;
  const headers = config.SecurityHeadersConfig;
  if (!isObject(headers) || isIntrinsic(headers)) return `${path}.SecurityHeadersConfig`;
  if (!strictCsp(headers.ContentSecurityPolicy)) return `${path}.SecurityHeadersConfig.ContentSecurityPolicy`;
  if (!denyFraming(headers.FrameOptions)) return `${path}.SecurityHeadersConfig.FrameOptions`;
  if (!noSniff(headers.ContentTypeOptions)) return `${path}.SecurityHeadersConfig.ContentTypeOptions`;
  if (!safeReferrer(headers.ReferrerPolicy)) return `${path}.SecurityHeadersConfig.ReferrerPolicy`;
  return `${path}.CorsConfig`;
}
