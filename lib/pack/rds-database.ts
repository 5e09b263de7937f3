import { JsonObject, literalBoolean, referencedLogicalId } from '../baseline/intrinsics';
import { StackTemplate, TemplateResource, UNRESOLVED } from './template-model';

/** Reading `AWS::RDS::DBInstance` and `AWS::RDS::DBCluster` as the template carries them. */

export const DB_INSTANCE = 'AWS::RDS::DBInstance';
export const DB_CLUSTER = 'AWS::RDS::DBCluster';

/**
 * Whether an instance belongs to a cluster (Aurora, or a Multi-AZ DB
 * cluster): the cluster stores the data and holds its encryption, backup and
 * deletion settings, so those are judged on the cluster.
 */
export function inCluster(resource: TemplateResource): boolean {
  return resource.type === DB_INSTANCE && resource.properties.DBClusterIdentifier !== undefined;
}

/** Whether an instance is a read replica: its source keeps the backups, and deleting it loses no data. */
export function isReadReplica(resource: TemplateResource): boolean {
  const p = resource.properties;
  return resource.type === DB_INSTANCE && (p.SourceDBInstanceIdentifier !== undefined || p.SourceDbiResourceId !== undefined);
}

/** The properties naming where a restored or replicated database takes its data, and with it its encryption. */
const SOURCE_PROPERTIES: Record<string, readonly string[]> = {
  [DB_INSTANCE]: ['SourceDBInstanceIdentifier', 'SourceDbiResourceId', 'DBSnapshotIdentifier', 'DBClusterSnapshotIdentifier'],
  [DB_CLUSTER]: ['SnapshotIdentifier', 'SourceDBClusterIdentifier', 'SourceDbClusterResourceId'],
};

/**
 * The KMS key a database's storage is encrypted under, as the template
 * writes it: `undefined` when storage is unencrypted or under the AWS-managed
 * key (both fail a customer-key rule). A replica or restore with no key of its
 * own inherits its source's: the source's key when the source is a database
 * of this template, else UNRESOLVED (a key the template cannot show).
 */
export function storageKey(resource: TemplateResource, template: StackTemplate, seen: ReadonlySet<string> = new Set()): unknown {
  const p = resource.properties;
  const source = (SOURCE_PROPERTIES[resource.type] ?? []).map((name) => p[name]).find((v) => v !== undefined);
  if (source !== undefined && p.StorageEncrypted === undefined) {
    if (p.KmsKeyId !== undefined) return p.KmsKeyId;
    const sourceDb = sourceInTemplate(source, template);
    if (sourceDb === undefined || seen.has(sourceDb.logicalId)) return UNRESOLVED;
    return storageKey(sourceDb, template, new Set([...seen, resource.logicalId]));
  }
  return literalBoolean(p.StorageEncrypted) === true ? p.KmsKeyId : undefined;
}

function sourceInTemplate(source: unknown, template: StackTemplate): TemplateResource | undefined {
  const id = referencedLogicalId(source);
  const found = id === undefined ? undefined : template.get(id);
  return found && (found.type === DB_INSTANCE || found.type === DB_CLUSTER) ? found : undefined;
}

/**
 * Whether a cluster is a Multi-AZ DB cluster (it names an instance class of
 * its own), the only kind whose `PubliclyAccessible` RDS reads; an Aurora
 * cluster's instances each decide it.
 */
export function isMultiAzCluster(properties: JsonObject): boolean {
  return properties.DBClusterInstanceClass !== undefined;
}
