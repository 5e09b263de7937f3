import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { BACKUP_REQUIRED_CLASSES, MIN_DATABASE_BACKUP_RETENTION_DAYS } from '../../baseline/data-store-baseline';
import { requiredForClass } from '../../pack/data-class-of';
import { ElectionRule } from '../../pack/election-rule';
import { literalNumber } from '../../baseline/intrinsics';
import { DB_CLUSTER, DB_INSTANCE, inCluster, isReadReplica } from '../../pack/rds-database';
import { TemplateResource } from '../../pack/template-model';

/** Databases of voter data and records keep a week of automated backups. */
export const RdsBackupRetention: ElectionRule = {
  name: 'RdsBackupRetention',
  level: NagMessageLevel.ERROR,
  info: `The database holds voter PII or election records and keeps fewer than ${MIN_DATABASE_BACKUP_RETENTION_DAYS} days of automated backups.`,
  explanation:
    `RDS keeps one day of backups by default: an intrusion found after a weekend has outlived every restore point. ` +
    `BackupRetentionPeriod must be at least ${MIN_DATABASE_BACKUP_RETENTION_DAYS}; Aurora is judged on the cluster, read replicas not at all.`,
  controls: ['NIST-800-53-r5:CP-9', 'NIST-800-53-r5:CP-10', 'CISA-CPG:2.R', 'CIS-v8:11.2'],
  resourceTypes: [DB_INSTANCE, DB_CLUSTER],
  waivable: true,
  faultPath: () => 'Properties.BackupRetentionPeriod',
  check: rdsBackupRetention,
};

function rdsBackupRetention(resource: TemplateResource): NagRuleCompliance {
  if (inCluster(resource) || isReadReplica(resource) || !requiredForClass(resource, BACKUP_REQUIRED_CLASSES)) return NagRuleCompliance.NOT_APPLICABLE;
  const days = literalNumber(resource.properties.BackupRetentionPeriod);
  return days !== undefined && days >= MIN_DATABASE_BACKUP_RETENTION_DAYS ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
