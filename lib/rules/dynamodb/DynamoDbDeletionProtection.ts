import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { GLOBAL_TABLE, everyReplica, tablePropertyPath } from '../../pack/dynamodb-table';
import { ElectionRule } from '../../pack/election-rule';
import { literalBoolean } from '../../baseline/intrinsics';
import { TemplateResource } from '../../pack/template-model';

/** No API call deletes a table while protection is on. */
export const DynamoDbDeletionProtection: ElectionRule = {
  name: 'DynamoDbDeletionProtection',
  level: NagMessageLevel.ERROR,
  info: 'The table (or a replica of the global table) does not have deletion protection enabled.',
  explanation:
    'One DeleteTable call removes a voter roll and its point-in-time recovery. Passes: DeletionProtectionEnabled ' +
    'true, on every replica of a global table; DeletionPolicy Retain guards only against CloudFormation.',
  rationale:
    'The call may come from a ransomware operator with a stolen credential or from a mistaken cleanup script, ' +
    'and a results table is as exposed. Deletion protection refuses it until someone deliberately turns ' +
    'protection off, which CloudTrail records.',
  controls: ['NIST-800-53-r5:CP-9', 'NIST-800-53-r5:SI-12', 'NIST-800-53-r5:CM-6', 'CISA-CPG:2.R', 'CIS-v8:3.4'],
  resourceTypes: ['AWS::DynamoDB::Table', GLOBAL_TABLE],
  waivable: true,
  faultPath: (resource) => tablePropertyPath(resource, 'DeletionProtectionEnabled'),
  check: (resource: TemplateResource) =>
    everyReplica(resource, (p) => literalBoolean(p.DeletionProtectionEnabled) === true)
      ? NagRuleCompliance.COMPLIANT
      : NagRuleCompliance.NON_COMPLIANT,
};
