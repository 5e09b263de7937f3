import { NagRuleCompliance } from 'cdk-nag';
import { SecretGeneratedStrength as rule } from '../../../lib/rules/secretsmanager/SecretGeneratedStrength';
import { judge } from '../../helpers/template-fixtures';

const originVerify = { ExcludePunctuation: true, IncludeSpace: false, PasswordLength: 48, RequireEachIncludedType: true };
const secret = (generate: unknown) => ({ Secret: { Type: 'AWS::SecretsManager::Secret', Properties: { GenerateSecretString: generate } } });

describe('SecretGeneratedStrength', () => {
  test.each([
    ['our origin-verify secret: 48 letters and digits', secret(originVerify)],
    ['the defaults (32 of every class)', secret({})],
    ['32 characters as a string', secret({ PasswordLength: '32' })],
    ['letters only', secret({ PasswordLength: 40, ExcludeNumbers: true, ExcludePunctuation: true })],
    ['a few excluded characters', secret({ ExcludeCharacters: '"@/\\' })],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Secret')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['6 characters (red team: 48 -> 6)', secret({ ...originVerify, PasswordLength: 6 })],
    ['31 characters', secret({ PasswordLength: 31 })],
    ['digits only', secret({ PasswordLength: 64, ExcludeUppercase: true, ExcludeLowercase: true, ExcludePunctuation: true })],
    ['every letter excluded by ExcludeCharacters', secret({ ExcludePunctuation: true, ExcludeLowercase: true, ExcludeCharacters: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' })],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Secret')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: a secret without a generated value, a resource policy', () => {
    expect(judge(rule, { Secret: { Type: 'AWS::SecretsManager::Secret', Properties: { SecretString: '{{resolve:secretsmanager:x}}' } } }, 'Secret')).toBe(
      NagRuleCompliance.NOT_APPLICABLE,
    );
    expect(judge(rule, { P: { Type: 'AWS::SecretsManager::ResourcePolicy', Properties: {} } }, 'P')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a length from a parameter', secret({ PasswordLength: { Ref: 'Length' } })],
    ['an exclusion flag from a parameter', secret({ ExcludeNumbers: { Ref: 'NoDigits' } })],
    ['excluded characters from a parameter', secret({ ExcludeCharacters: { Ref: 'Excluded' } })],
    ['the whole generator from Fn::If', secret({ 'Fn::If': ['C', {}, { PasswordLength: 6 }] })],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'Secret')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
