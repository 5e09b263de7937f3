import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { ElectionWebAcl, WebAclPreset, WebAclScope } from '../../constructs/election-web-acl';
import { RegistrationPortal, RegistrationPortalProps } from '../../constructs/registration-portal';
import { ElectionBaselineChecks } from '../../lib/election-baseline-checks';
import { registrationHandler } from '../helpers/handler-fixtures';
import { newStack } from '../helpers/pack-harness';
import { THREE_PACKS } from '../helpers/three-packs';
import { expectValidationError } from '../helpers/validation-error';
import { ValidationErrorCode } from '../../lib/validation-error';

const SDK = 'https://*.awswaf.com';
const FORM_CSP = "default-src 'self'; script-src 'self' 'sha256-Qw3rTy0123456789+/AbCdEfGhIjKlMnOpQrStUvWxYz='; img-src 'self' data:; frame-ancestors 'none'";

function portal(props: Partial<RegistrationPortalProps> = {}, acfp = false) {
  const { stack } = newStack();
  const webAcl = acfp ? new ElectionWebAcl(stack, 'Edge', {
    scope: WebAclScope.CLOUDFRONT, preset: WebAclPreset.PORTAL, accountCreationFraudPath: '/api/registrations', registrationPagePath: '/register.html',
  }) : undefined;
  const construct = new RegistrationPortal(stack, 'Portal', { handler: registrationHandler(stack).function, webAcl, ...props });
  return { stack, construct };
}

function distributionConfig(template: Template) {
  return Object.values(template.findResources('AWS::CloudFront::Distribution'))[0].Properties.DistributionConfig;
}

describe('RegistrationPortal takes the site options of the results site', () => {
  const { stack, construct } = portal({ contentSecurityPolicy: FORM_CSP, cacheTtl: Duration.seconds(120), priceClass: cloudfront.PriceClass.PRICE_CLASS_100 });
  const template = Template.fromStack(stack);

  test('the CSP, edge cache TTL and price class reach its HardenedStaticSite', () => {
    expect(construct.site.contentSecurityPolicy).toBe(FORM_CSP);
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: { SecurityHeadersConfig: { ContentSecurityPolicy: { ContentSecurityPolicy: FORM_CSP, Override: true } } },
    });
    template.hasResourceProperties('AWS::CloudFront::CachePolicy', { CachePolicyConfig: { DefaultTTL: 120 } });
    expect(distributionConfig(template).PriceClass).toBe('PriceClass_100');
  });

  test('no error page: custom error responses would rewrite the API\'s answers under /api/*', () => {
    expect(distributionConfig(template).CustomErrorResponses).toBeUndefined();
  });

  test.each(THREE_PACKS)('has zero findings under %s', (_, pack) => {
    expect(pack().validateScope(stack).violations).toEqual([]);
  });
});

describe('RegistrationPortal with ACFP on its CLOUDFRONT web ACL', () => {
  test('the default CSP lets the registration page load the AWS WAF SDK and call its token endpoint', () => {
    const { stack, construct } = portal({}, true);
    expect(construct.site.contentSecurityPolicy).toMatch(new RegExp(`; script-src 'self' https://\\*\\.awswaf\\.com; connect-src 'self' https://\\*\\.awswaf\\.com$`));
    expect(new ElectionBaselineChecks().validateScope(stack).violations).toEqual([]);
  });

  test('a given CSP keeps its sources and gets the SDK in script-src and connect-src', () => {
    const { stack, construct } = portal({ contentSecurityPolicy: FORM_CSP }, true);
    expect(construct.site.contentSecurityPolicy).toBe(
      `default-src 'self'; script-src 'self' 'sha256-Qw3rTy0123456789+/AbCdEfGhIjKlMnOpQrStUvWxYz=' ${SDK}; img-src 'self' data:; frame-ancestors 'none'; connect-src 'self' ${SDK}`);
    expect(new ElectionBaselineChecks().validateScope(stack).violations).toEqual([]);
  });
});

describe('RegistrationPortal site options: bad values throw naming the site path and the prop', () => {
  test.each([
    ['a CSP that lets inline script run', { contentSecurityPolicy: "default-src 'self' 'unsafe-inline'" },
      ValidationErrorCode.WEAKENS_BASELINE, 'contentSecurityPolicy', "HardenedStaticSite 'Test/Portal/Site': contentSecurityPolicy is 'default-src 'self' 'unsafe-inline''; it must restrict scripts (ElectionBaseline-CloudFrontSecurityHeaders)"],
    ['a CSP of any host', { contentSecurityPolicy: "default-src 'self'; script-src https:" }, ValidationErrorCode.WEAKENS_BASELINE, 'contentSecurityPolicy', "HardenedStaticSite 'Test/Portal/Site': contentSecurityPolicy is"],
    ['caching turned off', { cacheTtl: Duration.seconds(0) }, ValidationErrorCode.OUTSIDE_BASELINE_BOUND, 'cacheTtl', "HardenedStaticSite 'Test/Portal/Site': cacheTtl is 0 seconds; allowed are 1 to 300 whole seconds"],
  ] as Array<[string, Partial<RegistrationPortalProps>, ValidationErrorCode, string, string]>)('%s', (_, props, code, prop, message) => {
    expectValidationError(() => portal(props), { code, prop, constructType: 'HardenedStaticSite', message });
  });
});
