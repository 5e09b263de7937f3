import { NagRuleCompliance } from 'cdk-nag';
import { KmsKeyPolicyNoOpenPrincipal as rule } from '../../../lib/rules/kms/KmsKeyPolicyNoOpenPrincipal';
import { judge } from '../../helpers/template-fixtures';

const key = (statements: unknown) => ({
  Key: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true, KeyPolicy: { Version: '2012-10-17', Statement: statements } } },
});
const accountRoot = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] };

describe('KmsKeyPolicyNoOpenPrincipal', () => {
  test('compliant: the account root (as CDK writes it), a service, a wildcard with a condition, a Deny for everyone', () => {
    expect(judge(rule, key([{ Effect: 'Allow', Principal: { AWS: accountRoot }, Action: 'kms:*', Resource: '*' }]), 'Key')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, key([{ Effect: 'Allow', Principal: { Service: 'logs.amazonaws.com' }, Action: 'kms:Encrypt*', Resource: '*' }]), 'Key')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, key([{
      Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Decrypt', Resource: '*',
      Condition: { StringEquals: { 'kms:CallerAccount': '111122223333', 'kms:ViaService': 's3.us-east-1.amazonaws.com' } },
    }]), 'Key')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, key([{ Effect: 'Deny', Principal: '*', Action: 'kms:ScheduleKeyDeletion', Resource: '*' }]), 'Key')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, { Key: { Type: 'AWS::KMS::Key', Properties: {} } }, 'Key')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['"*"', '*'],
    ['{ AWS: "*" }', { AWS: '*' }],
    ['a list holding "*"', { AWS: ['arn:aws:iam::111122223333:root', '*'] }],
  ])('non-compliant: Allow for %s without a condition', (_, principal) => {
    expect(judge(rule, key([{ Effect: 'Allow', Principal: principal, Action: 'kms:Decrypt', Resource: '*' }]), 'Key')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('non-compliant: NotPrincipal in an Allow, and an empty condition', () => {
    expect(judge(rule, key([{ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::1:root' }, Action: 'kms:*', Resource: '*' }]), 'Key')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, key([{ Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*', Condition: {} }]), 'Key')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('compliant: the regional logs service principal CDK builds with Fn::Join, narrowed by encryption context only', () => {
    const logs = { Service: { 'Fn::Join': ['', ['logs.', { Ref: 'AWS::Region' }, '.amazonaws.com']] } };
    const context = { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': 'arn:aws:logs:us-east-1:111122223333:log-group:*' } };
    expect(judge(rule, key([{ Effect: 'Allow', Principal: logs, Action: 'kms:Encrypt*', Resource: '*', Condition: context }]), 'Key')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['aws:PrincipalOrgID', { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } }],
    ['kms:CallerAccount of AWS::AccountId', { StringEquals: { 'kms:CallerAccount': { Ref: 'AWS::AccountId' } } }],
    ['aws:PrincipalArn of roles of one account', { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/records-*' } }],
  ])('compliant: * narrowed by %s', (_, condition) => {
    expect(judge(rule, key([{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Decrypt', Resource: '*', Condition: condition }]), 'Key')).toBe(
      NagRuleCompliance.COMPLIANT,
    );
  });

  test.each([
    ['Bool aws:SecureTransport true (red team)', { Bool: { 'aws:SecureTransport': 'true' } }],
    ['kms:ViaService alone', { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } }],
    ['kms:CallerAccount "*"', { StringLike: { 'kms:CallerAccount': '*' } }],
    ['aws:PrincipalArn of any account', { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/*' } }],
    ['StringEqualsIfExists kms:CallerAccount', { StringEqualsIfExists: { 'kms:CallerAccount': '111122223333' } }],
  ])('non-compliant: * with a condition that does not narrow who: %s', (_, condition) => {
    expect(judge(rule, key([{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:*', Resource: '*', Condition: condition }]), 'Key')).toBe(
      NagRuleCompliance.NON_COMPLIANT,
    );
  });

  test('not applicable: a bucket', () => {
    expect(judge(rule, { B: { Type: 'AWS::S3::Bucket' } }, 'B')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: a policy or principal from a parameter or import fails closed', () => {
    expect(judge(rule, { Key: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: { Ref: 'Policy' } } } }, 'Key')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, key({ 'Fn::If': ['C', [], []] }), 'Key')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, key([{ Effect: 'Allow', Principal: { AWS: { Ref: 'Who' } }, Action: 'kms:*', Resource: '*' }]), 'Key')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, key([{ Effect: 'Allow', Principal: { AWS: { 'Fn::ImportValue': 'Who' } }, Action: 'kms:*', Resource: '*' }]), 'Key')).toBe(NagRuleCompliance.NON_COMPLIANT);
    // Red team: a condition that resolves to nothing.
    const ifCondition = { 'Fn::If': ['RtCond', { Ref: 'AWS::NoValue' }, { StringEquals: { 'kms:CallerAccount': '111122223333' } }] };
    expect(judge(rule, key([{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Decrypt', Resource: '*', Condition: ifCondition }]), 'Key')).toBe(
      NagRuleCompliance.NON_COMPLIANT,
    );
    const fromParameter = { StringEquals: { 'kms:CallerAccount': { Ref: 'Account' } } };
    expect(judge(rule, key([{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Decrypt', Resource: '*', Condition: fromParameter }]), 'Key')).toBe(
      NagRuleCompliance.NON_COMPLIANT,
    );
  });
});
