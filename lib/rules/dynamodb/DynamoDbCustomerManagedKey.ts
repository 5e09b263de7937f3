import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { customerKeyPath, customerKeyVerdict } from '../../pack/customer-keys';
import { GLOBAL_TABLE } from '../../pack/dynamodb-table';
import { ElectionRule } from '../../pack/election-rule';
import { StackTemplate, TemplateResource } from '../../pack/template-model';

/** Tables of records, voter PII and audit logs are encrypted under a key the agency controls. */
export const DynamoDbCustomerManagedKey: ElectionRule = {
  name: 'DynamoDbCustomerManagedKey',
  level: NagMessageLevel.ERROR,
  info: 'The table holds election records, voter PII or audit logs and is not encrypted with a customer-managed KMS key.',
  explanation:
    'A registration table is the prize of voter-data pulls (CISA AA20-304A). With a customer-managed key the ' +
    'agency decides who decrypts; the AWS owned key and alias/aws/dynamodb fail.',
  rationale:
    'A key the template does not resolve is left to KmsKeyUnverifiable.',
  controls: ['NIST-800-53-r5:SC-28', 'NIST-800-53-r5:SC-28(1)', 'NIST-800-53-r5:SC-12', 'NIST-800-53-r5:SC-13', 'CISA-CPG:2.K', 'CISA-CPG:2.L', 'CIS-v8:3.11'],
  resourceTypes: ['AWS::DynamoDB::Table', GLOBAL_TABLE],
  waivable: false,
  faultPath: customerKeyPath,
  check: dynamoDbCustomerManagedKey,
};

function dynamoDbCustomerManagedKey(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  return customerKeyVerdict(resource, template);
}
