import { NagRuleCompliance } from 'cdk-nag';
import { SnsTopicEncrypted as rule } from '../../../lib/rules/sns/SnsTopicEncrypted';
import { compliantTopicTemplate, editing } from '../../helpers/logging-fixtures';
import { judge } from '../../helpers/template-fixtures';

function withKey(key: unknown) {
  return editing(compliantTopicTemplate(), 'Topic', (p) => {
    if (key === undefined) delete p.KmsMasterKeyId;
    else p.KmsMasterKeyId = key;
  });
}

describe('SnsTopicEncrypted', () => {
  test.each([
    ['GetAtt of a key of the template', { 'Fn::GetAtt': ['TopicKey', 'Arn'] }],
    ['Ref of a key of the template', { Ref: 'TopicKey' }],
    ['a customer alias', 'alias/county-alerts'],
    ['a customer alias ARN', 'arn:aws:kms:us-east-1:111122223333:alias/county-alerts'],
    ['a literal key ARN', 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
  ])('compliant: %s', (_, key) => {
    expect(judge(rule, withKey(key), 'Topic')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['no key', undefined],
    ['the AWS-managed alias', 'alias/aws/sns'],
    ['the AWS-managed alias ARN', 'arn:aws:kms:us-east-1:111122223333:alias/aws/sns'],
    ['an empty key', ''],
    ['a reference to something that is not a key', { Ref: 'TopicPolicy' }],
    ['another AWS-managed alias', 'alias/aws/s3'],
    ['text that names no key', 'county-alerts'],
  ])('non-compliant: %s', (_, key) => {
    expect(judge(rule, withKey(key), 'Topic')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the topic policy', () => {
    expect(judge(rule, compliantTopicTemplate(), 'TopicPolicy')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: a key from a parameter or an import is passed over (KmsKeyUnverifiable reports it)', () => {
    expect(judge(rule, withKey({ Ref: 'AlertKey' }), 'Topic')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, withKey({ 'Fn::ImportValue': 'AlertKey' }), 'Topic')).toBe(NagRuleCompliance.COMPLIANT);
  });
});
