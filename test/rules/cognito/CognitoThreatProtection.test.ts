import { NagRuleCompliance } from 'cdk-nag';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { CognitoThreatProtection as rule } from '../../../lib/rules/cognito/CognitoThreatProtection';
import { newStack, pathsViolating } from '../../helpers/pack-harness';
import { judge } from '../../helpers/template-fixtures';

const pool = (props: Record<string, unknown>) => ({
  Pool: { Type: 'AWS::Cognito::UserPool', Properties: { MfaConfiguration: 'ON', EnabledMfas: ['SOFTWARE_TOKEN_MFA'], ...props } },
  Domain: { Type: 'AWS::Cognito::UserPoolDomain', Properties: { UserPoolId: { Ref: 'Pool' }, Domain: 'county-staff' } },
});

describe('CognitoThreatProtection', () => {
  test.each([
    ['ENFORCED on the Plus plan', { UserPoolTier: 'PLUS', UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' } }],
    ['ENFORCED, plan not stated', { UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' } }],
  ])('compliant: %s', (_, props) => {
    expect(judge(rule, pool(props), 'Pool')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['AUDIT only', { UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' } }],
    ['OFF', { UserPoolAddOns: { AdvancedSecurityMode: 'OFF' } }],
    ['no add-ons', {}],
    ['ENFORCED on the Essentials plan, which has no threat protection', { UserPoolTier: 'ESSENTIALS', UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' } }],
  ])('non-compliant: %s', (_, props) => {
    expect(judge(rule, pool(props), 'Pool')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: a user pool domain', () => {
    expect(judge(rule, pool({}), 'Domain')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: the mode from a parameter fails closed', () => {
    expect(judge(rule, pool({ UserPoolAddOns: { AdvancedSecurityMode: { Ref: 'Mode' } } }), 'Pool')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('through the pack: standardThreatProtectionMode FULL_FUNCTION on PLUS passes; AUDIT_ONLY fails', () => {
    const { stack } = newStack();
    const enforced = new cognito.UserPool(stack, 'Enforced', {
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
    });
    const audit = new cognito.UserPool(stack, 'Audit', {
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.AUDIT_ONLY,
    });
    const paths = pathsViolating(stack, 'CognitoThreatProtection');
    expect(paths).toContain(`${audit.node.path}/Resource`);
    expect(paths).not.toContain(`${enforced.node.path}/Resource`);
  });
});
