import { NagRuleCompliance } from 'cdk-nag';
import { CognitoUserPoolHardened as rule } from '../../../lib/rules/cognito/CognitoUserPoolHardened';
import { judge } from '../../helpers/template-fixtures';

type Props = Record<string, unknown>;
const complex = { RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true };

/** The staff pool as RegistrationPortal renders it, edited by `edit`. */
function pool(edit: (p: Props, password: Props) => void = () => undefined) {
  const password: Props = { MinimumLength: 14, ...complex, TemporaryPasswordValidityDays: 1 };
  const props: Props = { DeletionProtection: 'ACTIVE', AdminCreateUserConfig: { AllowAdminCreateUserOnly: true }, Policies: { PasswordPolicy: password } };
  edit(props, password);
  return { Pool: { Type: 'AWS::Cognito::UserPool', Properties: props }, Client: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: { Ref: 'Pool' } } } };
}

describe('CognitoUserPoolHardened', () => {
  test.each([
    ['the staff pool default (14 with all four classes)', pool()],
    ['12 with all four classes', pool((_, pw) => { pw.MinimumLength = 12; })],
    ['15 with no composition rules (NIST SP 800-63B-4)', pool((_, pw) => { pw.MinimumLength = '15'; delete pw.RequireSymbols; pw.RequireNumbers = false; })],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Pool')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['deletion protection INACTIVE', pool((p) => { p.DeletionProtection = 'INACTIVE'; })],
    ['deletion protection absent', pool((p) => { delete p.DeletionProtection; })],
    ['self sign-up allowed', pool((p) => { p.AdminCreateUserConfig = { AllowAdminCreateUserOnly: false }; })],
    ['no AdminCreateUserConfig (self sign-up by default)', pool((p) => { delete p.AdminCreateUserConfig; })],
    ['a minimum of 8', pool((_, pw) => { pw.MinimumLength = 8; })],
    ['14 without symbols', pool((_, pw) => { pw.RequireSymbols = false; })],
    ['no password policy (Cognito\'s default of 8)', pool((p) => { delete p.Policies; })],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Pool')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: a user pool client', () => {
    expect(judge(rule, pool(), 'Client')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a minimum length from a parameter', pool((_, pw) => { pw.MinimumLength = { Ref: 'MinLength' }; })],
    ['self sign-up from a condition', pool((p) => { p.AdminCreateUserConfig = { AllowAdminCreateUserOnly: { 'Fn::If': ['Staff', true, false] } }; })],
    ['deletion protection from a parameter', pool((p) => { p.DeletionProtection = { Ref: 'Protect' }; })],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'Pool')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
