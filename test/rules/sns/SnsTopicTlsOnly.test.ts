import { NagRuleCompliance } from 'cdk-nag';
import * as sns from 'aws-cdk-lib/aws-sns';
import { SnsTopicTlsOnly as rule } from '../../../lib/rules/sns/SnsTopicTlsOnly';
import { compliantTopicTemplate, editing, topicTlsStatement } from '../../helpers/logging-fixtures';
import { newStack, pathsViolating } from '../../helpers/pack-harness';
import { judge } from '../../helpers/template-fixtures';

function withStatement(edit: (s: Record<string, unknown>) => void) {
  const statement = topicTlsStatement();
  edit(statement);
  return editing(compliantTopicTemplate(), 'TopicPolicy', (p) => {
    p.PolicyDocument = { Statement: [statement] };
  });
}

describe('SnsTopicTlsOnly', () => {
  test('compliant: the statement CDK writes for enforceSSL', () => {
    expect(judge(rule, compliantTopicTemplate(), 'Topic')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['sns:* for { AWS: "*" }', (s: Record<string, unknown>) => { s.Action = ['sns:*']; s.Principal = { AWS: '*' }; }],
    ['"*" on "*" with boolean false', (s: Record<string, unknown>) => {
      s.Action = '*';
      s.Resource = '*';
      s.Condition = { Bool: { 'aws:SecureTransport': false } };
    }],
    ['the topic named by GetAtt', (s: Record<string, unknown>) => { s.Resource = { 'Fn::GetAtt': ['Topic', 'TopicArn'] }; }],
  ])('compliant: %s', (_, edit) => {
    expect(judge(rule, withStatement(edit), 'Topic')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['an Allow instead of a Deny', (s: Record<string, unknown>) => { s.Effect = 'Allow'; }],
    ['a Deny for one account only', (s: Record<string, unknown>) => { s.Principal = { AWS: 'arn:aws:iam::111122223333:root' }; }],
    ['a Deny of Subscribe only', (s: Record<string, unknown>) => { s.Action = 'sns:Subscribe'; }],
    ['SecureTransport true', (s: Record<string, unknown>) => { s.Condition = { Bool: { 'aws:SecureTransport': 'true' } }; }],
    ['no condition', (s: Record<string, unknown>) => { delete s.Condition; }],
    ['a narrowing extra condition', (s: Record<string, unknown>) => {
      s.Condition = { Bool: { 'aws:SecureTransport': 'false' }, StringEquals: { 'aws:PrincipalAccount': '111122223333' } };
    }],
    ['another topic as the resource', (s: Record<string, unknown>) => { s.Resource = { Ref: 'OtherTopic' }; }],
    ['NotAction', (s: Record<string, unknown>) => { delete s.Action; s.NotAction = 'sns:Subscribe'; }],
  ])('non-compliant: %s', (_, edit) => {
    expect(judge(rule, withStatement(edit), 'Topic')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('non-compliant: no topic policy, or a policy on another topic', () => {
    const none = compliantTopicTemplate();
    delete (none as Record<string, unknown>).TopicPolicy;
    expect(judge(rule, none, 'Topic')).toBe(NagRuleCompliance.NON_COMPLIANT);
    const other = editing(compliantTopicTemplate(), 'TopicPolicy', (p) => { p.Topics = [{ Ref: 'OtherTopic' }]; });
    other.OtherTopic = { Type: 'AWS::SNS::Topic', Properties: {} };
    expect(judge(rule, other, 'Topic')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, other, 'OtherTopic')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('compliant: one policy naming two topics covers both', () => {
    const t = editing(compliantTopicTemplate(), 'TopicPolicy', (p) => {
      p.Topics = [{ Ref: 'Topic' }, { Ref: 'OtherTopic' }];
      p.PolicyDocument = { Statement: [{ ...topicTlsStatement(), Resource: [{ Ref: 'Topic' }, { Ref: 'OtherTopic' }] }] };
    });
    t.OtherTopic = { Type: 'AWS::SNS::Topic', Properties: {} };
    expect(judge(rule, t, 'Topic')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, t, 'OtherTopic')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('not applicable: the key', () => {
    expect(judge(rule, compliantTopicTemplate(), 'TopicKey')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: a policy document, topic list or condition value from a parameter fails closed', () => {
    const doc = editing(compliantTopicTemplate(), 'TopicPolicy', (p) => { p.PolicyDocument = { Ref: 'PolicyJson' }; });
    expect(judge(rule, doc, 'Topic')).toBe(NagRuleCompliance.NON_COMPLIANT);
    const topics = editing(compliantTopicTemplate(), 'TopicPolicy', (p) => { p.Topics = { Ref: 'TopicArns' }; });
    expect(judge(rule, topics, 'Topic')).toBe(NagRuleCompliance.NON_COMPLIANT);
    const cond = withStatement((s) => { s.Condition = { Bool: { 'aws:SecureTransport': { Ref: 'Flag' } } }; });
    expect(judge(rule, cond, 'Topic')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('is not waivable', () => {
    expect(rule.waivable).toBe(false);
  });

  test('through the pack: enforceSSL passes, a topic without it fails', () => {
    const { stack } = newStack();
    const withSsl = new sns.Topic(stack, 'WithSsl', { enforceSSL: true });
    const without = new sns.Topic(stack, 'Without');
    const paths = pathsViolating(stack, 'SnsTopicTlsOnly');
    expect(paths).toContain(`${without.node.path}/Resource`);
    expect(paths).not.toContain(`${withSsl.node.path}/Resource`);
  });
});
