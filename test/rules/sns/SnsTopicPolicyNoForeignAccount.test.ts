import { NagRuleCompliance } from 'cdk-nag';
import { SnsTopicPolicyNoForeignAccount as rule } from '../../../lib/rules/sns/SnsTopicPolicyNoForeignAccount';
import { allow, documentOf, foreignFindings, OWN } from '../../helpers/foreign-account-fixtures';
import { Body, judge } from '../../helpers/template-fixtures';

const policies = (document: unknown): Record<string, Body> => ({
  Topic: { Type: 'AWS::SNS::Topic', Properties: {} },
  Policy: { Type: 'AWS::SNS::TopicPolicy', Properties: { Topics: [{ Ref: 'Topic' }], PolicyDocument: document } },
  Inline: { Type: 'AWS::SNS::TopicInlinePolicy', Properties: { TopicArn: { Ref: 'Topic' }, PolicyDocument: document } },
});
/** EventBridge publishing alerts, confined to the rules of one account. */
const eventsPublish = (account: unknown) => allow({ Service: 'events.amazonaws.com' }, {
  Action: 'sns:Publish',
  Condition: { ArnLike: { 'aws:SourceArn': { 'Fn::Sub': ['arn:aws:events:us-east-1:${A}:rule/*', { A: account }] } } },
});

describe('SnsTopicPolicyNoForeignAccount', () => {
  test.each(['Policy', 'Inline'])('%s: compliant for EventBridge of the own account, by pseudo parameter and written out', (id) => {
    expect(judge(rule, policies(documentOf(eventsPublish({ Ref: 'AWS::AccountId' }))), id)).toBe(NagRuleCompliance.COMPLIANT);
    expect(foreignFindings(rule, policies(documentOf(eventsPublish(OWN))), id)).toEqual([]);
  });

  test.each(['Policy', 'Inline'])('%s: non-compliant for a subscriber in another account and another account\'s rules', (id) => {
    const t = policies(documentOf(allow({ AWS: '888888888888' }, { Action: 'sns:Subscribe' }), eventsPublish('999999999999')));
    expect(judge(rule, t, id)).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(foreignFindings(rule, t, id)).toEqual(['Account::888888888888', 'Account::999999999999']);
  });

  test('compliant: a subscriber in another account of the organization', () => {
    const t = policies(documentOf(allow({ AWS: '888888888888' }, { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } })));
    expect(judge(rule, t, 'Policy')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('not applicable: the topic', () => {
    expect(judge(rule, policies(documentOf()), 'Topic')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: an account from a parameter is Account::unresolved', () => {
    const t = policies(documentOf(eventsPublish({ Ref: 'AlertsAccount' })));
    expect(judge(rule, t, 'Inline')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(foreignFindings(rule, t, 'Inline')).toEqual(['Account::unresolved']);
  });
});
