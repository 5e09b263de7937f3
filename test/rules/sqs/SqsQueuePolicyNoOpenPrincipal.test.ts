import { NagRuleCompliance } from 'cdk-nag';
import { SqsQueuePolicyNoOpenPrincipal as rule } from '../../../lib/rules/sqs/SqsQueuePolicyNoOpenPrincipal';
import { queueTemplate, queueTlsStatement } from '../../helpers/entry-point-fixtures';
import { editing } from '../../helpers/logging-fixtures';
import { judge } from '../../helpers/template-fixtures';

const queueArn = { 'Fn::GetAtt': ['Queue', 'Arn'] };
const open = (extra: Record<string, unknown> = {}) => ({ Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage', Resource: queueArn, ...extra });
const withStatements = (...statements: unknown[]) =>
  editing(queueTemplate(), 'QueuePolicy', (p) => { p.PolicyDocument = { Version: '2012-10-17', Statement: statements }; });
/** The same statements in an AWS::SQS::QueueInlinePolicy. */
const inline = (...statements: unknown[]) => {
  const t = queueTemplate();
  delete (t as Record<string, unknown>).QueuePolicy;
  t.Inline = { Type: 'AWS::SQS::QueueInlinePolicy', Properties: { Queue: { Ref: 'Queue' }, PolicyDocument: { Statement: statements } } };
  return t;
};
const topicDelivery = {
  Effect: 'Allow',
  Principal: { Service: 'sns.amazonaws.com' },
  Action: 'sqs:SendMessage',
  Resource: queueArn,
  Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:111122223333:alerts' } },
};

describe('SqsQueuePolicyNoOpenPrincipal', () => {
  test.each([
    ['the TLS deny CDK writes', withStatements(queueTlsStatement())],
    ['SNS delivery limited to one topic', withStatements(queueTlsStatement(), topicDelivery)],
    ['* limited by aws:SourceArn of one topic', withStatements(open({ Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:111122223333:alerts' } } }))],
    ['* limited by aws:PrincipalOrgID', withStatements(open({ Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }))],
    ['one account by ARN', withStatements(open({ Principal: { AWS: 'arn:aws:iam::111122223333:root' } }))],
    ['an inline policy naming one account', inline(open({ Principal: { AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' } } }))],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'QueuePolicy' in t ? 'QueuePolicy' : 'Inline')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['* may send', withStatements(queueTlsStatement(), open())],
    ['{ AWS: * } may receive and delete', withStatements(open({ Principal: { AWS: '*' }, Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage'] }))],
    ['* with a condition that does not narrow who', withStatements(open({ Condition: { Bool: { 'aws:SecureTransport': 'true' } } }))],
    ['* with aws:SourceArn of any account\'s topic', withStatements(open({ Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:*:*' } } }))],
    ['* with StringEqualsIfExists', withStatements(open({ Condition: { StringEqualsIfExists: { 'aws:SourceAccount': '111122223333' } } }))],
    ['NotPrincipal', withStatements({ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sqs:*', Resource: queueArn })],
    ['an inline policy open to *', inline(open())],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'QueuePolicy' in t ? 'QueuePolicy' : 'Inline')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the queue itself', () => {
    expect(judge(rule, withStatements(open()), 'Queue')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a policy document from a parameter', editing(queueTemplate(), 'QueuePolicy', (p) => { p.PolicyDocument = { Ref: 'Doc' }; })],
    ['a principal from a parameter', withStatements(open({ Principal: { AWS: { Ref: 'Who' } } }))],
    ['a condition from Fn::If', withStatements(open({ Condition: { 'Fn::If': ['C', { StringEquals: { 'aws:SourceAccount': '111122223333' } }, { Ref: 'AWS::NoValue' }] } }))],
    ['an account from an import', withStatements(open({ Condition: { StringEquals: { 'aws:SourceAccount': { 'Fn::ImportValue': 'Account' } } } }))],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'QueuePolicy')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('is not waivable', () => {
    expect(rule.waivable).toBe(false);
  });
});
