import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { DataClass } from '../../data-class';
import { GLOBAL_TABLE, everyReplica, tableRequiredForClass } from '../../pack/dynamodb-table';
import { ElectionRule } from '../../pack/election-rule';
import { at, literalBoolean } from '../../pack/intrinsics';
import { isCustomerManagedKey } from '../../pack/kms-key';
import { StackTemplate, TemplateResource } from '../../pack/template-model';

/** Tables of records, voter PII and audit logs are encrypted under a key the agency controls. */
export const DynamoDbCustomerManagedKey: ElectionRule = {
  name: 'DynamoDbCustomerManagedKey',
  level: NagMessageLevel.ERROR,
  info: 'The table holds election records, voter PII or audit logs and is not encrypted with a customer-managed KMS key.',
  explanation:
    'A registration table is the prize of the voter-data pulls in CISA AA20-304A and of ransomware crews. With a ' +
    'customer-managed key the agency decides who may decrypt, every decrypt is logged in CloudTrail, and access ' +
    'can be cut off by disabling the key; the AWS owned key (the default) and the aws/dynamodb key give none of ' +
    'that. SSESpecification needs SSEEnabled true, SSEType KMS and KMSMasterKeyId a key of the template or a key ' +
    'ARN (for a global table: SSEEnabled and SSEType on the table, KMSMasterKeyId on every replica). A table of ' +
    'unknown class is judged as the most sensitive; a key from a parameter or an import fails.',
  controls: ['NIST-800-53-r5:SC-28', 'NIST-800-53-r5:SC-28(1)', 'NIST-800-53-r5:SC-12', 'NIST-800-53-r5:SC-13', 'CISA-CPG:2.K', 'CISA-CPG:2.L'],
  resourceTypes: ['AWS::DynamoDB::Table', GLOBAL_TABLE],
  waivable: false,
  check: dynamoDbCustomerManagedKey,
};

function dynamoDbCustomerManagedKey(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  if (!tableRequiredForClass(resource, [DataClass.ELECTION_RECORDS, DataClass.VOTER_PII, DataClass.AUDIT_LOGS])) {
    return NagRuleCompliance.NOT_APPLICABLE;
  }
  const sse = resource.properties.SSESpecification;
  if (literalBoolean(at(sse, 'SSEEnabled')) !== true || at(sse, 'SSEType') !== 'KMS') return NagRuleCompliance.NON_COMPLIANT;
  const keyed = everyReplica(resource, (properties) => isCustomerManagedKey(at(properties, 'SSESpecification', 'KMSMasterKeyId'), template));
  return keyed ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
