import { NagRuleCompliance } from 'cdk-nag';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { CognitoMfaRequired as rule } from '../../../lib/rules/cognito/CognitoMfaRequired';
import { newStack, pathsViolating } from '../../helpers/pack-harness';
import { judge } from '../../helpers/template-fixtures';

const pool = (props: Record<string, unknown>) => ({
  Pool: { Type: 'AWS::Cognito::UserPool', Properties: { UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' }, ...props } },
  Client: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: { Ref: 'Pool' } } },
});

describe('CognitoMfaRequired', () => {
  test.each([
    ['TOTP only', ['SOFTWARE_TOKEN_MFA']],
    ['TOTP beside SMS and email', ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP']],
  ])('compliant: MFA ON with %s', (_, factors) => {
    expect(judge(rule, pool({ MfaConfiguration: 'ON', EnabledMfas: factors }), 'Pool')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['MFA OPTIONAL', { MfaConfiguration: 'OPTIONAL', EnabledMfas: ['SOFTWARE_TOKEN_MFA'] }],
    ['MFA OFF', { MfaConfiguration: 'OFF' }],
    ['no MFA setting (OFF)', {}],
    ['MFA ON with SMS only', { MfaConfiguration: 'ON', EnabledMfas: ['SMS_MFA'] }],
    ['MFA ON with email only', { MfaConfiguration: 'ON', EnabledMfas: ['EMAIL_OTP'] }],
    ['MFA ON with no factors listed', { MfaConfiguration: 'ON' }],
  ])('non-compliant: %s', (_, props) => {
    expect(judge(rule, pool(props), 'Pool')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: a user pool client', () => {
    expect(judge(rule, pool({}), 'Client')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['MfaConfiguration from a parameter', { MfaConfiguration: { Ref: 'Mfa' }, EnabledMfas: ['SOFTWARE_TOKEN_MFA'] }],
    ['factors from a condition', { MfaConfiguration: 'ON', EnabledMfas: { 'Fn::If': ['Totp', ['SOFTWARE_TOKEN_MFA'], []] } }],
  ])('unresolvable: %s fails closed', (_, props) => {
    expect(judge(rule, pool(props), 'Pool')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('through the pack: Mfa.REQUIRED with otp passes; Mfa.OPTIONAL fails', () => {
    const { stack } = newStack();
    const required = new cognito.UserPool(stack, 'Required', { mfa: cognito.Mfa.REQUIRED, mfaSecondFactor: { otp: true, sms: false } });
    const optional = new cognito.UserPool(stack, 'Optional', { mfa: cognito.Mfa.OPTIONAL, mfaSecondFactor: { otp: true, sms: false } });
    const paths = pathsViolating(stack, 'CognitoMfaRequired');
    expect(paths).toContain(`${optional.node.path}/Resource`);
    expect(paths).not.toContain(`${required.node.path}/Resource`);
  });
});
