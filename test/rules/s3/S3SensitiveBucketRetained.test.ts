import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { NagRuleCompliance } from 'cdk-nag';
import { SecureBucket } from '../../../constructs/secure-bucket';
import { DataClass } from '../../../lib/baseline/data-class';
import { ElectionBaselineChecks } from '../../../lib/election-baseline-checks';
import { S3SensitiveBucketRetained as rule } from '../../../lib/rules/s3/S3SensitiveBucketRetained';
import { newStack, pathsViolating } from '../../helpers/pack-harness';
import { Body, judge } from '../../helpers/template-fixtures';

const bucket = (dataClass: unknown, DeletionPolicy?: unknown, UpdateReplacePolicy?: unknown): Record<string, Body> => ({
  B: {
    Type: 'AWS::S3::Bucket',
    Properties: dataClass === undefined ? {} : { Tags: [{ Key: 'election:data-class', Value: dataClass }] },
    DeletionPolicy,
    UpdateReplacePolicy,
  },
});

const SENSITIVE = ['election-records', 'voter-pii', 'audit-logs'];

describe('S3SensitiveBucketRetained', () => {
  test.each(SENSITIVE)('compliant: a %s bucket kept on delete and replace', (dataClass) => {
    expect(judge(rule, bucket(dataClass, 'Retain', 'Retain'), 'B')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, bucket(dataClass, 'RetainExceptOnCreate', 'Retain'), 'B')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['Delete on delete', 'voter-pii', 'Delete', 'Retain'],
    ['no DeletionPolicy (CloudFormation deletes)', 'election-records', undefined, 'Retain'],
    ['Delete on replace', 'audit-logs', 'Retain', 'Delete'],
    ['no UpdateReplacePolicy', 'voter-pii', 'Retain', undefined],
    ['Snapshot, which S3 does not support', 'election-records', 'Snapshot', 'Snapshot'],
    ['no class (judged as records)', undefined, 'Delete', 'Delete'],
    ['an unknown class (judged as records)', 'staging', 'Delete', 'Delete'],
  ])('non-compliant: %s', (_, dataClass, deletion, replace) => {
    expect(judge(rule, bucket(dataClass, deletion, replace), 'B')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each(['operational', 'public-content'])('not applicable: a %s bucket, whose DESTROY RetainStatefulResources judges', (dataClass) => {
    expect(judge(rule, bucket(dataClass, 'Delete', 'Delete'), 'B')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('not applicable: other stateful types', () => {
    expect(judge(rule, { T: { Type: 'AWS::DynamoDB::Table', DeletionPolicy: 'Delete' } }, 'T')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a DeletionPolicy chosen by Fn::If', bucket('voter-pii', { 'Fn::If': ['Prod', 'Retain', 'Delete'] }, 'Retain')],
    ['a class from a parameter, with Delete', bucket({ Ref: 'DataClass' }, 'Delete', 'Delete')],
  ])('unresolvable: %s fails closed', (_, template) => {
    expect(judge(rule, template, 'B')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('cannot be waived', () => {
    expect(rule.waivable).toBe(false);
  });

  function forcedToDestroy(...waived: string[]) {
    const { stack } = newStack();
    const data = new SecureBucket(stack, 'Data', { dataClass: DataClass.VOTER_PII });
    data.bucket.applyRemovalPolicy(RemovalPolicy.DESTROY);
    for (const name of waived) {
      Validations.of(data).acknowledge({ id: `ElectionBaseline-${name}`, reason: 'Staging copy of registrations, deleted with the stack' });
    }
    return stack;
  }

  test('through the pack: a voter-pii bucket forced to DESTROY fails, though RetainStatefulResources is waived', () => {
    const stack = forcedToDestroy('RetainStatefulResources');
    expect(pathsViolating(stack, 'RetainStatefulResources')).toEqual([]);
    expect(pathsViolating(stack, 'S3SensitiveBucketRetained')).toEqual(['Test/Data/Bucket/Resource']);
  });

  test('through the pack: a waiver of it is refused as fatal, so synth still fails', () => {
    const report = new ElectionBaselineChecks().validateScope(forcedToDestroy('RetainStatefulResources', 'S3SensitiveBucketRetained'));
    expect(report.success).toBe(false);
    expect(report.violations.filter((v) => v.ruleName === 'ElectionBaseline-S3SensitiveBucketRetained')
      .map((v) => [v.severity, v.violatingResources.map((r) => r.constructPath)])).toEqual([['fatal', ['Test/Data']]]);
  });
});
