import { NagRuleCompliance } from 'cdk-nag';
import { DataStoreClassified as rule } from '../../../lib/rules/common/DataStoreClassified';
import { judge } from '../../helpers/template-fixtures';

const bucket = (tags: unknown) => ({ B: { Type: 'AWS::S3::Bucket', Properties: tags === undefined ? {} : { Tags: tags } } });

describe('DataStoreClassified', () => {
  test.each(['election-records', 'voter-pii', 'audit-logs', 'public-content', 'operational'])('compliant: class %s', (value) => {
    expect(judge(rule, bucket([{ Key: 'Owner', Value: 'x' }, { Key: 'election:data-class', Value: value }]), 'B')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('compliant: the map form of Tags some types use', () => {
    expect(judge(rule, { B: { Type: 'AWS::S3::Bucket', Properties: { Tags: { 'election:data-class': 'operational' } } } }, 'B')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['no tags', undefined],
    ['other tags only', [{ Key: 'Owner', Value: 'x' }]],
    ['an unknown class', [{ Key: 'election:data-class', Value: 'secret' }]],
    ['a class with different case', [{ Key: 'election:data-class', Value: 'Election-Records' }]],
  ])('non-compliant: %s', (_, tags) => {
    expect(judge(rule, bucket(tags), 'B')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('a global table is classified by its replicas, each of which must declare a class', () => {
    const replica = (tags?: unknown) => ({ Region: 'us-east-1', ...(tags ? { Tags: tags } : {}) });
    const table = (...list: unknown[]) => ({ G: { Type: 'AWS::DynamoDB::GlobalTable', Properties: { Replicas: list } } });
    const pii = [{ Key: 'election:data-class', Value: 'voter-pii' }];
    expect(judge(rule, table(replica(pii), replica(pii)), 'G')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, table(replica(pii), replica()), 'G')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, { G: { Type: 'AWS::DynamoDB::GlobalTable', Properties: { Replicas: { Ref: 'R' } } } }, 'G')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each(['AWS::DynamoDB::Table', 'AWS::Logs::LogGroup'])('tables and log groups are data stores too: %s', (type) => {
    expect(judge(rule, { D: { Type: type, Properties: { Tags: [{ Key: 'election:data-class', Value: 'voter-pii' }] } } }, 'D')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, { D: { Type: type, Properties: {} } }, 'D')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each([
    'AWS::SQS::Queue',
    'AWS::RDS::DBInstance',
    'AWS::RDS::DBCluster',
    'AWS::DocDB::DBCluster',
    'AWS::EC2::Volume',
    'AWS::Kinesis::Stream',
    'AWS::OpenSearchService::Domain',
    'AWS::Elasticsearch::Domain',
  ])('stores a county may add are data stores too (red team: new unclassified stores): %s', (type) => {
    expect(judge(rule, { D: { Type: type, Properties: { Tags: [{ Key: 'election:data-class', Value: 'voter-pii' }] } } }, 'D')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, { D: { Type: type, Properties: { StorageEncrypted: false } } }, 'D')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each([
    ['AWS::EFS::FileSystem', 'FileSystemTags', [{ Key: 'election:data-class', Value: 'election-records' }]],
    ['AWS::Backup::BackupVault', 'BackupVaultTags', { 'election:data-class': 'election-records' }],
  ])('%s carries its tags in %s', (type, property, tags) => {
    expect(judge(rule, { D: { Type: type, Properties: { [property]: tags } } }, 'D')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, { D: { Type: type, Properties: { Tags: tags } } }, 'D')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, { D: { Type: type, Properties: { [property]: { Ref: 'Tags' } } } }, 'D')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: a KMS key, and an Aurora instance whose cluster holds the data', () => {
    expect(judge(rule, { K: { Type: 'AWS::KMS::Key' } }, 'K')).toBe(NagRuleCompliance.NOT_APPLICABLE);
    expect(judge(rule, { I: { Type: 'AWS::RDS::DBInstance', Properties: { DBClusterIdentifier: { Ref: 'Cluster' } } } }, 'I')).toBe(
      NagRuleCompliance.NOT_APPLICABLE,
    );
  });

  test('unresolvable: a class from a parameter, or tags from a condition, fails closed', () => {
    expect(judge(rule, bucket([{ Key: 'election:data-class', Value: { Ref: 'Class' } }]), 'B')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, bucket({ 'Fn::If': ['C', [], []] }), 'B')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
