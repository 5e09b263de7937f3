import { NagRuleCompliance } from 'cdk-nag';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { DynamoDbPointInTimeRecovery as rule } from '../../../lib/rules/dynamodb/DynamoDbPointInTimeRecovery';
import { newStack, pathsViolating } from '../../helpers/pack-harness';
import { globalTableTemplate, Props, tableTemplate, withProps } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

const withPitr = (spec: unknown) => withProps(tableTemplate(), 'Table', (p) => { p.PointInTimeRecoverySpecification = spec; });
const withReplica = (edit: (replica: Props) => void) =>
  withProps(globalTableTemplate(), 'Global', (p) => edit((p.Replicas as Props[])[1]));

describe('DynamoDbPointInTimeRecovery', () => {
  test('compliant: a table and a global table with PITR everywhere', () => {
    expect(judge(rule, tableTemplate(), 'Table')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, globalTableTemplate(), 'Global')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['absent', undefined],
    ['disabled', { PointInTimeRecoveryEnabled: false }],
    ['with a one-day window', { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 1 }],
    ['with a window from a parameter', { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: { Ref: 'Days' } }],
  ])('non-compliant: PITR %s', (_, spec) => {
    expect(judge(rule, withPitr(spec), 'Table')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('compliant: the full 35-day window written out', () => {
    expect(judge(rule, withPitr({ PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 35 }), 'Table')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('non-compliant: one replica of a global table without PITR', () => {
    expect(judge(rule, withReplica((r) => { delete r.PointInTimeRecoverySpecification; }), 'Global')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the KMS key', () => {
    expect(judge(rule, tableTemplate(), 'Key')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: PITR from a parameter, or replicas from a condition, fail closed', () => {
    expect(judge(rule, withPitr({ PointInTimeRecoveryEnabled: { Ref: 'Pitr' } }), 'Table')).toBe(NagRuleCompliance.NON_COMPLIANT);
    const t = withProps(globalTableTemplate(), 'Global', (p) => { p.Replicas = { 'Fn::If': ['Multi', [], []] }; });
    expect(judge(rule, t, 'Global')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('through the pack: pointInTimeRecoverySpecification passes; the CDK default fails', () => {
    const { stack } = newStack();
    const pk = { name: 'pk', type: dynamodb.AttributeType.STRING };
    const recoverable = new dynamodb.Table(stack, 'Recoverable', {
      partitionKey: pk,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    });
    const bare = new dynamodb.Table(stack, 'Bare', { partitionKey: pk });
    const paths = pathsViolating(stack, 'DynamoDbPointInTimeRecovery');
    expect(paths).toContain(`${bare.node.path}/Resource`);
    expect(paths).not.toContain(`${recoverable.node.path}/Resource`);
  });
});
