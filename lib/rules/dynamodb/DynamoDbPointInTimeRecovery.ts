import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { GLOBAL_TABLE, everyReplica, tablePropertyPath } from '../../pack/dynamodb-table';
import { ElectionRule } from '../../pack/election-rule';
import { at, literalBoolean, literalNumber } from '../../baseline/intrinsics';
import { TemplateResource } from '../../pack/template-model';
import { PITR_RECOVERY_DAYS } from '../../baseline/data-store-baseline';

/** Every table can be restored to any second of the last 35 days. */
export const DynamoDbPointInTimeRecovery: ElectionRule = {
  name: 'DynamoDbPointInTimeRecovery',
  level: NagMessageLevel.ERROR,
  info: 'The table (or a replica of the global table) does not have point-in-time recovery enabled.',
  explanation:
    'Ransomware or a faulty import can wipe a voter roll in minutes; point-in-time recovery restores any second ' +
    'of 35 days. Passes: PointInTimeRecoveryEnabled true (every replica), RecoveryPeriodInDays absent or 35.',
  rationale:
    'A compromised credential can do the same to a results table, days before an election. The setting is ' +
    'PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled. A RecoveryPeriodInDays shorter than 35 lets ' +
    'an intrusion found after a long weekend outlast every restore point.',
  controls: ['NIST-800-53-r5:CP-9', 'NIST-800-53-r5:CP-10', 'NIST-800-53-r5:SI-12', 'CISA-CPG:2.R', 'CIS-v8:11.2'],
  resourceTypes: ['AWS::DynamoDB::Table', GLOBAL_TABLE],
  waivable: true,
  faultPath: (resource) => tablePropertyPath(resource, 'PointInTimeRecoverySpecification'),
  check: (resource: TemplateResource) =>
    everyReplica(resource, (p) => literalBoolean(at(p, 'PointInTimeRecoverySpecification', 'PointInTimeRecoveryEnabled')) === true && fullWindow(p))
      ? NagRuleCompliance.COMPLIANT
      : NagRuleCompliance.NON_COMPLIANT,
};

function fullWindow(properties: unknown): boolean {
  const days = at(properties, 'PointInTimeRecoverySpecification', 'RecoveryPeriodInDays');
  return days === undefined || literalNumber(days) === PITR_RECOVERY_DAYS;
}
