import { NagRuleCompliance } from 'cdk-nag';
import { SnsTopicPolicyNoOpenPrincipal as rule } from '../../../lib/rules/sns/SnsTopicPolicyNoOpenPrincipal';
import { judge } from '../../helpers/template-fixtures';

const topic = { Ref: 'Topic' };
const tlsOnly = { Effect: 'Deny', Principal: '*', Action: 'sns:Publish', Resource: topic, Condition: { Bool: { 'aws:SecureTransport': 'false' } } };
const alarms = {
  Effect: 'Allow',
  Principal: { Service: 'cloudwatch.amazonaws.com' },
  Action: 'sns:Publish',
  Resource: topic,
  Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
};

const withStatements = (...statements: unknown[]) => ({
  Topic: { Type: 'AWS::SNS::Topic', Properties: {} },
  Policy: { Type: 'AWS::SNS::TopicPolicy', Properties: { Topics: [topic], PolicyDocument: { Version: '2012-10-17', Statement: statements } } },
});
const open = (extra: Record<string, unknown> = {}) => ({ Effect: 'Allow', Principal: '*', Action: 'sns:Publish', Resource: topic, ...extra });

describe('SnsTopicPolicyNoOpenPrincipal', () => {
  test.each([
    ['the TLS deny and a service principal', withStatements(tlsOnly, alarms)],
    ['* limited by aws:SourceAccount', withStatements(open({ Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } } }))],
    ['* limited by aws:SourceArn', withStatements(open({ Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:cloudwatch:us-east-1:111122223333:alarm:*' } } }))],
    ['* limited by aws:PrincipalOrgID', withStatements(open({ Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }))],
    ['one account by ARN', withStatements(open({ Principal: { AWS: 'arn:aws:iam::111122223333:root' } }))],
    ['* limited by aws:SourceAccount of AWS::AccountId', withStatements(open({ Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } } }))],
    [
      '* limited by an aws:SourceArn built with Fn::Sub',
      withStatements(open({ Condition: { ArnLike: { 'aws:SourceArn': { 'Fn::Sub': 'arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/*' } } } })),
    ],
    ['* limited by the ARN of a bucket (no account field)', withStatements(open({ Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:s3:::agency-records' } } }))],
    ['* limited by aws:SourceArn of a template resource', withStatements(open({ Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': ['Topic', 'TopicArn'] } } } }))],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Policy')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['* may publish', withStatements(tlsOnly, open())],
    ['{ AWS: * } may subscribe', withStatements(open({ Principal: { AWS: '*' }, Action: 'sns:Subscribe' }))],
    ['* with a condition that does not narrow who', withStatements(open({ Condition: { Bool: { 'aws:SecureTransport': 'true' } } }))],
    ['* with aws:SourceAccount of *', withStatements(open({ Condition: { StringLike: { 'aws:SourceAccount': '*' } } }))],
    ['* with aws:SourceArn "arn:aws:*" (red team)', withStatements(open({ Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:*' } } }))],
    ['* with aws:SourceArn of any account\'s rule (red team)', withStatements(open({ Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:events:*:*:rule/*' } } }))],
    ['* with a wildcard bucket ARN', withStatements(open({ Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::*' } } }))],
    ['* with StringEqualsIfExists (holds when the key is absent)', withStatements(open({ Condition: { StringEqualsIfExists: { 'aws:SourceAccount': '111122223333' } } }))],
    ['* with StringNotEquals (everyone but one account)', withStatements(open({ Condition: { StringNotEquals: { 'aws:SourceAccount': '111122223333' } } }))],
    ['* with a partly wildcard list', withStatements(open({ Condition: { StringLike: { 'aws:SourceAccount': ['111122223333', '*'] } } }))],
    ['NotPrincipal', withStatements({ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sns:Publish', Resource: topic })],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Policy')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the topic itself', () => {
    expect(judge(rule, withStatements(open()), 'Topic')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a policy document from a parameter', { ...withStatements(), Policy: { Type: 'AWS::SNS::TopicPolicy', Properties: { Topics: [topic], PolicyDocument: { Ref: 'Doc' } } } }],
    ['a principal from a parameter', withStatements(open({ Principal: { AWS: { Ref: 'Who' } } }))],
    ['a condition from Fn::If', withStatements(open({ Condition: { 'Fn::If': ['C', { StringEquals: { 'aws:SourceAccount': '111122223333' } }, { Ref: 'AWS::NoValue' }] } }))],
    ['an account from a parameter', withStatements(open({ Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'Account' } } } }))],
    ['an account from an import', withStatements(open({ Condition: { StringEquals: { 'aws:SourceAccount': { 'Fn::ImportValue': 'Account' } } } }))],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'Policy')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
