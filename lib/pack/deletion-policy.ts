import { TemplateResource } from './template-model';

/**
 * Whether a resource survives both a stack delete and a replacing update:
 * `DeletionPolicy` Retain or RetainExceptOnCreate (which deletes only what a
 * failed create leaves behind, empty), and `UpdateReplacePolicy` Retain.
 * Absent means Delete; an intrinsic is decided at deploy and is not kept (fail closed).
 */
export function keptOnDeleteAndReplace(resource: TemplateResource): boolean {
  const keptOnDelete = resource.deletionPolicy === 'Retain' || resource.deletionPolicy === 'RetainExceptOnCreate';
  return keptOnDelete && resource.updateReplacePolicy === 'Retain';
}

/**
 * The types for which CloudFormation's `Snapshot` policy takes a final
 * snapshot before deleting, so the data outlives the resource. An RDS DB
 * instance in a cluster is left out (its data is the cluster's), and so is a
 * Memcached cache cluster (it has no snapshots).
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html
 */
export const SNAPSHOT_CAPABLE_TYPES: readonly string[] = [
  'AWS::RDS::DBInstance',
  'AWS::RDS::DBCluster',
  'AWS::Neptune::DBCluster',
  'AWS::DocDB::DBCluster',
  'AWS::Redshift::Cluster',
  'AWS::EC2::Volume',
  'AWS::ElastiCache::CacheCluster',
  'AWS::ElastiCache::ReplicationGroup',
];

/**
 * Whether a resource's data survives a stack delete and a replacing update:
 * kept (see `keptOnDeleteAndReplace`), or, for a type CloudFormation
 * snapshots, each policy Retain or Snapshot (RetainExceptOnCreate on delete).
 */
export function dataKeptOnDeleteAndReplace(resource: TemplateResource): boolean {
  if (keptOnDeleteAndReplace(resource)) return true;
  if (!SNAPSHOT_CAPABLE_TYPES.includes(resource.type)) return false;
  if (resource.type === 'AWS::RDS::DBInstance' && resource.properties.DBClusterIdentifier !== undefined) return false;
  if (resource.type === 'AWS::ElastiCache::CacheCluster' && !['redis', 'valkey'].includes(resource.properties.Engine as string)) return false;
  const keptOnDelete = ['Retain', 'RetainExceptOnCreate', 'Snapshot'].includes(resource.deletionPolicy as string);
  return keptOnDelete && ['Retain', 'Snapshot'].includes(resource.updateReplacePolicy as string);
}

/**
 * Where a resource's retention fault lies, for a rule's `faultPath`:
 * `DeletionPolicy` while a stack deletion would take the data, else
 * `UpdateReplacePolicy`.
 */
export function retentionFaultPath(resource: TemplateResource): string {
  const policy = resource.deletionPolicy;
  const keptOnDelete = policy === 'Retain' || policy === 'RetainExceptOnCreate' || (policy === 'Snapshot' && SNAPSHOT_CAPABLE_TYPES.includes(resource.type));
  return keptOnDelete ? 'UpdateReplacePolicy' : 'DeletionPolicy';
}
