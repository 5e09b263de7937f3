import { NagRuleCompliance } from 'cdk-nag';
import { SecretNoPlaintextValue as rule } from '../../../lib/rules/secretsmanager/SecretNoPlaintextValue';
import { judge } from '../../helpers/template-fixtures';

const originVerify = { ExcludePunctuation: true, IncludeSpace: false, PasswordLength: 48, RequireEachIncludedType: true };
const secret = (properties: Record<string, unknown>) => ({
  Db: { Type: 'AWS::RDS::DBCluster', Properties: {} },
  Secret: { Type: 'AWS::SecretsManager::Secret', Properties: { KmsKeyId: 'k', ...properties } },
});

describe('SecretNoPlaintextValue', () => {
  test.each([
    ['a generated value (our origin-verify secret)', secret({ GenerateSecretString: originVerify })],
    ['a generated JSON secret with a user name', secret({ GenerateSecretString: { SecretStringTemplate: '{"username":"app"}', GenerateStringKey: 'password' } })],
    ['no value at all', secret({})],
    ['a value made of a resource attribute', secret({ SecretString: { 'Fn::GetAtt': ['Db', 'Endpoint.Address'] } })],
    ['a copy of another secret by dynamic reference', secret({ SecretString: '{{resolve:secretsmanager:prod/db}}' })],
    ['a Sub whose variable is a resource attribute', secret({ SecretString: { 'Fn::Sub': ['${Host}', { Host: { 'Fn::GetAtt': ['Db', 'Endpoint.Address'] } }] } })],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Secret')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['letmein instead of a generated value (red team)', secret({ SecretString: 'letmein' })],
    ['a JSON secret written in the template', secret({ SecretString: '{"username":"app","password":"hunter2"}' })],
    ['literal text joined to a reference', secret({ SecretString: { 'Fn::Join': ['', ['hunter2@', { 'Fn::GetAtt': ['Db', 'Endpoint.Address'] }]] } })],
    ['literal text in Fn::Sub', secret({ SecretString: { 'Fn::Sub': 'pw-${AWS::AccountId}' } })],
    ['a Sub variable bound to literal text', secret({ SecretString: { 'Fn::Sub': ['${Pw}', { Pw: 'hunter2' }] } })],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Secret')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('cannot be waived', () => {
    expect(rule.waivable).toBe(false);
  });

  test('not applicable: a secret resource policy', () => {
    expect(judge(rule, { P: { Type: 'AWS::SecretsManager::ResourcePolicy', Properties: {} } }, 'P')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a value from a parameter', secret({ SecretString: { Ref: 'Password' } })],
    ['a value from an import', secret({ SecretString: { 'Fn::ImportValue': 'password' } })],
    ['a value from Fn::If', secret({ SecretString: { 'Fn::If': ['C', 'a', 'b'] } })],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'Secret')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
