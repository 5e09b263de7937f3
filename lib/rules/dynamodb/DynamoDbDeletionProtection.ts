import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { GLOBAL_TABLE, everyReplica } from '../../pack/dynamodb-table';
import { ElectionRule } from '../../pack/election-rule';
import { literalBoolean } from '../../pack/intrinsics';
import { TemplateResource } from '../../pack/template-model';

/** No API call deletes a table while protection is on. */
export const DynamoDbDeletionProtection: ElectionRule = {
  name: 'DynamoDbDeletionProtection',
  level: NagMessageLevel.ERROR,
  info: 'The table (or a replica of the global table) does not have deletion protection enabled.',
  explanation:
    'A DeleteTable call, from a ransomware operator with a stolen credential or a mistaken cleanup script, ' +
    'removes a voter roll or a results table and, with it, its point-in-time recovery. DeletionProtectionEnabled ' +
    'true (on every replica of a global table) refuses the call until someone deliberately turns it off, which ' +
    'CloudTrail records. A DeletionPolicy of Retain protects against CloudFormation only.',
  controls: ['NIST-800-53-r5:CP-9', 'NIST-800-53-r5:SI-12', 'NIST-800-53-r5:CM-6', 'CISA-CPG:2.R', 'CIS-v8:3.4'],
  resourceTypes: ['AWS::DynamoDB::Table', GLOBAL_TABLE],
  waivable: true,
  check: (resource: TemplateResource) =>
    everyReplica(resource, (p) => literalBoolean(p.DeletionProtectionEnabled) === true)
      ? NagRuleCompliance.COMPLIANT
      : NagRuleCompliance.NON_COMPLIANT,
};
