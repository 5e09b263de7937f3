import { NagRuleCompliance } from 'cdk-nag';
import { KmsKeyPolicyNoForeignAccount as rule } from '../../../lib/rules/kms/KmsKeyPolicyNoForeignAccount';
import { accountRoot, allow, documentOf, foreignFindings, OWN, ownRoot } from '../../helpers/foreign-account-fixtures';
import { Body, judge } from '../../helpers/template-fixtures';

const key = (keyPolicy: unknown): Record<string, Body> => ({ Key: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true, KeyPolicy: keyPolicy } } });
/** The statement CDK's default key policy holds: the own account's root administers the key. */
const ownAdmin = allow({ AWS: ownRoot }, { Action: 'kms:*' });
const viaS3 = (account: string) => allow({ AWS: '*' }, { Action: 'kms:Decrypt', Condition: { StringEquals: { 'kms:CallerAccount': account, 'kms:ViaService': 's3.us-east-1.amazonaws.com' } } });

describe('KmsKeyPolicyNoForeignAccount', () => {
  test.each([
    ['the default key policy', key(documentOf(ownAdmin))],
    ['a service principal', key(documentOf(ownAdmin, allow({ Service: 'cloudtrail.amazonaws.com' }, { Action: 'kms:GenerateDataKey*' })))],
    ['a decrypt grant to the organization', key(documentOf(ownAdmin, allow({ AWS: '999999999999' }, { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } })))],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Key')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('compliant: the own account written out, by principal and by kms:CallerAccount', () => {
    expect(foreignFindings(rule, key(documentOf(allow({ AWS: accountRoot(OWN) }), viaS3(OWN))), 'Key')).toEqual([]);
  });

  test.each([
    ['a foreign root (red team)', key(documentOf(ownAdmin, allow({ AWS: accountRoot('999999999999') }, { Action: 'kms:Decrypt' }))), ['Account::999999999999']],
    ['a foreign caller through S3', key(documentOf(ownAdmin, viaS3('888888888888'))), ['Account::888888888888']],
    ['a JSON string naming a foreign role', key(JSON.stringify(documentOf(allow({ AWS: 'arn:aws:iam::999999999999:role/x' })))), ['Account::999999999999']],
  ])('non-compliant: %s', (_, t, expected) => {
    expect(judge(rule, t, 'Key')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(foreignFindings(rule, t, 'Key')).toEqual(expected);
  });

  test('not applicable: an alias', () => {
    expect(judge(rule, { Alias: { Type: 'AWS::KMS::Alias', Properties: {} } }, 'Alias')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a key policy from Fn::If', key({ 'Fn::If': ['Shared', documentOf(ownAdmin), documentOf()] })],
    ['a principal from an import', key(documentOf(ownAdmin, allow({ AWS: { 'Fn::ImportValue': 'vendor-role' } })))],
  ])('unresolvable: %s is Account::unresolved', (_, t) => {
    expect(judge(rule, t, 'Key')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(foreignFindings(rule, t, 'Key')).toEqual(['Account::unresolved']);
  });

  test('each finding names the key policy', () => {
    expect(rule.granular!.describe('Account::999999999999')).toMatch(/^The key policy names account 999999999999.*KmsKeyPolicyNoForeignAccount\[Account::999999999999\]/);
  });
});
