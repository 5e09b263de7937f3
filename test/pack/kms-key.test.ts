import { KeyKind, keyKind } from '../../lib/pack/kms-key';
import { StackTemplate } from '../../lib/pack/template-model';

const template = StackTemplate.fromResources({
  Key: { Type: 'AWS::KMS::Key', Properties: {} },
  Alias: { Type: 'AWS::KMS::Alias', Properties: { AliasName: 'alias/county-records', TargetKeyId: { Ref: 'Key' } } },
  Bucket: { Type: 'AWS::S3::Bucket', Properties: {} },
});
const kind = (value: unknown) => keyKind(value, template);
const aliasArnOf = (region: unknown, account: unknown, alias: string) => ({
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':kms:', region, ':', account, `:${alias}`]],
});

describe('keyKind: what a template can tell of a KMS key', () => {
  test.each([
    ['GetAtt of a key of the template', { 'Fn::GetAtt': ['Key', 'Arn'] }],
    ['Ref of a key of the template', { Ref: 'Key' }],
    ['Ref of an alias of the template', { Ref: 'Alias' }],
    ['a key ARN', 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
    ['a GovCloud key ARN', 'arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
    ['a key id', '1234abcd-12ab-34cd-56ef-1234567890ab'],
    ['a multi-Region key id', 'mrk-1234abcd12ab34cd56ef1234567890ab'],
    ['an alias name', 'alias/county-records'],
    ['an alias ARN', 'arn:aws:kms:us-east-1:111122223333:alias/county-records'],
    ['kms.Alias.fromAliasName in a stack with env', aliasArnOf('us-east-1', '111111111111', 'alias/county-records')],
    ['kms.Alias.fromAliasName in an env-agnostic stack', aliasArnOf({ Ref: 'AWS::Region' }, { Ref: 'AWS::AccountId' }, 'alias/county-records')],
    ['an alias of the template in an ARN (new kms.Alias as the key)', { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':kms:us-east-1:111111111111:', { Ref: 'Alias' }]] }],
    ['Fn::Sub of an alias ARN', { 'Fn::Sub': 'arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:alias/county-records' }],
    ['Fn::If of two customer keys', { 'Fn::If': ['Prod', { 'Fn::GetAtt': ['Key', 'Arn'] }, 'alias/county-records'] }],
  ])('customer-managed: %s', (_, value) => {
    expect(kind(value)).toBe(KeyKind.CUSTOMER_MANAGED);
  });

  test.each([
    ['no key', undefined],
    ['an AWS-managed alias', 'alias/aws/s3'],
    ['an AWS-managed alias ARN', 'arn:aws:kms:us-east-1:111122223333:alias/aws/sns'],
    ['an AWS-managed alias ARN built with Fn::Join', aliasArnOf({ Ref: 'AWS::Region' }, { Ref: 'AWS::AccountId' }, 'alias/aws/dynamodb')],
    ['an AWS-managed alias behind a parameter for the Region', aliasArnOf({ Ref: 'RegionParam' }, '111122223333', 'alias/aws/s3')],
    ['an empty string', ''],
    ['text that names no key', 'my-key'],
    ['a reference to a resource that is not a key', { 'Fn::GetAtt': ['Bucket', 'Arn'] }],
    ['Fn::If with an AWS-managed branch', { 'Fn::If': ['Prod', { Ref: 'Key' }, 'alias/aws/s3'] }],
    ['Fn::If with no key in a branch', { 'Fn::If': ['Prod', { Ref: 'Key' }, { Ref: 'AWS::NoValue' }] }],
    ['a number', 42],
  ])('AWS-managed or none: %s', (_, value) => {
    expect(kind(value)).toBe(KeyKind.AWS_MANAGED);
  });

  test.each([
    ['a parameter', { Ref: 'KeyArnParam' }],
    ['an import', { 'Fn::ImportValue': 'shared-key-arn' }],
    ["CDK's weak cross-stack reference", { 'Fn::GetStackOutput': { StackName: 'Keys', OutputName: 'KeyArn' } }],
    ['an SSM dynamic reference', '{{resolve:ssm:/county/records-key-arn}}'],
    ['an SSM dynamic reference inside Fn::Join', { 'Fn::Join': ['', ['{{resolve:ssm:/county/', 'records-key}}']] }],
    ['an ARN with a parameter for the alias', { 'Fn::Join': ['', ['arn:aws:kms:us-east-1:111122223333:', { Ref: 'AliasParam' }]] }],
    ['Fn::If of a key and a parameter', { 'Fn::If': ['Prod', { Ref: 'Key' }, { Ref: 'KeyArnParam' }] }],
    ['Fn::Select from a parameter list', { 'Fn::Select': [0, { Ref: 'Keys' }] }],
  ])('unresolvable: %s', (_, value) => {
    expect(kind(value)).toBe(KeyKind.UNRESOLVABLE);
  });
});
