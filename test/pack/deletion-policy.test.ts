import { dataKeptOnDeleteAndReplace, keptOnDeleteAndReplace } from '../../lib/pack/deletion-policy';
import { toTemplateResource } from '../../lib/pack/template-model';

const body = (Type: string, Properties: Record<string, unknown> = {}, DeletionPolicy = 'Snapshot', UpdateReplacePolicy = 'Snapshot') =>
  toTemplateResource('R', { Type, Properties, DeletionPolicy, UpdateReplacePolicy });

describe('dataKeptOnDeleteAndReplace', () => {
  test.each(['AWS::Neptune::DBCluster', 'AWS::DocDB::DBCluster', 'AWS::Redshift::Cluster', 'AWS::EC2::Volume', 'AWS::ElastiCache::ReplicationGroup'])(
    'Snapshot keeps the data of %s, which keptOnDeleteAndReplace alone would not credit',
    (type) => {
      expect(dataKeptOnDeleteAndReplace(body(type))).toBe(true);
      expect(keptOnDeleteAndReplace(body(type))).toBe(false);
    },
  );

  test('a Redis cache cluster is snapshotted, a Memcached one has no snapshots', () => {
    expect(dataKeptOnDeleteAndReplace(body('AWS::ElastiCache::CacheCluster', { Engine: 'redis' }))).toBe(true);
    expect(dataKeptOnDeleteAndReplace(body('AWS::ElastiCache::CacheCluster', { Engine: 'memcached' }))).toBe(false);
  });

  test('Snapshot on an S3 bucket keeps nothing', () => {
    expect(dataKeptOnDeleteAndReplace(body('AWS::S3::Bucket'))).toBe(false);
  });
});
