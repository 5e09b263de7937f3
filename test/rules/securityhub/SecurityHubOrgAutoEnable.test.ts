import { NagRuleCompliance } from 'cdk-nag';
import { SecurityHubOrgAutoEnable as rule } from '../../../lib/rules/securityhub/SecurityHubOrgAutoEnable';
import { judge } from '../../helpers/template-fixtures';

const orgConfig = (properties: Record<string, unknown>) => ({ Org: { Type: 'AWS::SecurityHub::OrganizationConfiguration', Properties: properties } });

describe('SecurityHubOrgAutoEnable', () => {
  test.each([
    ['LOCAL, auto-enable, default standards', { ConfigurationType: 'LOCAL', AutoEnable: true, AutoEnableStandards: 'DEFAULT' }],
    ['auto-enable with the defaults left implicit', { AutoEnable: 'true' }],
  ])('compliant: %s', (_, properties) => {
    expect(judge(rule, orgConfig(properties), 'Org')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['auto-enable off', { ConfigurationType: 'LOCAL', AutoEnable: false }],
    ['new accounts without the default standards', { AutoEnable: true, AutoEnableStandards: 'NONE' }],
    ['CENTRAL (policies not judged here)', { ConfigurationType: 'CENTRAL', AutoEnable: false }],
  ])('non-compliant: %s', (_, properties) => {
    expect(judge(rule, orgConfig(properties), 'Org')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('unresolvable: AutoEnable from a parameter fails closed', () => {
    expect(judge(rule, orgConfig({ AutoEnable: { Ref: 'On' } }), 'Org')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: a standard', () => {
    expect(judge(rule, { Std: { Type: 'AWS::SecurityHub::Standard', Properties: {} } }, 'Std')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });
});
