import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Tags } from 'aws-cdk-lib';
import { NagRuleCompliance } from 'cdk-nag';
import { SqsQueueTlsOnly as rule } from '../../../lib/rules/sqs/SqsQueueTlsOnly';
import { queueTemplate, queueTlsStatement } from '../../helpers/entry-point-fixtures';
import { editing } from '../../helpers/logging-fixtures';
import { newStack, pathsViolating } from '../../helpers/pack-harness';
import { judge } from '../../helpers/template-fixtures';

function withStatement(edit: (s: Record<string, unknown>) => void, dataClass = 'voter-pii') {
  const statement = queueTlsStatement();
  edit(statement);
  return editing(queueTemplate(dataClass), 'QueuePolicy', (p) => { p.PolicyDocument = { Statement: [statement] }; });
}
const deny = (action: string) => ({ ...queueTlsStatement(), Action: action });

describe('SqsQueueTlsOnly', () => {
  test('compliant: the statement CDK writes for enforceSSL', () => {
    expect(judge(rule, queueTemplate(), 'Queue')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['"*" on "*"', (s: Record<string, unknown>) => { s.Action = '*'; s.Resource = '*'; }],
    ['both message actions listed', (s: Record<string, unknown>) => { s.Action = ['sqs:SendMessage', 'sqs:ReceiveMessage']; }],
    ['the queue by GetAtt in dotted form', (s: Record<string, unknown>) => { s.Resource = { 'Fn::GetAtt': 'Queue.Arn' }; }],
    ['principal "*" and boolean false', (s: Record<string, unknown>) => { s.Principal = '*'; s.Condition = { Bool: { 'aws:SecureTransport': false } }; }],
  ])('compliant: %s', (_, edit) => {
    expect(judge(rule, withStatement(edit), 'Queue')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('compliant: send and receive denied in two statements, or in an inline policy', () => {
    const split = editing(queueTemplate(), 'QueuePolicy', (p) => { p.PolicyDocument = { Statement: [deny('sqs:SendMessage'), deny('sqs:Receive*')] }; });
    expect(judge(rule, split, 'Queue')).toBe(NagRuleCompliance.COMPLIANT);
    const t = queueTemplate();
    delete (t as Record<string, unknown>).QueuePolicy;
    t.Inline = { Type: 'AWS::SQS::QueueInlinePolicy', Properties: { Queue: { Ref: 'Queue' }, PolicyDocument: { Statement: [queueTlsStatement()] } } };
    expect(judge(rule, t, 'Queue')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['an Allow instead of a Deny', (s: Record<string, unknown>) => { s.Effect = 'Allow'; }],
    ['a Deny of SendMessage only', (s: Record<string, unknown>) => { s.Action = 'sqs:SendMessage'; }],
    ['a Deny for one account only', (s: Record<string, unknown>) => { s.Principal = { AWS: 'arn:aws:iam::111122223333:root' }; }],
    ['SecureTransport true', (s: Record<string, unknown>) => { s.Condition = { Bool: { 'aws:SecureTransport': 'true' } }; }],
    ['the queue by Fn::GetAtt QueueName', (s: Record<string, unknown>) => { s.Resource = { 'Fn::GetAtt': ['Queue', 'QueueName'] }; }],
    ['the queue by Ref, which is its URL, not its ARN', (s: Record<string, unknown>) => { s.Resource = { Ref: 'Queue' }; }],
    ['another queue as the resource', (s: Record<string, unknown>) => { s.Resource = { 'Fn::GetAtt': ['OtherQueue', 'Arn'] }; }],
    ['NotAction', (s: Record<string, unknown>) => { delete s.Action; s.NotAction = 'sqs:PurgeQueue'; }],
  ])('non-compliant: %s', (_, edit) => {
    expect(judge(rule, withStatement(edit), 'Queue')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('non-compliant: no queue policy, or an unclassified queue without one', () => {
    const none = queueTemplate();
    delete (none as Record<string, unknown>).QueuePolicy;
    expect(judge(rule, none, 'Queue')).toBe(NagRuleCompliance.NON_COMPLIANT);
    const unclassified = editing(none, 'Queue', (p) => { delete p.Tags; });
    expect(judge(rule, unclassified, 'Queue')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each(['operational', 'public-content'])('not applicable: a %s queue, and the policy itself', (dataClass) => {
    const none = queueTemplate(dataClass);
    delete (none as Record<string, unknown>).QueuePolicy;
    expect(judge(rule, none, 'Queue')).toBe(NagRuleCompliance.NOT_APPLICABLE);
    expect(judge(rule, queueTemplate(), 'QueuePolicy')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: a policy document, queue list or condition from a parameter fails closed', () => {
    expect(judge(rule, editing(queueTemplate(), 'QueuePolicy', (p) => { p.PolicyDocument = { Ref: 'Doc' }; }), 'Queue')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, editing(queueTemplate(), 'QueuePolicy', (p) => { p.Queues = { Ref: 'QueueUrls' }; }), 'Queue')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, withStatement((s) => { s.Condition = { Bool: { 'aws:SecureTransport': { Ref: 'Flag' } } }; }), 'Queue')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('is not waivable', () => {
    expect(rule.waivable).toBe(false);
  });

  test('through the pack: enforceSSL passes, a voter-PII queue without it fails', () => {
    const { stack } = newStack();
    const withSsl = new sqs.Queue(stack, 'WithSsl', { enforceSSL: true });
    const without = new sqs.Queue(stack, 'Without');
    Tags.of(stack).add('election:data-class', 'voter-pii');
    const paths = pathsViolating(stack, 'SqsQueueTlsOnly');
    expect(paths).toContain(`${without.node.path}/Resource`);
    expect(paths).not.toContain(`${withSsl.node.path}/Resource`);
  });
});
