import { NagRuleCompliance } from 'cdk-nag';
import { DynamoDbNoOpenResourcePolicy as rule } from '../../../lib/rules/dynamodb/DynamoDbNoOpenResourcePolicy';
import { judge } from '../../helpers/template-fixtures';

const piiTags = [{ Key: 'election:data-class', Value: 'voter-pii' }];
const policy = (...statements: unknown[]) => ({ PolicyDocument: { Version: '2012-10-17', Statement: statements } });
const allow = (principal: unknown, extra: Record<string, unknown> = {}) => ({ Effect: 'Allow', Principal: principal, Action: 'dynamodb:*', Resource: '*', ...extra });
const table = (props: Record<string, unknown>) => ({
  Table: { Type: 'AWS::DynamoDB::Table', Properties: { KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], Tags: piiTags, ...props } },
  Key: { Type: 'AWS::KMS::Key', Properties: {} },
});
const globalTable = (replica: Record<string, unknown>) => ({
  Table: { Type: 'AWS::DynamoDB::GlobalTable', Properties: { Replicas: [{ Region: 'us-east-1', Tags: piiTags }, { Region: 'us-west-2', Tags: piiTags, ...replica }] } },
});

describe('DynamoDbNoOpenResourcePolicy', () => {
  test.each([
    ['no resource policy (RegistrationPortal)', table({})],
    ['one account by ARN', table({ ResourcePolicy: policy(allow({ AWS: 'arn:aws:iam::111122223333:role/reporting' }, { Action: 'dynamodb:GetItem' })) })],
    ['* limited to the organization', table({ ResourcePolicy: policy(allow('*', { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } })) })],
    ['* limited to this account', table({ ResourcePolicy: policy(allow('*', { Condition: { StringEquals: { 'aws:PrincipalAccount': { Ref: 'AWS::AccountId' } } } })) })],
    ['a Deny for everyone', table({ ResourcePolicy: policy({ Effect: 'Deny', Principal: '*', Action: 'dynamodb:DeleteTable', Resource: '*' }) })],
    ['a policy written as a JSON string', table({ ResourcePolicy: { PolicyDocument: JSON.stringify({ Statement: [allow({ AWS: 'arn:aws:iam::111122223333:root' })] }) } })],
    ['a global table without policies', globalTable({})],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Table')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['Allow AWS * dynamodb:* (red team)', table({ ResourcePolicy: policy(allow({ AWS: '*' })) })],
    ['Allow * with a condition that does not narrow who', table({ ResourcePolicy: policy(allow('*', { Condition: { Bool: { 'aws:SecureTransport': 'true' } } })) })],
    ['Allow * with aws:PrincipalAccount "*"', table({ ResourcePolicy: policy(allow('*', { Condition: { StringLike: { 'aws:PrincipalAccount': '*' } } })) })],
    ['NotPrincipal', table({ ResourcePolicy: policy({ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::1:root' }, Action: 'dynamodb:Scan', Resource: '*' }) })],
    ['an open stream policy', table({ StreamSpecification: { StreamViewType: 'NEW_IMAGE', ResourcePolicy: policy(allow('*', { Action: 'dynamodb:GetRecords' })) } })],
    ['an open policy on a global table replica', globalTable({ ResourcePolicy: policy(allow({ AWS: '*' })) })],
    ['an open stream policy on a global table replica', globalTable({ ReplicaStreamSpecification: { ResourcePolicy: policy(allow('*')) } })],
    ['an operational table opened to everyone', table({ Tags: [{ Key: 'election:data-class', Value: 'operational' }], ResourcePolicy: policy(allow('*')) })],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Table')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: a key', () => {
    expect(judge(rule, table({}), 'Key')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a policy document from a parameter', table({ ResourcePolicy: { PolicyDocument: { Ref: 'Doc' } } })],
    ['a resource policy from a condition', table({ ResourcePolicy: { 'Fn::If': ['Share', policy(allow('*')), { Ref: 'AWS::NoValue' }] } })],
    ['a principal from a parameter', table({ ResourcePolicy: policy(allow({ AWS: { Ref: 'Who' } })) })],
    ['a condition from Fn::If', table({ ResourcePolicy: policy(allow('*', { Condition: { 'Fn::If': ['C', { StringEquals: { 'aws:PrincipalAccount': '1' } }, { Ref: 'AWS::NoValue' }] } })) })],
    ['a malformed JSON policy', table({ ResourcePolicy: { PolicyDocument: '{"Statement": [' } })],
    ['global table replicas from a parameter', { Table: { Type: 'AWS::DynamoDB::GlobalTable', Properties: { Replicas: { Ref: 'Replicas' } } } }],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'Table')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
