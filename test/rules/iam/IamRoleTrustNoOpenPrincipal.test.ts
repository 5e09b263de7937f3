import { NagRuleCompliance } from 'cdk-nag';
import { IamRoleTrustNoOpenPrincipal as rule } from '../../../lib/rules/iam/IamRoleTrustNoOpenPrincipal';
import { judge } from '../../helpers/template-fixtures';

const lambdaTrust = { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' };
const role = (...statements: unknown[]) => ({
  Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: statements } } },
});
const anyone = (extra: Record<string, unknown> = {}) => ({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole', ...extra });

describe('IamRoleTrustNoOpenPrincipal', () => {
  test.each([
    ['a service principal', role(lambdaTrust)],
    ['the own account', role({ ...lambdaTrust, Principal: { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] } } })],
    ['* narrowed to the organization', role(anyone({ Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }))],
    ['* narrowed to the own account', role(anyone({ Condition: { StringEquals: { 'aws:PrincipalAccount': { Ref: 'AWS::AccountId' } } } }))],
    ['* narrowed by a principal ARN in one account', role(anyone({ Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/ops-*' } } }))],
    ['a Deny for *', role(lambdaTrust, { Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole' })],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Role')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['AWS * instead of the Lambda service (red team)', role({ ...lambdaTrust, Principal: { AWS: '*' } })],
    ['Principal *', role({ ...lambdaTrust, Principal: '*' })],
    ['NotPrincipal', role({ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' })],
    ['* with sts:ExternalId only', role(anyone({ Condition: { StringEquals: { 'sts:ExternalId': 'county-42' } } }))],
    ['* with a wildcard organization', role(anyone({ Condition: { StringLike: { 'aws:PrincipalOrgID': '*' } } }))],
    ['* with a wildcard account in the principal ARN', role(anyone({ Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/x' } } }))],
    ['* with an ...IfExists condition', role(anyone({ Condition: { StringEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abc123' } } }))],
    ['* with a negated condition', role(anyone({ Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }))],
    ['* with a vacuous condition', role(anyone({ Condition: { Bool: { 'aws:SecureTransport': 'true' } } }))],
    ['Service *', role({ ...lambdaTrust, Principal: { Service: '*' } })],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Role')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: a managed policy', () => {
    expect(judge(rule, { P: { Type: 'AWS::IAM::ManagedPolicy', Properties: {} } }, 'P')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a trust policy from a parameter', { Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Ref: 'Trust' } } } }],
    ['a principal from a parameter', role({ ...lambdaTrust, Principal: { AWS: { Ref: 'Who' } } })],
    ['* narrowed by an organization from a parameter', role(anyone({ Condition: { StringEquals: { 'aws:PrincipalOrgID': { Ref: 'Org' } } } }))],
    ['a condition from Fn::If', role(anyone({ Condition: { 'Fn::If': ['C', { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } }, { Ref: 'AWS::NoValue' }] } }))],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'Role')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
