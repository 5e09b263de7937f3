import { NagRuleCompliance } from 'cdk-nag';
import { namesSecret } from '../../../lib/baseline/plaintext-secrets';
import { LambdaNoPlaintextSecrets as rule } from '../../../lib/rules/lambda/LambdaNoPlaintextSecrets';
import { judge } from '../../helpers/template-fixtures';

const fn = (environment: unknown) => ({
  Table: { Type: 'AWS::DynamoDB::Table', Properties: {} },
  Secret: { Type: 'AWS::SecretsManager::Secret', Properties: {} },
  AdminKey: { Type: 'AWS::IAM::AccessKey', Properties: { UserName: 'u' } },
  Fn: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'nodejs24.x', ...(environment === undefined ? {} : { Environment: environment }) } },
});
const vars = (variables: Record<string, unknown>) => fn({ Variables: { TABLE_NAME: { Ref: 'Table' }, ...variables } });

describe('LambdaNoPlaintextSecrets', () => {
  test.each([
    ['no environment', fn(undefined)],
    ['the table name only (our handler)', vars({})],
    ['a secret ARN', vars({ DB_SECRET_ARN: { Ref: 'Secret' } })],
    ['a secret name written in the template', vars({ DB_PASSWORD_SECRET_NAME: 'prod/registration/db' })],
    ['a token table name', vars({ TOKEN_TABLE_NAME: { Ref: 'Table' } })],
    ['an id that names a secret', vars({ SECRET_ID: 'prod/registration/db' })],
    ['a secret-named variable that references a resource', vars({ dbPassword: { 'Fn::GetAtt': ['Secret', 'Id'] } })],
    ['an empty secret-named value', vars({ API_TOKEN: '' })],
    ['a plain ssm dynamic reference', vars({ LOG_LEVEL: '{{resolve:ssm:/county/log-level}}' })],
    ['ordinary settings', vars({ LOG_LEVEL: 'INFO', KEYWORDS: 'ballot,precinct', PWD: '/var/task' })],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Fn')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['DB_PASSWORD written in the template (red team)', vars({ DB_PASSWORD: 'Sup3rS3cret!' })],
    ['camelCase dbPassword', vars({ dbPassword: 'hunter2' })],
    ['an API key', vars({ VENDOR_API_KEY: 'abc123' })],
    ['apiKey', vars({ apiKey: 'abc123' })],
    ['a client secret', vars({ OAUTH_CLIENT_SECRET: 'x' })],
    ['a token', vars({ GITHUB_TOKEN: 'ghp_x' })],
    ['a credential', vars({ SMTP_CREDENTIALS: 'user:pass' })],
    ['a secret from a parameter', vars({ DB_PASSWORD: { Ref: 'DbPassword' } })],
    ['a secret built with literal text', vars({ DB_PASSWORD: { 'Fn::Join': ['', ['pre-', { Ref: 'Table' }]] } })],
    ['an access key secret', vars({ AWS_SECRET_ACCESS_KEY: { 'Fn::GetAtt': ['AdminKey', 'SecretAccessKey'] } })],
    ['an access key id in any variable', vars({ VENDOR_ID: 'AKIAIOSFODNN7EXAMPLE' })],
    ['a private key in any variable', vars({ SIGNING: '-----BEGIN RSA PRIVATE KEY-----\nMIIE...' })],
    ['a secretsmanager dynamic reference', vars({ DB_CONN: '{{resolve:secretsmanager:prod/db:SecretString:password}}' })],
    ['a secretsmanager dynamic reference inside a Join', vars({ DB_URL: { 'Fn::Join': ['', ['postgres://app:', '{{resolve:secretsmanager:db}}', '@host']] } })],
    ['a secret-named variable resolved from a plain ssm parameter', vars({ DB_PASSWORD: '{{resolve:ssm:/county/db-password}}' })],
    ['an ssm-secure dynamic reference', vars({ X: '{{resolve:ssm-secure:/county/x:1}}' })],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Fn')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each([
    ['DB_PASSWORD', true], ['dbPassword', true], ['API_KEY', true], ['privateKey', true], ['SECRET', true], ['x-auth-token', true],
    ['SECRET_ARN', false], ['TOKEN_TABLE_NAME', false], ['API_KEY_ID', false], ['TOKEN_URL', false], ['KEYWORDS', false], ['TOKENIZER', false],
  ])('a name like %s says it holds a secret: %s', (name, expected) => {
    expect(namesSecret(name as string)).toBe(expected);
  });

  test('not applicable: a permission', () => {
    expect(judge(rule, { P: { Type: 'AWS::Lambda::Permission', Properties: {} } }, 'P')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['an Environment from Fn::If', fn({ 'Fn::If': ['C', { Variables: {} }, { Ref: 'AWS::NoValue' }] })],
    ['Variables from a parameter', fn({ Variables: { Ref: 'Vars' } })],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'Fn')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
