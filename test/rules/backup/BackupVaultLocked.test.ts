import { NagRuleCompliance } from 'cdk-nag';
import { MIN_AUDIT_LOG_RETENTION_DAYS, MIN_RECORDS_RETENTION_DAYS } from '../../../lib/baseline/records-retention';
import { BackupVaultLocked as rule } from '../../../lib/rules/backup/BackupVaultLocked';
import { vaultTemplate } from '../../helpers/data-store-fixtures';
import { withProps } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

const withLock = (lock: unknown, dataClass = 'election-records') => withProps(vaultTemplate(dataClass), 'Vault', (p) => { p.LockConfiguration = lock; });

describe('BackupVaultLocked', () => {
  test('compliant: a records vault locked for the records floor, an audit-log vault for the log floor', () => {
    expect(judge(rule, vaultTemplate(), 'Vault')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, vaultTemplate('election-records', MIN_RECORDS_RETENTION_DAYS), 'Vault')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, vaultTemplate('audit-logs', MIN_AUDIT_LOG_RETENTION_DAYS), 'Vault')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['no lock', undefined],
    ['a governance-mode lock (no ChangeableForDays)', { MinRetentionDays: 730 }],
    ['a lock one day short of 22 months', { MinRetentionDays: MIN_RECORDS_RETENTION_DAYS - 1, ChangeableForDays: 3 }],
    ['a lock with no minimum', { MaxRetentionDays: 3650, ChangeableForDays: 3 }],
  ])('non-compliant: a records vault with %s', (_, lock) => {
    expect(judge(rule, withLock(lock), 'Vault')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('non-compliant: an audit-log vault under a year; an unclassified vault is held to the records floor', () => {
    expect(judge(rule, vaultTemplate('audit-logs', MIN_AUDIT_LOG_RETENTION_DAYS - 1), 'Vault')).toBe(NagRuleCompliance.NON_COMPLIANT);
    const unclassified = withProps(vaultTemplate('election-records', MIN_AUDIT_LOG_RETENTION_DAYS), 'Vault', (p) => { delete p.BackupVaultTags; });
    expect(judge(rule, unclassified, 'Vault')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: voter-pii, operational and public-content vaults (no retention floor), the key', () => {
    for (const dataClass of ['voter-pii', 'operational', 'public-content']) expect(judge(rule, withLock(undefined, dataClass), 'Vault')).toBe(NagRuleCompliance.NOT_APPLICABLE);
    expect(judge(rule, vaultTemplate(), 'Key')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['the lock', { Ref: 'Lock' }],
    ['the minimum', { MinRetentionDays: { Ref: 'Days' }, ChangeableForDays: 3 }],
    ['the cooling-off period', { MinRetentionDays: 730, ChangeableForDays: { Ref: 'Cooling' } }],
  ])('unresolvable: %s from a parameter fails closed', (_, lock) => {
    expect(judge(rule, withLock(lock), 'Vault')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
