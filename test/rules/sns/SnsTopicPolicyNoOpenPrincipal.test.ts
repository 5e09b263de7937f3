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
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Policy')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['* may publish', withStatements(tlsOnly, open())],
    ['{ AWS: * } may subscribe', withStatements(open({ Principal: { AWS: '*' }, Action: 'sns:Subscribe' }))],
    ['* with a condition that does not narrow who', withStatements(open({ Condition: { Bool: { 'aws:SecureTransport': 'true' } } }))],
    ['* with aws:SourceAccount of *', withStatements(open({ Condition: { StringLike: { 'aws:SourceAccount': '*' } } }))],
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
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'Policy')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
