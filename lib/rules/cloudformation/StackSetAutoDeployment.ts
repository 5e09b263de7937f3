import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { at, literalBoolean } from '../../baseline/intrinsics';
import { TemplateResource } from '../../pack/template-model';

/** A service-managed stack set reaches every account that joins its OUs, and leaves the stacks behind when one leaves. */
export const StackSetAutoDeployment: ElectionRule = {
  name: 'StackSetAutoDeployment',
  level: NagMessageLevel.ERROR,
  info: 'The SERVICE_MANAGED stack set lacks AutoDeployment with Enabled and RetainStacksOnAccountRemoval both true.',
  explanation:
    'Without auto-deployment a county account that joins the OU runs without the baseline; without retain, an ' +
    'account leaving the OU deletes its stack, and records and logs with it (52 U.S.C. 20701). SELF_MANAGED is not judged.',
  controls: ['NIST-800-53-r5:CM-2', 'NIST-800-53-r5:CM-6', 'NIST-800-53-r5:CP-9', '52-USC-20701', 'CIS-v8:4.1'],
  resourceTypes: ['AWS::CloudFormation::StackSet'],
  waivable: false,
  faultPath: (resource) => (resource.properties.PermissionModel === 'SERVICE_MANAGED' ? 'Properties.AutoDeployment' : 'Properties.PermissionModel'),
  check: stackSetAutoDeployment,
};

function stackSetAutoDeployment(resource: TemplateResource): NagRuleCompliance {
  const props = resource.properties;
  if (props.PermissionModel === 'SELF_MANAGED' || props.PermissionModel === undefined) return NagRuleCompliance.NOT_APPLICABLE;
  if (props.PermissionModel !== 'SERVICE_MANAGED') return NagRuleCompliance.NON_COMPLIANT;
  const enabled = literalBoolean(at(props, 'AutoDeployment', 'Enabled'));
  const retain = literalBoolean(at(props, 'AutoDeployment', 'RetainStacksOnAccountRemoval'));
  return enabled === true && retain === true ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
