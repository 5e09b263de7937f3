import { NagRuleCompliance } from 'cdk-nag';
import { MIN_DATABASE_BACKUP_RETENTION_DAYS } from '../../../lib/baseline/data-store-baseline';
import { RdsBackupRetention as rule } from '../../../lib/rules/rds/RdsBackupRetention';
import { auroraTemplate, instanceTemplate } from '../../helpers/data-store-fixtures';
import { withProps } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

const retaining = (days: unknown, dataClass = 'voter-pii') => withProps(instanceTemplate(dataClass), 'Db', (p) => { p.BackupRetentionPeriod = days; });

describe('RdsBackupRetention', () => {
  test.each(['voter-pii', 'election-records'])('compliant: a %s cluster and instance keeping a week or more', (dataClass) => {
    expect(judge(rule, auroraTemplate(dataClass), 'Cluster')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, retaining(35, dataClass), 'Db')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, retaining(String(MIN_DATABASE_BACKUP_RETENTION_DAYS), dataClass), 'Db')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['left out (RDS keeps one day)', undefined],
    ['one day short', MIN_DATABASE_BACKUP_RETENTION_DAYS - 1],
    ['turned off', 0],
  ])('non-compliant: retention %s', (_, days) => {
    expect(judge(rule, retaining(days), 'Db')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, withProps(auroraTemplate(), 'Cluster', (p) => { p.BackupRetentionPeriod = days; }), 'Cluster')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('non-compliant: an unclassified database is judged as the most sensitive', () => {
    expect(judge(rule, withProps(retaining(1), 'Db', (p) => { delete p.Tags; }), 'Db')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: audit-logs, operational and public-content databases, an Aurora instance, a read replica', () => {
    for (const dataClass of ['audit-logs', 'operational', 'public-content']) expect(judge(rule, retaining(1, dataClass), 'Db')).toBe(NagRuleCompliance.NOT_APPLICABLE);
    expect(judge(rule, auroraTemplate(), 'Writer')).toBe(NagRuleCompliance.NOT_APPLICABLE);
    const replica = { Replica: { Type: 'AWS::RDS::DBInstance', Properties: { SourceDBInstanceIdentifier: 'roll-primary' } } };
    expect(judge(rule, replica, 'Replica')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: retention from a parameter fails closed', () => {
    expect(judge(rule, retaining({ Ref: 'Days' }), 'Db')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
