import { NagRuleCompliance } from 'cdk-nag';
import { SecretPolicyNoForeignAccount as rule } from '../../../lib/rules/secretsmanager/SecretPolicyNoForeignAccount';
import { allow, documentOf, foreignFindings, ownRoot } from '../../helpers/foreign-account-fixtures';
import { Body, judge } from '../../helpers/template-fixtures';

const secret = (policy: unknown): Record<string, Body> => ({
  Secret: { Type: 'AWS::SecretsManager::Secret', Properties: {} },
  Policy: { Type: 'AWS::SecretsManager::ResourcePolicy', Properties: { SecretId: { Ref: 'Secret' }, ResourcePolicy: policy } },
});

describe('SecretPolicyNoForeignAccount', () => {
  test('compliant: the own account, and a deny to everyone else', () => {
    const t = secret(documentOf(allow({ AWS: ownRoot }), { Effect: 'Deny', Principal: { AWS: '999999999999' }, Action: '*', Resource: '*' }));
    expect(judge(rule, t, 'Policy')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('non-compliant: a vendor account, in a JSON string', () => {
    const t = secret(JSON.stringify(documentOf(allow({ AWS: 'arn:aws:iam::999999999999:role/vendor-support' }, { Action: 'secretsmanager:GetSecretValue' }))));
    expect(judge(rule, t, 'Policy')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(foreignFindings(rule, t, 'Policy')).toEqual(['Account::999999999999']);
  });

  test('not applicable: the secret', () => {
    expect(judge(rule, secret(documentOf()), 'Secret')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: a policy from a parameter is Account::unresolved', () => {
    expect(foreignFindings(rule, secret({ Ref: 'SecretPolicy' }), 'Policy')).toEqual(['Account::unresolved']);
  });
});
