import { NagRuleCompliance } from 'cdk-nag';
import { SecurityHubDelegatedAdminSeparate as rule } from '../../../lib/rules/securityhub/SecurityHubDelegatedAdminSeparate';
import { StackTemplate } from '../../../lib/pack/template-model';
import { judge } from '../../helpers/template-fixtures';

const delegation = (AdminAccountId: unknown) => ({ Admin: { Type: 'AWS::SecurityHub::DelegatedAdmin', Properties: { AdminAccountId } }, Hub: { Type: 'AWS::SecurityHub::Hub' } });
/** Judged in a stack whose own account (the management account) is known. */
const inManagementAccount = (AdminAccountId: unknown) => {
  const template = StackTemplate.fromResources(delegation(AdminAccountId), { own: '111111111111', trusted: new Set() });
  return rule.check(template.get('Admin')!, template);
};

describe('SecurityHubDelegatedAdminSeparate', () => {
  test('compliant: the security-tooling account, named by its id', () => {
    expect(judge(rule, delegation('333333333333'), 'Admin')).toBe(NagRuleCompliance.COMPLIANT);
    expect(inManagementAccount('333333333333')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('non-compliant: the management account delegating to itself, literally or by AWS::AccountId', () => {
    expect(inManagementAccount('111111111111')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, delegation({ Ref: 'AWS::AccountId' }), 'Admin')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the hub itself', () => {
    expect(judge(rule, delegation('333333333333'), 'Hub')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a parameter', { Ref: 'AdminAccount' }],
    ['an import', { 'Fn::ImportValue': 'SecurityToolingAccount' }],
    ['not an account id', '33333333333'],
  ])('unresolvable: %s fails closed', (_, value) => {
    expect(judge(rule, delegation(value), 'Admin')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
