import { NagRuleCompliance } from 'cdk-nag';
import { DataClass } from '../baseline/data-class';
import { requiredForClass } from './data-class-of';
import { GLOBAL_TABLE, replicas, tableRequiredForClass } from './dynamodb-table';
import { asList, at, isObject, literalBoolean } from '../baseline/intrinsics';
import { KeyKind, keyKind } from './kms-key';
import { DB_CLUSTER, DB_INSTANCE, inCluster, storageKey } from './rds-database';
import { StackTemplate, TemplateResource, UNRESOLVED } from './template-model';

/**
 * Which resources must be encrypted under a customer-managed KMS key, and
 * the key values each names: the one home of what the key rules
 * (`S3BucketCustomerManagedKey`, `DynamoDbCustomerManagedKey`,
 * `LogGroupEncrypted`, `SnsTopicEncrypted`, `CloudTrailEncrypted`,
 * `SqsQueueCustomerManagedKey`, `OpenSearchCustomerManagedKey`,
 * `RdsCustomerManagedKey`, `EfsCustomerManagedKey`,
 * `BackupVaultCustomerManagedKey`) require,
 * so `KmsKeyUnverifiable` reports exactly the keys they pass over.
 */

/** The data classes whose stores need a customer-managed key. */
export const CUSTOMER_KEY_CLASSES: readonly DataClass[] = [DataClass.ELECTION_RECORDS, DataClass.VOTER_PII, DataClass.AUDIT_LOGS];

/** S3 default-encryption algorithms that use a KMS key. */
const KMS_ALGORITHMS = ['aws:kms', 'aws:kms:dsse'];

/**
 * The key values a resource must hold customer-managed; undefined when it
 * need not (another class, another type). An encryption setting that uses
 * no KMS key stands as `undefined`, which `keyKind` reads as AWS-managed.
 */
type KeyReader = (resource: TemplateResource, template: StackTemplate) => readonly unknown[] | undefined;

const READERS: Record<string, KeyReader> = {
  'AWS::S3::Bucket': bucketKeys,
  'AWS::DynamoDB::Table': tableKeys,
  [GLOBAL_TABLE]: tableKeys,
  'AWS::Logs::LogGroup': (r) => (requiredForClass(r, CUSTOMER_KEY_CLASSES) ? [r.properties.KmsKeyId] : undefined),
  'AWS::SNS::Topic': (r) => [r.properties.KmsMasterKeyId],
  'AWS::CloudTrail::Trail': (r) => [r.properties.KMSKeyId],
  'AWS::SQS::Queue': (r) => (requiredForClass(r, CUSTOMER_KEY_CLASSES) ? [r.properties.KmsMasterKeyId] : undefined),
  'AWS::OpenSearchService::Domain': searchDomainKeys,
  'AWS::Elasticsearch::Domain': searchDomainKeys,
  [DB_INSTANCE]: databaseKeys,
  [DB_CLUSTER]: databaseKeys,
  'AWS::EFS::FileSystem': (r) =>
    requiredForClass(r, CUSTOMER_KEY_CLASSES) ? [literalBoolean(r.properties.Encrypted) === true ? r.properties.KmsKeyId : undefined] : undefined,
  'AWS::Backup::BackupVault': (r) => (requiredForClass(r, CUSTOMER_KEY_CLASSES) ? [r.properties.EncryptionKeyArn] : undefined),
};

/**
 * Where each type names its key (or turns encryption on): the property a key
 * rule's finding points at (`ElectionRule.faultPath`).
 */
const KEY_PATHS: Record<string, (resource: TemplateResource) => string> = {
  'AWS::S3::Bucket': () => 'Properties.BucketEncryption',
  'AWS::DynamoDB::Table': () => 'Properties.SSESpecification',
  [GLOBAL_TABLE]: () => 'Properties.SSESpecification',
  'AWS::Logs::LogGroup': () => 'Properties.KmsKeyId',
  'AWS::SNS::Topic': () => 'Properties.KmsMasterKeyId',
  'AWS::CloudTrail::Trail': () => 'Properties.KMSKeyId',
  'AWS::SQS::Queue': () => 'Properties.KmsMasterKeyId',
  'AWS::OpenSearchService::Domain': () => 'Properties.EncryptionAtRestOptions',
  'AWS::Elasticsearch::Domain': () => 'Properties.EncryptionAtRestOptions',
  [DB_INSTANCE]: (r) => (literalBoolean(r.properties.StorageEncrypted) === true ? 'Properties.KmsKeyId' : 'Properties.StorageEncrypted'),
  [DB_CLUSTER]: (r) => (literalBoolean(r.properties.StorageEncrypted) === true ? 'Properties.KmsKeyId' : 'Properties.StorageEncrypted'),
  'AWS::EFS::FileSystem': (r) => (literalBoolean(r.properties.Encrypted) === true ? 'Properties.KmsKeyId' : 'Properties.Encrypted'),
  'AWS::Backup::BackupVault': () => 'Properties.EncryptionKeyArn',
};

