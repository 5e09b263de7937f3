import { NagRuleCompliance } from 'cdk-nag';
import { KmsKeyUnverifiable } from '../../../lib/rules/kms/KmsKeyUnverifiable';
import { SqsQueueCustomerManagedKey as rule } from '../../../lib/rules/sqs/SqsQueueCustomerManagedKey';
import { queueTemplate } from '../../helpers/entry-point-fixtures';
import { editing } from '../../helpers/logging-fixtures';
import { judge } from '../../helpers/template-fixtures';

const withKey = (edit: (p: Record<string, unknown>) => void, dataClass = 'voter-pii') => editing(queueTemplate(dataClass), 'Queue', edit);
const keyed = (key: unknown, dataClass?: string) => withKey((p) => { p.KmsMasterKeyId = key; }, dataClass);

describe('SqsQueueCustomerManagedKey', () => {
  test.each([
    ['GetAtt of a key of the template', { 'Fn::GetAtt': ['Key', 'Arn'] }],
    ['Ref of a key of the template', { Ref: 'Key' }],
    ['a customer alias', 'alias/county-intake'],
    ['a literal key ARN', 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
  ])('compliant: %s', (_, key) => {
    for (const dataClass of ['voter-pii', 'election-records', 'audit-logs']) expect(judge(rule, keyed(key, dataClass), 'Queue')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['no encryption', (p: Record<string, unknown>) => { delete p.KmsMasterKeyId; }],
    ['SQS-managed SSE', (p: Record<string, unknown>) => { delete p.KmsMasterKeyId; p.SqsManagedSseEnabled = true; }],
    ['the alias/aws/sqs key', (p: Record<string, unknown>) => { p.KmsMasterKeyId = 'alias/aws/sqs'; }],
    ['no class at all (judged as the most sensitive)', (p: Record<string, unknown>) => { delete p.KmsMasterKeyId; delete p.Tags; }],
  ])('non-compliant: %s', (_, edit) => {
    expect(judge(rule, withKey(edit), 'Queue')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each(['operational', 'public-content'])('not applicable: a %s queue, and the queue policy', (dataClass) => {
    expect(judge(rule, withKey((p) => { delete p.KmsMasterKeyId; }, dataClass), 'Queue')).toBe(NagRuleCompliance.NOT_APPLICABLE);
    expect(judge(rule, queueTemplate(), 'QueuePolicy')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: a key from a parameter or import is passed over here and reported by KmsKeyUnverifiable', () => {
    for (const key of [{ Ref: 'KeyParam' }, { 'Fn::ImportValue': 'intake-key' }]) {
      expect(judge(rule, keyed(key), 'Queue')).toBe(NagRuleCompliance.COMPLIANT);
      expect(judge(KmsKeyUnverifiable, keyed(key), 'Queue')).toBe(NagRuleCompliance.NON_COMPLIANT);
    }
    expect(judge(KmsKeyUnverifiable, keyed({ Ref: 'KeyParam' }, 'operational'), 'Queue')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('is not waivable', () => {
    expect(rule.waivable).toBe(false);
  });
});
