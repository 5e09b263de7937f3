import { NagRuleCompliance } from 'cdk-nag';
import { StackSetAutoDeployment as rule } from '../../../lib/rules/cloudformation/StackSetAutoDeployment';
import { judge } from '../../helpers/template-fixtures';

const stackSet = (properties: Record<string, unknown>) => ({ StackSet: { Type: 'AWS::CloudFormation::StackSet', Properties: properties } });
const serviceManaged = (autoDeployment: unknown) => stackSet({ PermissionModel: 'SERVICE_MANAGED', AutoDeployment: autoDeployment });

describe('StackSetAutoDeployment', () => {
  test.each([
    ['booleans', { Enabled: true, RetainStacksOnAccountRemoval: true }],
    ['strings', { Enabled: 'true', RetainStacksOnAccountRemoval: 'true' }],
  ])('compliant: SERVICE_MANAGED with auto-deployment and retain as %s', (_, autoDeployment) => {
    expect(judge(rule, serviceManaged(autoDeployment), 'StackSet')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['auto-deployment off', { Enabled: false, RetainStacksOnAccountRemoval: true }],
    ['stacks deleted when an account leaves', { Enabled: true, RetainStacksOnAccountRemoval: false }],
    ['retain left to its default (false)', { Enabled: true }],
    ['no AutoDeployment', undefined],
  ])('non-compliant: %s', (_, autoDeployment) => {
    expect(judge(rule, serviceManaged(autoDeployment), 'StackSet')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('unresolvable: Enabled, retain or the permission model from a parameter fail closed', () => {
    expect(judge(rule, serviceManaged({ Enabled: { Ref: 'On' }, RetainStacksOnAccountRemoval: true }), 'StackSet')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, serviceManaged({ Ref: 'AutoDeployment' }), 'StackSet')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, stackSet({ PermissionModel: { Ref: 'Model' } }), 'StackSet')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: SELF_MANAGED (no auto-deployment exists) and other types', () => {
    expect(judge(rule, stackSet({ PermissionModel: 'SELF_MANAGED' }), 'StackSet')).toBe(NagRuleCompliance.NOT_APPLICABLE);
    expect(judge(rule, stackSet({}), 'StackSet')).toBe(NagRuleCompliance.NOT_APPLICABLE);
    expect(judge(rule, { Nested: { Type: 'AWS::CloudFormation::Stack', Properties: {} } }, 'Nested')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });
});
