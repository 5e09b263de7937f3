import { NagRuleCompliance } from 'cdk-nag';
import { WafDataProtection as rule } from '../../../lib/rules/wafv2/WafDataProtection';
import { Props, Template, webAclTemplate, withDistribution, withProps } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';
import { RegistrationPortal } from '../../../constructs/registration-portal';
import { ResultsReportingSite } from '../../../constructs/results-reporting-site';
import { registrationHandler } from '../../helpers/handler-fixtures';
import { newStack, pathsViolating } from '../../helpers/pack-harness';

const withProtections = (protections: unknown, preset = 'portal') =>
  withProps(webAclTemplate(preset), 'WebAcl', (p) => {
    p.DataProtectionConfig = { DataProtections: protections };
  });
const body = (extra: Props = {}) => ({ Field: { FieldType: 'BODY' }, Action: 'SUBSTITUTION', ...extra });

describe('WafDataProtection', () => {
  test.each([['portal'], ['results']])('compliant: the %s fixture replaces bodies', (preset) => {
    expect(judge(rule, webAclTemplate(preset), 'WebAcl')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['the body beside a hashed header', [{ Field: { FieldType: 'SINGLE_HEADER', FieldKeys: ['x-id'] }, Action: 'HASH' }, body()]],
    ['exclusions written as false', [body({ ExcludeRuleMatchDetails: false, ExcludeRateBasedDetails: 'false' })]],
  ])('compliant: %s', (_, protections) => {
    expect(judge(rule, withProtections(protections), 'WebAcl')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['no DataProtectionConfig (portal)', withProps(webAclTemplate(), 'WebAcl', (p) => delete p.DataProtectionConfig)],
    ['no DataProtectionConfig (results)', withProps(webAclTemplate('results'), 'WebAcl', (p) => delete p.DataProtectionConfig)],
    ['no DataProtectionConfig, untagged', withProps(webAclTemplate(), 'WebAcl', (p) => { delete p.DataProtectionConfig; delete p.Tags; })],
    ['the body HASHed (a hashed SSN fragment is brute-forced)', withProtections([body({ Action: 'HASH' })])],
    ['query string only', withProtections([{ Field: { FieldType: 'QUERY_STRING' }, Action: 'SUBSTITUTION' }])],
    ['rule match details excluded', withProtections([body({ ExcludeRuleMatchDetails: true })])],
    ['rate-based details excluded', withProtections([body({ ExcludeRateBasedDetails: true })])],
    ['an empty key list', withProtections([body({ Field: { FieldType: 'BODY', FieldKeys: [] } })])],
    ['listed JSON keys only: other fields stay in clear', withProtections([body({ Field: { FieldType: 'BODY', FieldKeys: ['ssn4', 'dob'] } })])],
    ['a key list narrowed to a comment field', withProtections([body({ Field: { FieldType: 'BODY', FieldKeys: ['comment'] } })])],
    ['no protections', withProtections([])],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'WebAcl')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the logging configuration', () => {
    expect(judge(rule, webAclTemplate(), 'WafLogging')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a config from a parameter', withProps(webAclTemplate(), 'WebAcl', (p) => { p.DataProtectionConfig = { Ref: 'Protection' }; })],
    ['an action from a condition', withProtections([body({ Action: { 'Fn::If': ['Strict', 'SUBSTITUTION', 'HASH'] } })])],
    ['an exclusion from a parameter', withProtections([body({ ExcludeRuleMatchDetails: { Ref: 'Exclude' } })])],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'WebAcl')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  describe('a CLOUDFRONT web ACL that takes no request bodies', () => {
    const unprotected = (template: Template) => withProps(template, 'WebAcl', (p) => delete p.DataProtectionConfig);
    /** The fixture distribution with only GET/HEAD behaviors: the /api/* behavior dropped, AllowedMethods as given. */
    const getOnly = (methods?: string[]) => unprotected(withDistribution((c) => {
      delete c.CacheBehaviors;
      if (methods) (c.DefaultCacheBehavior as Props).AllowedMethods = methods;
    }));
    function secondDistribution(methods: string[]): Template {
      const t = getOnly();
      const copy = JSON.parse(JSON.stringify(t.Distribution)) as Template[string];
      ((copy.Properties!.DistributionConfig as Props).DefaultCacheBehavior as Props).AllowedMethods = methods;
      return { ...t, Second: copy };
    }
    const withBehavior = (template: Template, behavior: Props) => withDistribution((c) => {
      c.CacheBehaviors = [{ PathPattern: '/feed/*', TargetOriginId: 'site', ViewerProtocolPolicy: 'https-only', ...behavior }];
    }, template);

    test.each([
      ['AllowedMethods absent (GET, HEAD)', getOnly()],
      ['AllowedMethods GET, HEAD', getOnly(['GET', 'HEAD'])],
      ['a second GET-only behavior', withBehavior(getOnly(), { AllowedMethods: ['HEAD', 'GET'] })],
      ['two GET-only distributions', secondDistribution(['GET', 'HEAD'])],
    ])('compliant without body redaction: %s', (_, t) => {
      expect(judge(rule, t, 'WebAcl')).toBe(NagRuleCompliance.COMPLIANT);
    });

    test.each([
      ['/api/* allows every method', unprotected(withDistribution((c) => {
        ((c.CacheBehaviors as Props[])[0]).AllowedMethods = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'];
      }))],
      ['an extra behavior allowing POST', withBehavior(getOnly(), { AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'] })],
      ['GET, HEAD and OPTIONS', getOnly(['GET', 'HEAD', 'OPTIONS'])],
      ['a second distribution that takes POST', secondDistribution(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'])],
      ['a REGIONAL web ACL', withProps(getOnly(), 'WebAcl', (p) => { p.Scope = 'REGIONAL'; })],
      ['no distribution of the template uses it', unprotected(withDistribution((c) => { c.WebACLId = 'arn:aws:wafv2:us-east-1:111122223333:global/webacl/other/1234'; delete c.CacheBehaviors; }))],
      ['another resource names it too', { ...getOnly(), Tenant: { Type: 'AWS::CloudFront::DistributionTenant', Properties: { WebAclArn: { 'Fn::GetAtt': ['WebAcl', 'Arn'] } } } }],
    ])('non-compliant without body redaction: %s', (_, t) => {
      expect(judge(rule, t, 'WebAcl')).toBe(NagRuleCompliance.NON_COMPLIANT);
    });

    test.each([
      ['AllowedMethods from a parameter', withBehavior(getOnly(), { AllowedMethods: { Ref: 'Methods' } })],
      ['the behaviors from a condition', unprotected(withDistribution((c) => { c.CacheBehaviors = { 'Fn::If': ['Api', [], []] }; }))],
      ['the scope from a parameter', withProps(getOnly(), 'WebAcl', (p) => { p.Scope = { Ref: 'Scope' }; })],
    ])('unresolvable: %s fails closed', (_, t) => {
      expect(judge(rule, t, 'WebAcl')).toBe(NagRuleCompliance.NON_COMPLIANT);
    });
  });

  describe('through the pack, body redaction removed by an escape hatch', () => {
    test('the results site\'s web ACL, in front of a GET-only distribution, passes', () => {
      const { stack } = newStack();
      const site = new ResultsReportingSite(stack, 'Results');
      site.webAcl.webAcl.addPropertyDeletionOverride('DataProtectionConfig');
      expect(pathsViolating(stack, 'WafDataProtection')).toEqual([]);
    });

    test('the portal\'s CLOUDFRONT web ACL, in front of /api/* that takes POST, fails', () => {
      const { stack } = newStack();
      const portal = new RegistrationPortal(stack, 'Portal', { handler: registrationHandler(stack).function });
      portal.webAcl.webAcl.addPropertyDeletionOverride('DataProtectionConfig');
      expect(pathsViolating(stack, 'WafDataProtection')).toEqual(['Test/Portal/WebAcl/WebAcl']);
    });
  });
});
