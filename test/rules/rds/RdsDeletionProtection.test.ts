import { NagRuleCompliance } from 'cdk-nag';
import { RdsDeletionProtection as rule } from '../../../lib/rules/rds/RdsDeletionProtection';
import { auroraTemplate, instanceTemplate } from '../../helpers/data-store-fixtures';
import { withProps } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

const protecting = (value: unknown, dataClass = 'voter-pii') => withProps(instanceTemplate(dataClass), 'Db', (p) => { p.DeletionProtection = value; });

describe('RdsDeletionProtection', () => {
  test.each(['voter-pii', 'election-records'])('compliant: a protected %s cluster and instance', (dataClass) => {
    expect(judge(rule, auroraTemplate(dataClass), 'Cluster')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, protecting('true', dataClass), 'Db')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['absent', undefined],
    ['false', false],
  ])('non-compliant: deletion protection %s (a Retain policy guards against CloudFormation only)', (_, value) => {
    const instance = protecting(value);
    instance.Db.DeletionPolicy = 'Retain';
    expect(judge(rule, instance, 'Db')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, withProps(auroraTemplate(), 'Cluster', (p) => { p.DeletionProtection = value; }), 'Cluster')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: audit-logs, operational and public-content databases, an Aurora instance, a read replica', () => {
    for (const dataClass of ['audit-logs', 'operational', 'public-content']) expect(judge(rule, protecting(false, dataClass), 'Db')).toBe(NagRuleCompliance.NOT_APPLICABLE);
    expect(judge(rule, auroraTemplate(), 'Writer')).toBe(NagRuleCompliance.NOT_APPLICABLE);
    const replica = { Replica: { Type: 'AWS::RDS::DBInstance', Properties: { SourceDbiResourceId: 'db-ABCDEFGHIJKL' } } };
    expect(judge(rule, replica, 'Replica')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: protection from a parameter, or a class from a parameter, fails closed', () => {
    expect(judge(rule, protecting({ Ref: 'Protect' }), 'Db')).toBe(NagRuleCompliance.NON_COMPLIANT);
    const classFromParameter = withProps(protecting(false), 'Db', (p) => { p.Tags = [{ Key: 'election:data-class', Value: { Ref: 'Class' } }]; });
    expect(judge(rule, classFromParameter, 'Db')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
