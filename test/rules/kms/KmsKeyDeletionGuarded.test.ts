import { NagRuleCompliance } from 'cdk-nag';
import { KmsKeyDeletionGuarded as rule } from '../../../lib/rules/kms/KmsKeyDeletionGuarded';
import { judge } from '../../helpers/template-fixtures';

const key = (props: Record<string, unknown>) => ({
  Key: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true, ...props } },
  Bucket: { Type: 'AWS::S3::Bucket', Properties: {} },
});

describe('KmsKeyDeletionGuarded', () => {
  test.each([
    ['a 30-day window (createHardenedKey)', { PendingWindowInDays: 30 }],
    ['no window (KMS default 30) and Enabled absent', {}],
    ['Enabled true', { Enabled: true, PendingWindowInDays: 30 }],
    ['Enabled "true" and the window as a string', { Enabled: 'true', PendingWindowInDays: '30' }],
  ])('compliant: %s', (_, props) => {
    expect(judge(rule, key(props), 'Key')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['the key disabled (red team)', { Enabled: false, PendingWindowInDays: 30 }],
    ['the key disabled as a string', { Enabled: 'false' }],
    ['a 7-day window (red team)', { PendingWindowInDays: 7 }],
    ['a 29-day window', { PendingWindowInDays: 29 }],
  ])('non-compliant: %s', (_, props) => {
    expect(judge(rule, key(props), 'Key')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: a bucket', () => {
    expect(judge(rule, key({ Enabled: false }), 'Bucket')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['Enabled from a parameter', { Enabled: { Ref: 'KeyEnabled' } }],
    ['Enabled from a condition', { Enabled: { 'Fn::If': ['Live', true, false] } }],
    ['the window from a parameter', { PendingWindowInDays: { Ref: 'Window' } }],
  ])('unresolvable: %s fails closed', (_, props) => {
    expect(judge(rule, key(props), 'Key')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
