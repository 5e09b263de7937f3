import { NagRuleCompliance } from 'cdk-nag';
import { StackSetExecutionRole as rule } from '../../../lib/rules/cloudformation/StackSetExecutionRole';
import { judge } from '../../helpers/template-fixtures';

const stackSet = (properties: Record<string, unknown>) => ({ StackSet: { Type: 'AWS::CloudFormation::StackSet', Properties: properties } });
const OU = 'ou-ab12-cdef3456';
const guardStatement = {
  Effect: 'Deny',
  NotAction: ['cloudformation:*', 's3:*', 'kms:*'],
  Resource: '*',
  Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:*:iam::*:role/stacksets-exec-*' } },
};
/** A SERVICE_MANAGED stack set on `OU` beside an SCP (its properties edited by `scp`). */
const guarded = (scp: Record<string, unknown> = {}, ous: unknown = [OU]) => ({
  StackSet: { Type: 'AWS::CloudFormation::StackSet', Properties: { PermissionModel: 'SERVICE_MANAGED', StackInstancesGroup: [{ DeploymentTargets: { OrganizationalUnitIds: ous } }] } },
  Guard: { Type: 'AWS::Organizations::Policy', Properties: { Type: 'SERVICE_CONTROL_POLICY', Content: { Version: '2012-10-17', Statement: [guardStatement] }, TargetIds: [OU], ...scp } },
});

describe('StackSetExecutionRole', () => {
  test('compliant: SELF_MANAGED with a least-privilege execution role of its own name', () => {
    const t = stackSet({ PermissionModel: 'SELF_MANAGED', ExecutionRoleName: 'election-baseline-stackset-execution' });
    expect(judge(rule, t, 'StackSet')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['as the template writes it', {}],
    ['given as a JSON string', { Content: JSON.stringify({ Statement: [guardStatement] }) }],
  ])('compliant: SERVICE_MANAGED with a guardrail SCP on every target OU, %s', (_, scp) => {
    expect(judge(rule, guarded(scp), 'StackSet')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['an SCP on another OU', { TargetIds: ['ou-zz99-zzzzzzzz'] }],
    ['a tag policy', { Type: 'TAG_POLICY' }],
    ['NotAction "*"', { Content: { Statement: [{ ...guardStatement, NotAction: '*' }] } }],
    ['an Action list instead of NotAction', { Content: { Statement: [{ ...guardStatement, NotAction: undefined, Action: ['ec2:*'] }] } }],
    ['a condition on another principal', { Content: { Statement: [{ ...guardStatement, Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:*:iam::*:role/other' } } }] } }],
    ['an extra condition that narrows the deny', { Content: { Statement: [{ ...guardStatement, Condition: { ...guardStatement.Condition, StringEquals: { 'aws:RequestedRegion': 'us-east-1' } } }] } }],
    ['an Allow', { Content: { Statement: [{ ...guardStatement, Effect: 'Allow' }] } }],
  ])('non-compliant: SERVICE_MANAGED beside %s', (_, scp) => {
    expect(judge(rule, guarded(scp), 'StackSet')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each([
    ['SERVICE_MANAGED (always stacksets-exec-*) with no SCP', { PermissionModel: 'SERVICE_MANAGED' }],
    ['SELF_MANAGED without ExecutionRoleName', { PermissionModel: 'SELF_MANAGED' }],
    ['SELF_MANAGED naming the default role', { PermissionModel: 'SELF_MANAGED', ExecutionRoleName: 'AWSCloudFormationStackSetExecutionRole' }],
    ['no PermissionModel (SELF_MANAGED with the default role)', {}],
  ])('non-compliant: %s', (_, properties) => {
    expect(judge(rule, stackSet(properties), 'StackSet')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('unresolvable: OUs, SCP targets or content from a parameter fail closed', () => {
    expect(judge(rule, guarded({}, { Ref: 'Ous' }), 'StackSet')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, guarded({ TargetIds: [{ Ref: 'Ou' }] }), 'StackSet')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, guarded({ Content: { 'Fn::Sub': '{}' } }), 'StackSet')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('unresolvable: a role name or permission model from a parameter fails closed', () => {
    expect(judge(rule, stackSet({ PermissionModel: 'SELF_MANAGED', ExecutionRoleName: { Ref: 'Role' } }), 'StackSet')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, stackSet({ PermissionModel: { Ref: 'Model' }, ExecutionRoleName: 'custom' }), 'StackSet')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: a plain nested stack', () => {
    expect(judge(rule, { Nested: { Type: 'AWS::CloudFormation::Stack', Properties: {} } }, 'Nested')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });
});
