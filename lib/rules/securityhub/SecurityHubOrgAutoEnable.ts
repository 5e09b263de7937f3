import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { literalBoolean } from '../../baseline/intrinsics';
import { TemplateResource } from '../../pack/template-model';

/** Security Hub turns itself on, with the default standards, in every account that joins the organization. */
export const SecurityHubOrgAutoEnable: ElectionRule = {
  name: 'SecurityHubOrgAutoEnable',
  level: NagMessageLevel.ERROR,
  info: 'The Security Hub organization configuration does not auto-enable new accounts (LOCAL with AutoEnable true and AutoEnableStandards DEFAULT).',
  explanation:
    'A county account that joins without Security Hub reports nothing to the state SOC. Passes: LOCAL ' +
    'configuration with AutoEnable true and AutoEnableStandards DEFAULT.',
  rationale:
    'CENTRAL configuration depends on policies this rule cannot see, so it fails: waive it naming the policy.',
  controls: ['NIST-800-53-r5:CA-7', 'NIST-800-53-r5:SI-4', 'NIST-800-53-r5:CM-2', 'CISA-CPG:2.T', 'CIS-v8:8.2'],
  resourceTypes: ['AWS::SecurityHub::OrganizationConfiguration'],
  waivable: true,
  faultPath: orgAutoEnableFaultPath,
  check: securityHubOrgAutoEnable,
};

function securityHubOrgAutoEnable(resource: TemplateResource): NagRuleCompliance {
  const props = resource.properties;
  const local = props.ConfigurationType === undefined || props.ConfigurationType === 'LOCAL';
  const standards = props.AutoEnableStandards === undefined || props.AutoEnableStandards === 'DEFAULT';
  return local && literalBoolean(props.AutoEnable) === true && standards ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

function orgAutoEnableFaultPath(resource: TemplateResource): string {
  const props = resource.properties;
  if (props.ConfigurationType !== undefined && props.ConfigurationType !== 'LOCAL') return 'Properties.ConfigurationType';
  return literalBoolean(props.AutoEnable) !== true ? 'Properties.AutoEnable' : 'Properties.AutoEnableStandards';
}
