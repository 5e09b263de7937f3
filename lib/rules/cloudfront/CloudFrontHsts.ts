import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { allBehaviors, behaviorFaultPath, distributionConfig } from '../../pack/distribution';
import { ElectionRule } from '../../pack/election-rule';
import { at, JsonObject, literalBoolean, literalNumber } from '../../baseline/intrinsics';
import { referencedResourceOfType } from '../../pack/references';
import { StackTemplate, TemplateResource, UNRESOLVED } from '../../pack/template-model';

/** Browsers are told to use HTTPS for the site and its subdomains for a year. */
export const CloudFrontHsts: ElectionRule = {
  name: 'CloudFrontHsts',
  level: NagMessageLevel.ERROR,
  info: 'A cache behavior has no response headers policy that sends Strict-Transport-Security (max-age >= 1 year, includeSubDomains, override).',
  explanation:
    'Without HSTS the first request goes out in clear text, where TLS can be stripped to serve a fake page. ' +
    'Passes: max-age at least 31536000, IncludeSubdomains and Override true on every cache behavior.',
  rationale:
    'A redirect from HTTP to HTTPS does not prevent it: a hostile network strips TLS from that request and ' +
    'serves a fake registration page or a forged results page. Strict-Transport-Security makes the browser ' +
    'use HTTPS on its own. The settings are read from the StrictTransportSecurity of a ResponseHeadersPolicy ' +
    'of the template (max-age is AccessControlMaxAgeSec). IncludeSubdomains because sibling hosts of an ' +
    'election office are as exposed as the main one; Override so an origin cannot weaken it. Preload is ' +
    'optional: it commits the whole registrable domain, and new .gov domains are preloaded by CISA anyway. ' +
    'The AWS managed SecurityHeadersPolicy sends max-age=31536000 without includeSubDomains and does not ' +
    'override the origin, so it does not pass.',
  controls: ['NIST-800-53-r5:SC-8', 'NIST-800-53-r5:SC-8(1)', 'NIST-800-53-r5:SC-23', 'CISA-CPG:2.K', 'CIS-v8:3.10'],
  resourceTypes: ['AWS::CloudFront::Distribution'],
  waivable: true,
  check: cloudFrontHsts,
  faultPath: hstsFaultPath,
};

const ONE_YEAR_SECONDS = 31536000;

function cloudFrontHsts(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const config = distributionConfig(resource);
  if (config === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  const behaviors = allBehaviors(config);
  if (behaviors === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  return behaviors.every((b) => sendsStrictHsts(b, template)) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

function sendsStrictHsts(behavior: JsonObject, template: StackTemplate): boolean {
  // Managed policies (SecurityHeadersPolicy 67f7725c-…, CORS-and-SecurityHeadersPolicy) lack includeSubDomains and override.
  const id = referencedResourceOfType(behavior.ResponseHeadersPolicyId, 'AWS::CloudFront::ResponseHeadersPolicy', template);
  if (id === undefined) return false;
  const hsts = at(template.get(id)!.properties, 'ResponseHeadersPolicyConfig', 'SecurityHeadersConfig', 'StrictTransportSecurity');
  const maxAge = literalNumber(at(hsts, 'AccessControlMaxAgeSec'));
  return (
    maxAge !== undefined &&
    maxAge >= ONE_YEAR_SECONDS &&
    literalBoolean(at(hsts, 'IncludeSubdomains')) === true &&
    literalBoolean(at(hsts, 'Override')) === true
  );
}

function hstsFaultPath(resource: TemplateResource, template: StackTemplate): string | undefined {
  return behaviorFaultPath(resource, (b) => sendsStrictHsts(b, template), 'ResponseHeadersPolicyId');
}
