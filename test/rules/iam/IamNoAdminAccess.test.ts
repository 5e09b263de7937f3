import { NagRuleCompliance } from 'cdk-nag';
import { IamNoAdminAccess as rule } from '../../../lib/rules/iam/IamNoAdminAccess';
import { judge } from '../../helpers/template-fixtures';

const tableArn = { 'Fn::GetAtt': ['Table', 'Arn'] };
const ownLogGroups = {
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':log-group:*']],
};
const tableAccess = { Sid: 'StoreAndReadSubmissions', Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:PutItem'], Resource: tableArn };
const traces = { Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: '*' };
const apiLogging = {
  Effect: 'Allow',
  Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:DescribeLogGroups', 'logs:DescribeLogStreams', 'logs:PutLogEvents'],
  Resource: ownLogGroups,
};

const base = {
  Table: { Type: 'AWS::DynamoDB::Table', Properties: {} },
  Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Statement: [] } } },
};
const managedPolicy = (...statements: unknown[]) => ({
  ...base,
  Policy: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: { Version: '2012-10-17', Statement: statements }, Roles: [{ Ref: 'Role' }] } },
});
const role = (properties: Record<string, unknown>) => ({
  ...managedPolicy(traces),
  Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Statement: [] }, ...properties } },
});
/** What SecureBucket grants on a key known only by alias: the account's keys narrowed to the one carrying the alias. */
const keysCarrying = (alias: unknown, resource: unknown = 'arn:aws:kms:us-east-1:111122223333:key/*', operator = 'ForAnyValue:StringEquals') => ({
  Effect: 'Allow',
  Action: 'kms:Decrypt',
  Resource: resource,
  Condition: { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' }, [operator]: { 'kms:ResourceAliases': alias } },
});
const awsManaged = (name: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::aws:policy/${name}`]] });

describe('IamNoAdminAccess', () => {
  test.each([
    ['scoped table access and X-Ray on *', managedPolicy(tableAccess, traces)],
    ['log writing on the account log groups', managedPolicy(apiLogging)],
    ['a Deny of * on *', managedPolicy(tableAccess, { Effect: 'Deny', Action: '*', Resource: '*' })],
    ['iam:PassRole on one role', managedPolicy({ Effect: 'Allow', Action: 'iam:PassRole', Resource: { 'Fn::GetAtt': ['Role', 'Arn'] } })],
    ['s3:GetObject on one bucket\'s objects', managedPolicy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::county-results/*' })],
    ['read-only listing on *', managedPolicy({ Effect: 'Allow', Action: ['s3:ListAllMyBuckets', 'dynamodb:ListTables'], Resource: '*' })],
    ["s3:PutObject on another stack's bucket objects (a cross-stack grant, by export)", managedPolicy({
      Effect: 'Allow', Action: 's3:PutObject', Resource: { 'Fn::Join': ['', [{ 'Fn::ImportValue': 'Data:ExportsOutputFnGetAttRecordsArn' }, '/*']] },
    })],
    ["dynamodb:PutItem on another stack's table (a weak cross-stack reference)", managedPolicy({
      Effect: 'Allow', Action: 'dynamodb:PutItem', Resource: { 'Fn::GetStackOutput': { StackName: 'Data', OutputName: 'TableArn' } },
    })],
    ['kms:Decrypt on the keys of one account and Region carrying one alias', managedPolicy(keysCarrying('alias/county-records'))],
    ['the same, rendered by CDK with pseudo parameters', managedPolicy(keysCarrying(['alias/county-records'], {
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':kms:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':key/*']],
    }))],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Policy')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['the basic execution role', [awsManaged('service-role/AWSLambdaBasicExecutionRole')]],
    ['a customer-managed policy of the template', [{ Ref: 'Policy' }]],
    ['a customer-managed policy by ARN', ['arn:aws:iam::111122223333:policy/county-readonly']],
    ['ReadOnlyAccess', ['arn:aws:iam::aws:policy/ReadOnlyAccess']],
  ])('compliant role: %s', (_, arns) => {
    expect(judge(rule, role({ ManagedPolicyArns: arns }), 'Role')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['dynamodb:* on the table (red team)', managedPolicy({ ...tableAccess, Action: 'dynamodb:*' })],
    ['table actions on * (red team)', managedPolicy({ ...tableAccess, Resource: '*' })],
    ['iam:PassRole, iam:CreateRole, lambda:* on * (red team)', managedPolicy(tableAccess, { Effect: 'Allow', Action: ['iam:PassRole', 'iam:CreateRole', 'lambda:*'], Resource: '*' })],
    ['iam:PassRole alone on *', managedPolicy({ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' })],
    ['NotAction iam:* on * (red team)', managedPolicy(tableAccess, { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })],
    ['* on * (red team)', managedPolicy(tableAccess, { Effect: 'Allow', Action: '*', Resource: '*' })],
    ['trail tampering on * (red team)', managedPolicy({ Effect: 'Allow', Action: ['cloudtrail:StopLogging', 'cloudtrail:DeleteTrail', 'logs:DeleteLogGroup'], Resource: '*' })],
    ['a pattern that covers a sensitive action on *', managedPolicy({ Effect: 'Allow', Action: 'iam:Put*', Resource: '*' })],
    ['s3:GetObject on every bucket', managedPolicy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::*/*' })],
    ['dynamodb:Scan on every table', managedPolicy({ Effect: 'Allow', Action: 'dynamodb:Scan', Resource: 'arn:aws:dynamodb:*:*:table/*' })],
    ['a table action with NotResource', managedPolicy({ Effect: 'Allow', Action: 'dynamodb:GetItem', NotResource: tableArn })],
    ['a service wildcard in the service part', managedPolicy({ Effect: 'Allow', Action: '*:Get*', Resource: tableArn })],
    ['an Effect that is not literally Deny', managedPolicy({ Effect: { 'Fn::If': ['C', 'Allow', 'Deny'] }, Action: '*', Resource: '*' })],
    ['kms:Decrypt on every key, without an alias condition', managedPolicy({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:us-east-1:111122223333:key/*' })],
    ['kms:Decrypt on keys carrying any alias that matches a pattern', managedPolicy(keysCarrying('alias/*', undefined, 'ForAnyValue:StringLike'))],
    ['kms:Decrypt on keys carrying an alias, in every account', managedPolicy(keysCarrying('alias/county-records', 'arn:aws:kms:us-east-1:*:key/*'))],
    ['kms:Decrypt on * narrowed by an alias (not only keys)', managedPolicy(keysCarrying('alias/county-records', '*'))],
    ['kms:Decrypt on keys narrowed by an alias from a parameter', managedPolicy(keysCarrying({ Ref: 'Alias' }))],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Policy')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each([
    ['AdministratorAccess (red team)', ['arn:aws:iam::aws:policy/AdministratorAccess']],
    ['AdministratorAccess through Fn::Join', [awsManaged('AdministratorAccess')]],
    ['PowerUserAccess', ['arn:aws-us-gov:iam::aws:policy/PowerUserAccess']],
    ['IAMFullAccess', ['arn:aws:iam::aws:policy/IAMFullAccess']],
    ['AmazonDynamoDBFullAccess', ['arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess']],
    ['job-function/SystemAdministrator', ['arn:aws:iam::aws:policy/job-function/SystemAdministrator']],
  ])('non-compliant role: %s', (_, arns) => {
    expect(judge(rule, role({ ManagedPolicyArns: arns }), 'Role')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each(['AWS::IAM::User', 'AWS::IAM::Group'])('inline policies of a %s are read too', (type) => {
    const t = (statement: unknown) => ({ X: { Type: type, Properties: { Policies: [{ PolicyName: 'p', PolicyDocument: { Statement: [statement] } }] } } });
    expect(judge(rule, t(traces), 'X')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, t({ Effect: 'Allow', Action: '*', Resource: '*' }), 'X')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('an AWS::IAM::Policy is judged by its document', () => {
    const t = (statement: unknown) => ({ P: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'p', PolicyDocument: { Statement: statement }, Roles: ['r'] } } });
    expect(judge(rule, t(traces), 'P')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, t({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b' }), 'P')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: a bucket policy', () => {
    expect(judge(rule, { B: { Type: 'AWS::S3::BucketPolicy', Properties: {} } }, 'B')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a policy document from a parameter', { P: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: { Ref: 'Doc' } } } }, 'P'],
    ['inline policies from a condition', role({ Policies: { 'Fn::If': ['C', [], []] } }), 'Role'],
    ['an action from a parameter', managedPolicy({ Effect: 'Allow', Action: { Ref: 'Action' }, Resource: tableArn }), 'Policy'],
    ['a sensitive action on a resource from a parameter', managedPolicy({ Effect: 'Allow', Action: 'dynamodb:Scan', Resource: { Ref: 'TableArn' } }), 'Policy'],
    ['a managed policy ARN from a parameter', role({ ManagedPolicyArns: [{ Ref: 'PolicyArn' }] }), 'Role'],
    ['the managed policy list from an import', role({ ManagedPolicyArns: { 'Fn::ImportValue': 'x' } }), 'Role'],
  ])('unresolvable: %s fails closed', (_, t, id) => {
    expect(judge(rule, t, id)).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
