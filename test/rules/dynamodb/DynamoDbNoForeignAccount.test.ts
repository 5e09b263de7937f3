import { NagRuleCompliance } from 'cdk-nag';
import { DynamoDbNoForeignAccount as rule } from '../../../lib/rules/dynamodb/DynamoDbNoForeignAccount';
import { allow, documentOf, foreignFindings, OWN, ownRoot } from '../../helpers/foreign-account-fixtures';
import { Body, judge } from '../../helpers/template-fixtures';

const read = (principal: unknown) => ({ PolicyDocument: documentOf(allow({ AWS: principal }, { Action: 'dynamodb:GetItem' })) });
const table = (properties: Record<string, unknown>): Record<string, Body> => ({ Table: { Type: 'AWS::DynamoDB::Table', Properties: properties } });
const globalTable = (...replicas: unknown[]): Record<string, Body> => ({ Table: { Type: 'AWS::DynamoDB::GlobalTable', Properties: { Replicas: replicas } } });

describe('DynamoDbNoForeignAccount', () => {
  test.each([
    ['no resource policy', table({})],
    ['the own account on the table and its stream', table({ ResourcePolicy: read(ownRoot), StreamSpecification: { StreamViewType: 'NEW_IMAGE', ResourcePolicy: read(ownRoot) } })],
    ['replicas read by the own account', globalTable({ Region: 'us-east-1', ResourcePolicy: read(ownRoot) }, { Region: 'us-west-2' })],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Table')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('compliant: the own account written out', () => {
    expect(foreignFindings(rule, table({ ResourcePolicy: read(`arn:aws:iam::${OWN}:role/results`) }), 'Table')).toEqual([]);
  });

  test.each([
    ['a foreign account on the table', table({ ResourcePolicy: read('999999999999') }), ['Account::999999999999']],
    ['a foreign account on the stream', table({ StreamSpecification: { StreamViewType: 'NEW_IMAGE', ResourcePolicy: read('arn:aws:iam::888888888888:root') } }), ['Account::888888888888']],
    ['a foreign account on the second replica\'s stream', globalTable(
      { Region: 'us-east-1' },
      { Region: 'us-west-2', ReplicaStreamSpecification: { ResourcePolicy: read('999999999999') } },
    ), ['Account::999999999999']],
    ['a policy document as a JSON string', table({ ResourcePolicy: { PolicyDocument: JSON.stringify(read('999999999999').PolicyDocument) } }), ['Account::999999999999']],
  ])('non-compliant: %s', (_, t, expected) => {
    expect(judge(rule, t, 'Table')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(foreignFindings(rule, t, 'Table')).toEqual(expected);
  });

  test('not applicable: a stream consumer', () => {
    expect(judge(rule, { M: { Type: 'AWS::Lambda::EventSourceMapping', Properties: {} } }, 'M')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a resource policy from Fn::If', table({ ResourcePolicy: { 'Fn::If': ['Shared', read('999999999999'), { Ref: 'AWS::NoValue' }] } })],
    ['replicas from a parameter', { Table: { Type: 'AWS::DynamoDB::GlobalTable', Properties: { Replicas: { Ref: 'Replicas' } } } }],
  ])('unresolvable: %s is Account::unresolved', (_, t) => {
    expect(judge(rule, t as Record<string, Body>, 'Table')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(foreignFindings(rule, t as Record<string, Body>, 'Table')).toEqual(['Account::unresolved']);
  });
});
