import { NagRuleCompliance } from 'cdk-nag';
import { BackupVaultCustomerManagedKey as rule } from '../../../lib/rules/backup/BackupVaultCustomerManagedKey';
import { vaultTemplate } from '../../helpers/data-store-fixtures';
import { KEY_ARN, withProps } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

const keyed = (key: unknown, dataClass = 'election-records') => withProps(vaultTemplate(dataClass), 'Vault', (p) => { p.EncryptionKeyArn = key; });

describe('BackupVaultCustomerManagedKey', () => {
  test.each(['election-records', 'voter-pii', 'audit-logs'])('compliant: a %s vault under a key of the template or a key ARN', (dataClass) => {
    expect(judge(rule, vaultTemplate(dataClass), 'Vault')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, keyed(KEY_ARN, dataClass), 'Vault')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['no EncryptionKeyArn (aws/backup)', undefined],
    ['the aws/backup alias', 'arn:aws:kms:us-east-1:111122223333:alias/aws/backup'],
  ])('non-compliant: a records vault with %s', (_, key) => {
    expect(judge(rule, keyed(key), 'Vault')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('non-compliant: an unclassified vault (no BackupVaultTags) is judged as the most sensitive', () => {
    expect(judge(rule, withProps(keyed(undefined), 'Vault', (p) => { delete p.BackupVaultTags; }), 'Vault')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: operational and public-content vaults, the key', () => {
    for (const dataClass of ['operational', 'public-content']) expect(judge(rule, keyed(undefined, dataClass), 'Vault')).toBe(NagRuleCompliance.NOT_APPLICABLE);
    expect(judge(rule, vaultTemplate(), 'Key')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: a key from a parameter or an import is left to KmsKeyUnverifiable', () => {
    expect(judge(rule, keyed({ Ref: 'KeyArn' }), 'Vault')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, keyed({ 'Fn::ImportValue': 'backup-key' }), 'Vault')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('is not waivable', () => {
    expect(rule.waivable).toBe(false);
  });
});
