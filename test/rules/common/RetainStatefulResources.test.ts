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

  test.each(['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'])('compliant: %s snapshotted (data kept in a final snapshot)', (type) => {
    expect(judge(rule, resource(type, 'Snapshot', 'Snapshot'), 'R')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, resource(type, 'Snapshot', 'Retain'), 'R')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, resource(type, 'Retain', 'Snapshot'), 'R')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('compliant: an RDS instance with Snapshot and deletion protection, as AWS samples write it', () => {
    const template = { Db: { Type: 'AWS::RDS::DBInstance', Properties: { DeletionProtection: true }, DeletionPolicy: 'Snapshot', UpdateReplacePolicy: 'Snapshot' } };
    expect(judge(rule, template, 'Db')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['Snapshot on delete, Delete on replace', 'Snapshot', 'Delete'],
    ['Snapshot on delete, no UpdateReplacePolicy', 'Snapshot', undefined],
    ['Delete on delete, Snapshot on replace', 'Delete', 'Snapshot'],
  ])('non-compliant: an RDS cluster with %s', (_, deletion, replace) => {
    expect(judge(rule, resource('AWS::RDS::DBCluster', deletion, replace), 'R')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each([
    ['a DynamoDB table', 'AWS::DynamoDB::Table', {}],
    ['a KMS key', 'AWS::KMS::Key', {}],
  ])('non-compliant: Snapshot on %s, which CloudFormation does not snapshot', (_, Type, Properties) => {
    const template = { R: { Type, Properties, DeletionPolicy: 'Snapshot', UpdateReplacePolicy: 'Snapshot' } };
    expect(judge(rule, template, 'R')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: a stateless resource', () => {
    expect(judge(rule, resource('AWS::SNS::TopicPolicy'), 'R')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([undefined, 'Delete', 'Snapshot'])('not applicable: an Aurora member instance (DeletionPolicy %s), whose data is the cluster\'s', (policy) => {
    const template = { R: { Type: 'AWS::RDS::DBInstance', Properties: { DBClusterIdentifier: { Ref: 'Cluster' } }, DeletionPolicy: policy, UpdateReplacePolicy: policy } };
    expect(judge(rule, template, 'R')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: a policy chosen by Fn::If fails closed', () => {
    expect(judge(rule, resource('AWS::S3::Bucket', { 'Fn::If': ['Prod', 'Retain', 'Delete'] }, 'Retain'), 'R')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, resource('AWS::RDS::DBCluster', { 'Fn::If': ['Prod', 'Snapshot', 'Delete'] }, 'Snapshot'), 'R')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('through the pack: a log group with DESTROY fails', () => {
    const { stack } = newStack();
    new logs.LogGroup(stack, 'Kept');
    new logs.LogGroup(stack, 'Dropped', { removalPolicy: RemovalPolicy.DESTROY });
    expect(pathsViolating(stack, 'RetainStatefulResources')).toEqual(['Test/Dropped/Resource']);
  });
});
