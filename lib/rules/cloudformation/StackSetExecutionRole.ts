import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { oncePerTemplate } from '../../pack/attachments';
import { ElectionRule } from '../../pack/election-rule';
import { asList, at } from '../../baseline/intrinsics';
import { StackTemplate, TemplateResource } from '../../pack/template-model';
import { DEFAULT_SELF_MANAGED_EXECUTION_ROLE, executionGuardrailTargets } from '../../baseline/stack-sets';

/** A stack set runs in each target account as a role of least privilege, not the default administrator role. */
export const StackSetExecutionRole: ElectionRule = {
  name: 'StackSetExecutionRole',
  level: NagMessageLevel.ERROR,
  info: 'The stack set runs as a default execution role with AdministratorAccess, and no SCP of this template narrows it.',
  explanation:
    'Whoever updates the stack set acts as that role in every county. Passes: SELF_MANAGED with a literal ' +
    `ExecutionRoleName other than ${DEFAULT_SELF_MANAGED_EXECUTION_ROLE}; SERVICE_MANAGED with an SCP here narrowing stacksets-exec-* on every target OU.`,
  controls: ['NIST-800-53-r5:AC-6', 'NIST-800-53-r5:CM-5', 'CISA-CPG:2.E', 'CIS-v8:5.4'],
  resourceTypes: ['AWS::CloudFormation::StackSet'],
  waivable: true,
  faultPath: executionRoleFaultPath,
  check: stackSetExecutionRole,
};

function stackSetExecutionRole(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const props = resource.properties;
  if (props.PermissionModel === 'SERVICE_MANAGED') return guarded(resource, template) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  if (props.PermissionModel !== undefined && props.PermissionModel !== 'SELF_MANAGED') return NagRuleCompliance.NON_COMPLIANT;
  const role = props.ExecutionRoleName;
  return typeof role === 'string' && role !== '' && role !== DEFAULT_SELF_MANAGED_EXECUTION_ROLE
    ? NagRuleCompliance.COMPLIANT
    : NagRuleCompliance.NON_COMPLIANT;
}

/** Whether every OU the stack set targets carries a guardrail SCP of this template. */
function guarded(resource: TemplateResource, template: StackTemplate): boolean {
  const groups = asList(resource.properties.StackInstancesGroup);
  const ous = groups.flatMap((group) => asList(at(group, 'DeploymentTargets', 'OrganizationalUnitIds')));
  if (ous.length === 0 || !ous.every((ou) => typeof ou === 'string')) return false;
  const covered = guardrailTargets(template);
  return ous.every((ou) => covered.has(ou as string));
}

/** The OUs a guardrail SCP of the template is attached to. */
const guardrailTargets = oncePerTemplate((template) =>
  new Set(template.ofType('AWS::Organizations::Policy').flatMap((policy) => executionGuardrailTargets(policy.properties) ?? [])));

/** A self-managed stack set's role name; a service-managed one's guardrail is another resource's fault. */
function executionRoleFaultPath(resource: TemplateResource): string | undefined {
  const model = resource.properties.PermissionModel;
  if (model === 'SERVICE_MANAGED') return undefined;
  return model === undefined || model === 'SELF_MANAGED' ? 'Properties.ExecutionRoleName' : 'Properties.PermissionModel';
}
