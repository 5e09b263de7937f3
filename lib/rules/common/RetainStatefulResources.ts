import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { dataKeptOnDeleteAndReplace, retentionFaultPath } from '../../pack/deletion-policy';
import { ElectionRule } from '../../pack/election-rule';
import { TemplateResource } from '../../pack/template-model';

/** Resource types that hold data or the keys to it. */
const STATEFUL_TYPES = [
  'AWS::S3::Bucket',
  'AWS::KMS::Key',
  'AWS::DynamoDB::Table',
  'AWS::DynamoDB::GlobalTable',
  'AWS::Logs::LogGroup',
  'AWS::Cognito::UserPool',
  'AWS::RDS::DBInstance',
  'AWS::RDS::DBCluster',
  'AWS::EFS::FileSystem',
];

/** A stack delete or a replacing update must never take records, logs or keys with it. */
export const RetainStatefulResources: ElectionRule = {
  name: 'RetainStatefulResources',
  level: NagMessageLevel.ERROR,
  info:
    'The stateful resource is not kept on stack delete or replacement (DeletionPolicy and UpdateReplacePolicy must be Retain, ' +
    'or Snapshot for databases, clusters and volumes CloudFormation snapshots).',
  explanation:
    'A mistaken destroy or a ransomware operator with deploy rights can delete a whole stack, records and logs ' +
    'with it. Passes: DeletionPolicy and UpdateReplacePolicy Retain (or Snapshot for databases and volumes).',
  rationale:
    'A renamed construct deletes its old resource as surely as a destroy does. Buckets, tables, log groups ' +
    'and the KMS keys that decrypt them must survive either: election records are kept 22 months (52 U.S.C. ' +
    '20701) and audit logs must outlive the incident they record (NIST AU-11, CP-9). A DB instance in an ' +
    "Aurora or Multi-AZ DB cluster (DBClusterIdentifier) is not judged: its data is the cluster's, and the " +
    'cluster is.',
  controls: ['NIST-800-53-r5:CP-9', 'NIST-800-53-r5:AU-11', 'NIST-800-53-r5:SI-12', 'CISA-CPG:2.R', '52-USC-20701', 'CIS-v8:3.4'],
  resourceTypes: STATEFUL_TYPES,
  waivable: true,
  faultPath: retentionFaultPath,
  check: retainStatefulResources,
};

function retainStatefulResources(resource: TemplateResource): NagRuleCompliance {
  if (holdsNoDataOfItsOwn(resource)) return NagRuleCompliance.NOT_APPLICABLE;
  return dataKeptOnDeleteAndReplace(resource) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

/** A DB instance that is a member of a DB cluster stores nothing the cluster does not: CloudFormation cannot snapshot it either. */
function holdsNoDataOfItsOwn(resource: TemplateResource): boolean {
  return resource.type === 'AWS::RDS::DBInstance' && resource.properties.DBClusterIdentifier !== undefined;
}
