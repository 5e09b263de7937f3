import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { DATA_CLASS_TAG, dataClassValues, isDataClass } from '../../baseline/data-class';
import { dataClassTagPath, withTagsAsTags } from '../../pack/data-class-of';
import { everyReplica } from '../../pack/dynamodb-table';
import { ElectionRule } from '../../pack/election-rule';
import { TemplateResource, tagValue } from '../../pack/template-model';

/**
 * Data stores a county might add that hold voter or election data, beyond
 * the buckets, tables and log groups the constructs create: queues, databases,
 * file systems, volumes, streams, search domains and backup vaults.
 */
const OTHER_DATA_STORES = [
  'AWS::SQS::Queue',
  'AWS::RDS::DBInstance',
  'AWS::RDS::DBCluster',
  'AWS::DocDB::DBCluster',
  'AWS::EFS::FileSystem',
  'AWS::EC2::Volume',
  'AWS::Kinesis::Stream',
  'AWS::OpenSearchService::Domain',
  'AWS::Elasticsearch::Domain',
  'AWS::Backup::BackupVault',
];

/** Data stores declare what they hold, so the pack knows how to judge them. */
export const DataStoreClassified: ElectionRule = {
  name: 'DataStoreClassified',
  level: NagMessageLevel.ERROR,
  info: `The data store has no valid '${DATA_CLASS_TAG}' tag.`,
  explanation:
    'A store with no class cannot be judged by the class rules and is known to no inventory. Passes: the tag ' +
    `'${DATA_CLASS_TAG}' with one of ${dataClassValues()}.`,
  rationale:
    'Every data store (S3 bucket, DynamoDB table, CloudWatch log group, and the queues, RDS and DocumentDB ' +
    'databases, EFS file systems, EBS volumes, Kinesis streams, OpenSearch domains and backup vaults a county ' +
    'may add) must carry the tag. The baseline judges a store by its class: records need Object Lock for the ' +
    '22 months of 52 U.S.C. 20701, voter PII and audit logs need a customer-managed key. An unclassified ' +
    'store is an error, and the class rules treat it as the most sensitive kind; an unclassified queue or ' +
    'database of voter records is also one no incident response plan knows about. An RDS instance that ' +
    'belongs to a cluster is judged through its cluster; EFS file systems carry the tag in FileSystemTags, ' +
    'backup vaults in BackupVaultTags.',
  controls: ['NIST-800-53-r5:CM-6', 'NIST-800-53-r5:SI-12', 'CISA-CPG:2.L', 'CIS-v8:3.7'],
  resourceTypes: ['AWS::S3::Bucket', 'AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable', 'AWS::Logs::LogGroup', ...OTHER_DATA_STORES],
  waivable: true,
  faultPath: dataClassTagPath,
  check: dataStoreClassified,
};

function dataStoreClassified(resource: TemplateResource): NagRuleCompliance {
  // An Aurora instance stores nothing of its own: the cluster holds the data and the tag.
  if (resource.type === 'AWS::RDS::DBInstance' && resource.properties.DBClusterIdentifier !== undefined) return NagRuleCompliance.NOT_APPLICABLE;
  const tagged = withTagsAsTags(resource);
  // A global table carries its tags on each replica: every replica must declare a class.
  const classified = everyReplica(tagged, (properties) => isDataClass(tagValue({ ...tagged, properties }, DATA_CLASS_TAG)));
  return classified ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
