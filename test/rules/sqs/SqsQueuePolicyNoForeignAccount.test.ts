import { NagRuleCompliance } from 'cdk-nag';
import { SqsQueuePolicyNoForeignAccount as rule } from '../../../lib/rules/sqs/SqsQueuePolicyNoForeignAccount';
import { accountRoot, allow, documentOf, foreignFindings, OWN, TRUSTED } from '../../helpers/foreign-account-fixtures';
import { Body, judge } from '../../helpers/template-fixtures';

const policies = (document: unknown): Record<string, Body> => ({
  Queue: { Type: 'AWS::SQS::Queue', Properties: {} },
  Topic: { Type: 'AWS::SNS::Topic', Properties: {} },
  Policy: { Type: 'AWS::SQS::QueuePolicy', Properties: { Queues: [{ Ref: 'Queue' }], PolicyDocument: document } },
  Inline: { Type: 'AWS::SQS::QueueInlinePolicy', Properties: { Queue: { Ref: 'Queue' }, PolicyDocument: document } },
});
/** SNS delivering to the queue from one topic. */
const fromTopic = (topicArn: unknown) => allow({ Service: 'sns.amazonaws.com' }, { Action: 'sqs:SendMessage', Condition: { ArnEquals: { 'aws:SourceArn': topicArn } } });

describe('SqsQueuePolicyNoForeignAccount', () => {
  test.each(['Policy', 'Inline'])('%s: compliant for a topic of the template and a trusted account', (id) => {
    const t = policies(documentOf(fromTopic({ Ref: 'Topic' }), allow({ AWS: accountRoot(TRUSTED) }, { Action: 'sqs:ReceiveMessage' })));
    expect(foreignFindings(rule, t, id)).toEqual([]);
    expect(judge(rule, policies(documentOf(fromTopic({ Ref: 'Topic' }))), id)).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each(['Policy', 'Inline'])('%s: non-compliant for a topic in another account', (id) => {
    const t = policies(documentOf(fromTopic(`arn:aws:sns:us-east-1:${OWN}:alerts`), fromTopic('arn:aws:sns:us-east-1:999999999999:vendor-feed')));
    expect(judge(rule, t, id)).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(foreignFindings(rule, t, id)).toEqual(['Account::999999999999']);
  });

  test('not applicable: the queue', () => {
    expect(judge(rule, policies(documentOf()), 'Queue')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: a statement list from Fn::If is Account::unresolved', () => {
    const t = policies({ Version: '2012-10-17', Statement: { 'Fn::If': ['Shared', [], []] } });
    expect(judge(rule, t, 'Policy')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(foreignFindings(rule, t, 'Policy')).toEqual(['Account::unresolved']);
  });
});
