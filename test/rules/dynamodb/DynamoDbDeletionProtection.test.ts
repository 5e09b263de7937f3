import { NagRuleCompliance } from 'cdk-nag';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { DynamoDbDeletionProtection as rule } from '../../../lib/rules/dynamodb/DynamoDbDeletionProtection';
import { newStack, pathsViolating } from '../../helpers/pack-harness';
import { globalTableTemplate, Props, tableTemplate, withProps } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

const withProtection = (value: unknown) => withProps(tableTemplate(), 'Table', (p) => { p.DeletionProtectionEnabled = value; });

describe('DynamoDbDeletionProtection', () => {
  test('compliant: a table and every replica of a global table protected', () => {
    expect(judge(rule, tableTemplate(), 'Table')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, withProtection('true'), 'Table')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, globalTableTemplate(), 'Global')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['absent', undefined],
    ['false', false],
  ])('non-compliant: deletion protection %s', (_, value) => {
    expect(judge(rule, withProtection(value), 'Table')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('non-compliant: a replica without protection (a table-level Retain policy is not enough)', () => {
    const t = withProps(globalTableTemplate(), 'Global', (p) => { (p.Replicas as Props[])[0].DeletionProtectionEnabled = false; });
    t.Global.DeletionPolicy = 'Retain';
    expect(judge(rule, t, 'Global')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the KMS key', () => {
    expect(judge(rule, tableTemplate(), 'Key')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: protection from a parameter fails closed', () => {
    expect(judge(rule, withProtection({ Ref: 'Protect' }), 'Table')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('through the pack: deletionProtection true passes; the CDK default fails', () => {
    const { stack } = newStack();
    const pk = { name: 'pk', type: dynamodb.AttributeType.STRING };
    const guarded = new dynamodb.Table(stack, 'Guarded', { partitionKey: pk, deletionProtection: true });
    const bare = new dynamodb.Table(stack, 'Bare', { partitionKey: pk });
    const paths = pathsViolating(stack, 'DynamoDbDeletionProtection');
    expect(paths).toContain(`${bare.node.path}/Resource`);
    expect(paths).not.toContain(`${guarded.node.path}/Resource`);
  });
});
