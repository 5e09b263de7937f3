import { NagRuleCompliance } from 'cdk-nag';
import { IamRoleTrustNoForeignAccount as rule } from '../../../lib/rules/iam/IamRoleTrustNoForeignAccount';
import { judge } from '../../helpers/template-fixtures';

const lambdaTrust = { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' };
const ownRoot = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] };
const role = (...statements: unknown[]) => ({
  Other: { Type: 'AWS::IAM::Role', Properties: {} },
  Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: statements } } },
});
const assume = (principal: unknown, extra: Record<string, unknown> = {}) => ({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...extra });

describe('IamRoleTrustNoForeignAccount', () => {
  test.each([
    ['a service principal', role(lambdaTrust)],
    ['the own account root', role(assume({ AWS: ownRoot }))],
    ['the own account by Fn::Sub', role(assume({ AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/ops' } }))],
    ['a role of the template', role(assume({ AWS: { 'Fn::GetAtt': ['Other', 'Arn'] } }))],
    ['* narrowed to the organization (judged by IamRoleTrustNoOpenPrincipal)', role(assume('*', { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }))],
    ['a service narrowed to the own account', role({ ...lambdaTrust, Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } } })],
    ['a Deny naming another account', role(lambdaTrust, { Effect: 'Deny', Principal: { AWS: '999999999999' }, Action: 'sts:AssumeRole' })],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Role')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['another account root added (red team)', role(lambdaTrust, assume({ AWS: 'arn:aws:iam::999999999999:root' }))],
    ['a bare account id', role(assume({ AWS: '999999999999' }))],
    ['a role in another account, in a list', role(assume({ AWS: [ownRoot, 'arn:aws-us-gov:iam::999999999999:role/x'] }))],
    ['* narrowed to another account', role(assume({ AWS: '*' }, { Condition: { StringEquals: { 'aws:PrincipalAccount': '999999999999' } } }))],
    ['a service narrowed to another account\'s source', role({ ...lambdaTrust, Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:lambda:us-east-1:999999999999:function:*' } } })],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Role')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: a user', () => {
    expect(judge(rule, { U: { Type: 'AWS::IAM::User', Properties: {} } }, 'U')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a trust policy from a parameter', { Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Ref: 'Trust' } } } }],
    ['a principal from a parameter', role(assume({ AWS: { Ref: 'TrustedAccount' } }))],
    ['a principal from an import', role(assume({ AWS: [{ 'Fn::ImportValue': 'ops-role-arn' }] }))],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'Role')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
