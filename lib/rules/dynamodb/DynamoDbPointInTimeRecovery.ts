import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { GLOBAL_TABLE, everyReplica } from '../../pack/dynamodb-table';
import { ElectionRule } from '../../pack/election-rule';
import { at, literalBoolean, literalNumber } from '../../pack/intrinsics';
import { TemplateResource } from '../../pack/template-model';

/** Every table can be restored to any second of the last 35 days. */
export const DynamoDbPointInTimeRecovery: ElectionRule = {
  name: 'DynamoDbPointInTimeRecovery',
  level: NagMessageLevel.ERROR,
  info: 'The table (or a replica of the global table) does not have point-in-time recovery enabled.',
  explanation:
    'Ransomware on county systems, a compromised credential or a faulty import can overwrite or delete a voter ' +
    'roll or a results table in minutes, days before an election. Point-in-time recovery restores the table to ' +
    'any second of the last 35 days. PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled must be true ' +
    '(for a global table, on every replica), and RecoveryPeriodInDays, when set, 35: a shorter window lets an ' +
    'intrusion found after a long weekend outlast every restore point.',
  controls: ['NIST-800-53-r5:CP-9', 'NIST-800-53-r5:CP-10', 'NIST-800-53-r5:SI-12', 'CISA-CPG:2.R', 'CIS-v8:11.2'],
  resourceTypes: ['AWS::DynamoDB::Table', GLOBAL_TABLE],
  waivable: true,
  check: (resource: TemplateResource) =>
    everyReplica(resource, (p) => literalBoolean(at(p, 'PointInTimeRecoverySpecification', 'PointInTimeRecoveryEnabled')) === true && fullWindow(p))
      ? NagRuleCompliance.COMPLIANT
      : NagRuleCompliance.NON_COMPLIANT,
};

/** The longest recovery window DynamoDB offers, and its default. */
const MAX_RECOVERY_DAYS = 35;

function fullWindow(properties: unknown): boolean {
  const days = at(properties, 'PointInTimeRecoverySpecification', 'RecoveryPeriodInDays');
  return days === undefined || literalNumber(days) === MAX_RECOVERY_DAYS;
}
