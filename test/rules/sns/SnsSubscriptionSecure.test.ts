import { NagRuleCompliance } from 'cdk-nag';
import { SnsSubscriptionSecure as rule } from '../../../lib/rules/sns/SnsSubscriptionSecure';
import { judge } from '../../helpers/template-fixtures';

const subscription = (protocol: unknown, endpoint: unknown) => ({
  Topic: { Type: 'AWS::SNS::Topic', Properties: {} },
  Sub: { Type: 'AWS::SNS::Subscription', Properties: { TopicArn: { Ref: 'Topic' }, Protocol: protocol, Endpoint: endpoint } },
});

describe('SnsSubscriptionSecure', () => {
  test.each([
    ['https', 'https', 'https://alerts.example.gov/hook'],
    ['https to an endpoint from a parameter', 'https', { Ref: 'Endpoint' }],
    ['email', 'email', 'soc@example.gov'],
    ['sms', 'sms', '+15555550100'],
    ['sqs', 'sqs', { 'Fn::GetAtt': ['Queue', 'Arn'] }],
    ['lambda', 'lambda', 'arn:aws:lambda:us-east-1:111122223333:function:pager'],
  ])('compliant: %s', (_, protocol, endpoint) => {
    expect(judge(rule, subscription(protocol, endpoint), 'Sub')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['http (red team)', 'http', 'http://alerts.example.com/hook'],
    ['HTTP in capitals', 'HTTP', 'http://alerts.example.com/hook'],
    ['https to an http:// endpoint', 'https', 'http://alerts.example.com/hook'],
  ])('non-compliant: %s', (_, protocol, endpoint) => {
    expect(judge(rule, subscription(protocol, endpoint), 'Sub')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the topic', () => {
    expect(judge(rule, subscription('http', 'http://x'), 'Topic')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a protocol from a parameter', { Ref: 'Protocol' }],
    ['a protocol from a condition', { 'Fn::If': ['Secure', 'https', 'http'] }],
  ])('unresolvable: %s fails closed', (_, protocol) => {
    expect(judge(rule, subscription(protocol, 'https://alerts.example.gov/hook'), 'Sub')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
