import { NagRuleCompliance } from 'cdk-nag';
import { Duration } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import { CloudFrontHsts as rule } from '../../../lib/rules/cloudfront/CloudFrontHsts';
import { newStack, pathsViolating } from '../../helpers/pack-harness';
import { distributionTemplate, MANAGED_SECURITY_HEADERS, Props, withDistribution, withProps } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

function withHsts(edit: (hsts: Props) => void) {
  return withProps(distributionTemplate(), 'Headers', (p) => {
    edit(((p.ResponseHeadersPolicyConfig as Props).SecurityHeadersConfig as Props).StrictTransportSecurity as Props);
  });
}

describe('CloudFrontHsts', () => {
  test('compliant: two years, subdomains, override, preload on every behavior', () => {
    expect(judge(rule, distributionTemplate(), 'Distribution')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('compliant: exactly one year, without preload (optional), GetAtt Id of the policy', () => {
    let t = withHsts((h) => {
      h.AccessControlMaxAgeSec = 31536000;
      delete h.Preload;
    });
    t = withDistribution((c) => {
      (c.DefaultCacheBehavior as Props).ResponseHeadersPolicyId = { 'Fn::GetAtt': ['Headers', 'Id'] };
    }, t);
    expect(judge(rule, t, 'Distribution')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['max-age under a year', withHsts((h) => { h.AccessControlMaxAgeSec = 86400; })],
    ['no includeSubDomains', withHsts((h) => { h.IncludeSubdomains = false; })],
    ['no override of the origin', withHsts((h) => { h.Override = false; })],
    ['no HSTS in the policy', withProps(distributionTemplate(), 'Headers', (p) => { (p.ResponseHeadersPolicyConfig as Props).SecurityHeadersConfig = {}; })],
    ['the managed SecurityHeadersPolicy (max-age only)', withDistribution((c) => { (c.DefaultCacheBehavior as Props).ResponseHeadersPolicyId = MANAGED_SECURITY_HEADERS; })],
    ['no policy on the /api/* behavior', withDistribution((c) => { delete (c.CacheBehaviors as Props[])[0].ResponseHeadersPolicyId; })],
    ['a reference to a cache policy', withDistribution((c) => { (c.DefaultCacheBehavior as Props).ResponseHeadersPolicyId = { Ref: 'Cache' }; })],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Distribution')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the response headers policy itself', () => {
    expect(judge(rule, distributionTemplate(), 'Headers')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['max-age from a parameter', withHsts((h) => { h.AccessControlMaxAgeSec = { Ref: 'MaxAge' }; })],
    ['a policy id from an import', withDistribution((c) => { (c.DefaultCacheBehavior as Props).ResponseHeadersPolicyId = { 'Fn::ImportValue': 'headers-id' }; })],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'Distribution')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('through the pack: a CDK ResponseHeadersPolicy with strict HSTS passes; the managed SECURITY_HEADERS fails', () => {
    const { stack } = newStack();
    const origin = new origins.HttpOrigin('results.example.gov');
    const policy = new cloudfront.ResponseHeadersPolicy(stack, 'Headers', {
      securityHeadersBehavior: {
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
      },
    });
    const strict = new cloudfront.Distribution(stack, 'Strict', { defaultBehavior: { origin, responseHeadersPolicy: policy } });
    const managed = new cloudfront.Distribution(stack, 'Managed', {
      defaultBehavior: { origin, responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS },
    });
    const paths = pathsViolating(stack, 'CloudFrontHsts');
    expect(paths).toContain(`${managed.node.path}/Resource`);
    expect(paths).not.toContain(`${strict.node.path}/Resource`);
  });
});
