import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { DataClass } from '../../baseline/data-class';
import { declaredDataClass } from '../../pack/data-class-of';
import { ElectionRule } from '../../pack/election-rule';
import { at, literalNumber } from '../../baseline/intrinsics';
import { TemplateResource } from '../../pack/template-model';
import { MIN_AUDIT_LOG_RETENTION_DAYS, MIN_RECORDS_RETENTION_DAYS } from '../../baseline/records-retention';

/** Backups of records and audit logs sit in a vault no one can empty before the retention period ends. */
export const BackupVaultLocked: ElectionRule = {
  name: 'BackupVaultLocked',
  level: NagMessageLevel.ERROR,
  info:
    `The backup vault holds election records (or audit logs) and has no compliance-mode Vault Lock keeping recovery points ` +
    `at least ${MIN_RECORDS_RETENTION_DAYS} (${MIN_AUDIT_LOG_RETENTION_DAYS}) days.`,
  explanation:
    'Ransomware crews delete backups first. LockConfiguration with ChangeableForDays (compliance mode, which no one can ' +
    'lift) and MinRetentionDays at least the retention floor passes; an unclassified vault is held to the records floor.',
  controls: ['52-USC-20701', 'NIST-800-53-r5:CP-9', 'NIST-800-53-r5:AU-9', 'NIST-800-53-r5:AU-11', 'NIST-800-53-r5:SI-12', 'CISA-CPG:2.R', 'CIS-v8:11.3'],
  resourceTypes: ['AWS::Backup::BackupVault'],
  waivable: true,
  faultPath: () => 'Properties.LockConfiguration',
  check: backupVaultLocked,
};

/** The fewest days of lock each class needs; an unclassified vault is held to the records floor. */
function lockFloor(resource: TemplateResource): number | undefined {
  const declared = declaredDataClass(resource);
  if (declared === undefined || declared === DataClass.ELECTION_RECORDS) return MIN_RECORDS_RETENTION_DAYS;
  return declared === DataClass.AUDIT_LOGS ? MIN_AUDIT_LOG_RETENTION_DAYS : undefined;
}

function backupVaultLocked(resource: TemplateResource): NagRuleCompliance {
  const floor = lockFloor(resource);
  if (floor === undefined) return NagRuleCompliance.NOT_APPLICABLE;
  const lock = resource.properties.LockConfiguration;
  const minDays = literalNumber(at(lock, 'MinRetentionDays'));
  // Without ChangeableForDays the lock is in governance mode: anyone with the IAM permission can remove it.
  const compliance = literalNumber(at(lock, 'ChangeableForDays')) !== undefined;
  return compliance && minDays !== undefined && minDays >= floor ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