/** The property of a resource where its customer-managed key goes (`Properties.BucketEncryption`); undefined for a type no key rule judges. */
export function customerKeyPath(resource: TemplateResource): string | undefined {
  return KEY_PATHS[resource.type]?.(resource);
}

/** The types a key rule judges. */
export const CUSTOMER_KEY_TYPES: readonly string[] = Object.keys(READERS);

/**
 * A key rule's verdict: NON_COMPLIANT when a key it needs is AWS-managed or
 * absent. A key the template does not resolve is passed over here and
 * reported by `KmsKeyUnverifiable`, which can be waived.
 */
export function customerKeyVerdict(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  return verdictOn(resource, template, KeyKind.AWS_MANAGED);
}

/** `KmsKeyUnverifiable`'s verdict: NON_COMPLIANT when a key a key rule needs is one the template does not resolve. */
export function unverifiableKeyVerdict(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  return verdictOn(resource, template, KeyKind.UNRESOLVABLE);
}

function verdictOn(resource: TemplateResource, template: StackTemplate, failing: KeyKind): NagRuleCompliance {
  const keys = READERS[resource.type]?.(resource, template);
  if (keys === undefined) return NagRuleCompliance.NOT_APPLICABLE;
  return keys.some((key) => keyKind(key, template) === failing) ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
}

/** Each default-encryption rule's key; a rule without a KMS algorithm, or no rule at all, has none. */
function bucketKeys(resource: TemplateResource): readonly unknown[] | undefined {
  if (!requiredForClass(resource, CUSTOMER_KEY_CLASSES)) return undefined;
  const rules = at(resource.properties, 'BucketEncryption', 'ServerSideEncryptionConfiguration');
  if (!Array.isArray(rules) || rules.length === 0) return [undefined];
  return asList(rules).map((rule) => {
    const byDefault = at(rule, 'ServerSideEncryptionByDefault');
    return isObject(byDefault) && KMS_ALGORITHMS.includes(byDefault.SSEAlgorithm as string) ? byDefault.KMSMasterKeyID : undefined;
  });
}

/** SSEEnabled with SSEType KMS on the table, and the key of the table or of every replica of a global table. */
function tableKeys(resource: TemplateResource): readonly unknown[] | undefined {
  if (!tableRequiredForClass(resource, CUSTOMER_KEY_CLASSES)) return undefined;
  const sse = resource.properties.SSESpecification;
  if (literalBoolean(at(sse, 'SSEEnabled')) !== true || at(sse, 'SSEType') !== 'KMS') return [undefined];
  if (resource.type !== GLOBAL_TABLE) return [at(sse, 'KMSMasterKeyId')];
  const list = replicas(resource);
  return list === UNRESOLVED ? [undefined] : list.map((replica) => at(replica, 'SSESpecification', 'KMSMasterKeyId'));
}

/** A search domain's at-rest key when `EncryptionAtRestOptions.Enabled` is literally true; without it, no KMS key at all. */
function searchDomainKeys(resource: TemplateResource): readonly unknown[] | undefined {
  if (!requiredForClass(resource, CUSTOMER_KEY_CLASSES)) return undefined;
  const options = resource.properties.EncryptionAtRestOptions;
  return literalBoolean(at(options, 'Enabled')) === true ? [at(options, 'KmsKeyId')] : [undefined];
}

/** A database's storage key; an instance in a cluster is judged through its cluster. */
function databaseKeys(resource: TemplateResource, template: StackTemplate): readonly unknown[] | undefined {
  if (inCluster(resource) || !requiredForClass(resource, CUSTOMER_KEY_CLASSES)) return undefined;
  return [storageKey(resource, template)];
}
