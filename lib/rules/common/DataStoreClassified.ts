import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { DATA_CLASS_TAG, dataClassValues, isDataClass } from '../../data-class';
import { everyReplica } from '../../pack/dynamodb-table';
import { ElectionRule } from '../../pack/election-rule';
import { TemplateResource, tagValue } from '../../pack/template-model';

/** Data stores declare what they hold, so the pack knows how to judge them. */
export const DataStoreClassified: ElectionRule = {
  name: 'DataStoreClassified',
  level: NagMessageLevel.ERROR,
  info: `The data store has no valid '${DATA_CLASS_TAG}' tag.`,
  explanation:
    `Every data store (S3 bucket, DynamoDB table, CloudWatch log group) declares what it holds with the tag '${DATA_CLASS_TAG}' ` +
    `(one of ${dataClassValues()}). The baseline judges a store by its class: records need Object Lock for ` +
    'the 22 months of 52 U.S.C. 20701, voter PII and audit logs need a customer-managed key. A store with no ' +
    'class cannot be judged, so it is an error, and the class rules treat it as the most sensitive kind.',
  controls: ['NIST-800-53-r5:CM-6', 'NIST-800-53-r5:SI-12', 'CISA-CPG:2.L'],
  resourceTypes: ['AWS::S3::Bucket', 'AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable', 'AWS::Logs::LogGroup'],
  waivable: true,
  check: dataStoreClassified,
};

function dataStoreClassified(resource: TemplateResource): NagRuleCompliance {
  // A global table carries its tags on each replica: every replica must declare a class.
  const classified = everyReplica(resource, (properties) => isDataClass(tagValue({ ...resource, properties }, DATA_CLASS_TAG)));
  return classified ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
