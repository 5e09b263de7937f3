import { NagRuleCompliance } from 'cdk-nag';
import { WafDataProtection as rule } from '../../../lib/rules/wafv2/WafDataProtection';
import { Props, webAclTemplate, withProps } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

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
});
