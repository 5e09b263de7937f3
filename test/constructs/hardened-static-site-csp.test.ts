import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ElectionWebAcl, ElectionWebAclProps, WebAclPreset, WebAclScope } from '../../constructs/election-web-acl';
import { HardenedStaticSite, HardenedStaticSiteProps } from '../../constructs/hardened-static-site';
import { isStrictContentSecurityPolicy } from '../../lib/baseline/content-security-policy';
import { newStack } from '../helpers/pack-harness';
import { synthViolations } from '../helpers/synth-violations';
import { expectValidationError } from '../helpers/validation-error';
import { ValidationErrorCode } from '../../lib/validation-error';

const SDK = 'https://*.awswaf.com';
const DEFAULT_CSP = "default-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; upgrade-insecure-requests";
const ACFP: Partial<ElectionWebAclProps> = { preset: WebAclPreset.PORTAL, accountCreationFraudPath: '/api/registrations', registrationPagePath: '/register.html' };

/** A site behind a CLOUDFRONT web ACL made with `acl`. */
function site(acl: Partial<ElectionWebAclProps>, props: HardenedStaticSiteProps = {}) {
  const { app, stack } = newStack();
  const webAcl = new ElectionWebAcl(stack, 'Edge', { scope: WebAclScope.CLOUDFRONT, preset: WebAclPreset.RESULTS, ...acl });
  const construct = new HardenedStaticSite(stack, 'Site', { webAcl, ...props });
  return { app, stack, construct };
}

function sentCsp(stack: Stack): string {
  const policies = Template.fromStack(stack).findResources('AWS::CloudFront::ResponseHeadersPolicy');
  return Object.values(policies)[0].Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy;
}

describe('HardenedStaticSite behind a web ACL with Fraud Control lets pages load the AWS WAF integration SDK', () => {
  const { app, stack, construct } = site(ACFP);

  test('ACFP: the default policy gets script-src and connect-src of its default-src plus the SDK apex', () => {
    expect(sentCsp(stack)).toBe(`${DEFAULT_CSP}; script-src 'self' ${SDK}; connect-src 'self' ${SDK}`);
    expect(construct.contentSecurityPolicy).toBe(sentCsp(stack));
  });

  test('the result is strict and passes the election baseline (CloudFrontSecurityHeaders included)', () => {
    expect(isStrictContentSecurityPolicy(sentCsp(stack))).toBe(true);
    expect(synthViolations(app)).toEqual([]);
  });

  test('ATP on a staff login path needs the same SDK: added too', () => {
    expect(sentCsp(site({ staffLoginPath: '/staff/login' }).stack)).toBe(`${DEFAULT_CSP}; script-src 'self' ${SDK}; connect-src 'self' ${SDK}`);
  });

  test('without ACFP or ATP nothing is added', () => {
    expect(sentCsp(site({ botControl: true }).stack)).toBe(DEFAULT_CSP);
  });

  test.each([
    ['appended to the directives a given policy sets, hashes kept as written',
      "default-src 'self'; script-src 'self' 'sha256-AbCdEf0123+/=' ; connect-src 'self' https://api.county.example.gov",
      `default-src 'self'; script-src 'self' 'sha256-AbCdEf0123+/=' ${SDK}; connect-src 'self' https://api.county.example.gov ${SDK}`],
    ["'none' gives way to the source", "default-src 'none'; script-src 'self'; style-src 'self'",
      `default-src 'none'; script-src 'self' ${SDK}; style-src 'self'; connect-src ${SDK}`],
    ['script-src-elem, which overrides script-src for script elements, gets it too', "default-src 'self'; script-src-elem 'self'",
      `default-src 'self'; script-src-elem 'self' ${SDK}; script-src 'self' ${SDK}; connect-src 'self' ${SDK}`],
    ['a policy that already allows it is left as it is', `default-src 'self'; script-src 'self' ${SDK}; connect-src 'self' HTTPS://*.AWSWAF.COM`,
      `default-src 'self'; script-src 'self' ${SDK}; connect-src 'self' HTTPS://*.AWSWAF.COM`],
    ['only the first of a repeated directive counts in browsers, so only it changes', "default-src 'self'; script-src 'self'; script-src 'none'",
      `default-src 'self'; script-src 'self' ${SDK}; script-src 'none'; connect-src 'self' ${SDK}`],
  ])('a given policy: %s', (_, given, sent) => {
    const { app: a, stack: s } = site(ACFP, { contentSecurityPolicy: given });
    expect(sentCsp(s)).toBe(sent);
    expect(synthViolations(a).filter((v) => v.ruleId === 'ElectionBaseline-CloudFrontSecurityHeaders')).toEqual([]);
  });

  test('a weak policy is still refused, with the rule\'s predicate, before anything is added', () => {
    expectValidationError(() => site(ACFP, { contentSecurityPolicy: "default-src 'self'; script-src 'self' 'unsafe-inline'" }), {
      code: ValidationErrorCode.WEAKENS_BASELINE, prop: 'contentSecurityPolicy',
      message: "HardenedStaticSite 'Test/Site': contentSecurityPolicy is 'default-src 'self'; script-src 'self' 'unsafe-inline''; it must restrict scripts",
    });
  });

  test('a policy that the SDK source pushes past 1783 characters throws, naming the prop', () => {
    const long = `default-src 'self'; img-src ${'https://img.example.gov '.repeat(70)}`.trim();
    expect(long.length).toBeLessThanOrEqual(1783);
    expectValidationError(() => site(ACFP, { contentSecurityPolicy: long }), {
      code: ValidationErrorCode.ABOVE_SERVICE_LIMIT, prop: 'contentSecurityPolicy',
      message: /HardenedStaticSite 'Test\/Site': contentSecurityPolicy is \d+ characters once the AWS WAF SDK source https:\/\/\*\.awswaf\.com is added for the web ACL's Fraud Control; CloudFront takes at most 1783/,
    });
  });
});
