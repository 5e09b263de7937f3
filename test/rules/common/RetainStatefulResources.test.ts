import { NagRuleCompliance } from 'cdk-nag';
import { RemovalPolicy } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { RetainStatefulResources as rule } from '../../../lib/rules/common/RetainStatefulResources';
import { newStack, pathsViolating } from '../../helpers/pack-harness';
import { judge } from '../../helpers/template-fixtures';

const resource = (Type: string, DeletionPolicy?: unknown, UpdateReplacePolicy?: unknown) => ({ R: { Type, DeletionPolicy, UpdateReplacePolicy } });

describe('RetainStatefulResources', () => {
  test.each(['AWS::S3::Bucket', 'AWS::KMS::Key', 'AWS::DynamoDB::Table', 'AWS::Logs::LogGroup'])('compliant: %s retained', (type) => {
    expect(judge(rule, resource(type, 'Retain', 'Retain'), 'R')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, resource(type, 'RetainExceptOnCreate', 'Retain'), 'R')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['Delete on delete', 'Delete', 'Retain'],
    ['no DeletionPolicy', undefined, 'Retain'],
    ['Delete on replace', 'Retain', 'Delete'],
    ['no UpdateReplacePolicy', 'Retain', undefined],
    ['Snapshot on a bucket', 'Snapshot', 'Snapshot'],
  ])('non-compliant: %s', (_, deletion, replace) => {
    expect(judge(rule, resource('AWS::S3::Bucket', deletion, replace), 'R')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: a stateless resource', () => {
    expect(judge(rule, resource('AWS::SNS::TopicPolicy'), 'R')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: a policy chosen by Fn::If fails closed', () => {
    expect(judge(rule, resource('AWS::S3::Bucket', { 'Fn::If': ['Prod', 'Retain', 'Delete'] }, 'Retain'), 'R')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('through the pack: a log group with DESTROY fails', () => {
    const { stack } = newStack();
    new logs.LogGroup(stack, 'Kept');
    new logs.LogGroup(stack, 'Dropped', { removalPolicy: RemovalPolicy.DESTROY });
    expect(pathsViolating(stack, 'RetainStatefulResources')).toEqual(['Test/Dropped/Resource']);
  });
});
