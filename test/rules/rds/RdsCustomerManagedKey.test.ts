import { NagRuleCompliance } from 'cdk-nag';
import { RdsCustomerManagedKey as rule } from '../../../lib/rules/rds/RdsCustomerManagedKey';
import { auroraTemplate, instanceTemplate } from '../../helpers/data-store-fixtures';
import { KEY_ARN, Props, withProps } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

const clusterWith = (edit: (p: Props) => void, dataClass = 'voter-pii') => withProps(auroraTemplate(dataClass), 'Cluster', edit);
const instanceWith = (edit: (p: Props) => void, dataClass = 'voter-pii') => withProps(instanceTemplate(dataClass), 'Db', edit);
/** A same-Region read replica of `Db`: it carries no encryption setting and takes its source's key. */
const replicaOf = (source: Props = {}) => {
  const t = instanceWith((p) => Object.assign(p, source));
  t.Replica = { Type: 'AWS::RDS::DBInstance', Properties: { SourceDBInstanceIdentifier: { Ref: 'Db' }, DBInstanceClass: 'db.t4g.medium' } };
  return t;
};

describe('RdsCustomerManagedKey', () => {
  test.each(['election-records', 'voter-pii', 'audit-logs'])('compliant: a %s Aurora cluster and instance under a key of the template', (dataClass) => {
    expect(judge(rule, auroraTemplate(dataClass), 'Cluster')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, instanceTemplate(dataClass), 'Db')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('compliant: a literal key ARN, a customer alias, a replica of a keyed instance of the template', () => {
    expect(judge(rule, instanceWith((p) => { p.KmsKeyId = KEY_ARN; }), 'Db')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, clusterWith((p) => { p.KmsKeyId = 'alias/voter-roll'; }), 'Cluster')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, replicaOf(), 'Replica')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['unencrypted', (p: Props) => { p.StorageEncrypted = false; }],
    ['StorageEncrypted left out (a key alone does not encrypt)', (p: Props) => { delete p.StorageEncrypted; }],
    ['the aws/rds key (no KmsKeyId)', (p: Props) => { delete p.KmsKeyId; }],
    ['the aws/rds alias', (p: Props) => { p.KmsKeyId = 'alias/aws/rds'; }],
  ])('non-compliant: a voter-pii cluster and instance %s', (_, edit) => {
    expect(judge(rule, clusterWith(edit), 'Cluster')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, instanceWith(edit), 'Db')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('non-compliant: an unclassified database is judged as the most sensitive; a replica inherits its source\'s weakness', () => {
    expect(judge(rule, instanceWith((p) => { delete p.Tags; p.StorageEncrypted = false; }), 'Db')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, replicaOf({ StorageEncrypted: false }), 'Replica')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: an Aurora instance (the cluster holds the key), operational and public-content databases, the key', () => {
    expect(judge(rule, clusterWith((p) => { p.StorageEncrypted = false; }), 'Writer')).toBe(NagRuleCompliance.NOT_APPLICABLE);
    for (const dataClass of ['operational', 'public-content']) {
      expect(judge(rule, instanceWith((p) => { p.StorageEncrypted = false; }, dataClass), 'Db')).toBe(NagRuleCompliance.NOT_APPLICABLE);
    }
    expect(judge(rule, auroraTemplate(), 'Key')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: a key from a parameter, or a replica or restore of a source outside the template, is left to KmsKeyUnverifiable', () => {
    expect(judge(rule, instanceWith((p) => { p.KmsKeyId = { Ref: 'KeyArn' }; }), 'Db')).toBe(NagRuleCompliance.COMPLIANT);
    const external = { Db: { Type: 'AWS::RDS::DBInstance', Properties: { SourceDBInstanceIdentifier: 'arn:aws:rds:us-east-1:111122223333:db:roll' } } };
    expect(judge(rule, external, 'Db')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, clusterWith((p) => { delete p.StorageEncrypted; delete p.KmsKeyId; p.SnapshotIdentifier = 'roll-2024'; }), 'Cluster')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('unresolvable: StorageEncrypted from a parameter fails closed', () => {
    expect(judge(rule, instanceWith((p) => { p.StorageEncrypted = { Ref: 'Encrypt' }; }), 'Db')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('is not waivable', () => {
    expect(rule.waivable).toBe(false);
  });
});
