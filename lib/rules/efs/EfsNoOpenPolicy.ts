import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { at, JsonObject, literalBoolean } from '../../baseline/intrinsics';
import { resourcePolicyIsOpen } from '../../pack/open-policy';
import { StackTemplate, TemplateResource } from '../../pack/template-model';

/** No file system policy lets everyone in from anywhere. */
export const EfsNoOpenPolicy: ElectionRule = {
  name: 'EfsNoOpenPolicy',
  level: NagMessageLevel.ERROR,
  info:
    'The EFS file system policy allows a wildcard principal without a condition naming the agency or ' +
    'elasticfilesystem:AccessedViaMountTarget true.',
  explanation:
    'An Allow for "*" is a public policy: a principal of any account that reaches the file system (a peered or shared ' +
    'VPC) may write or act as root. Name the agency (aws:PrincipalOrgID) or require a mount target the VPC guards.',
  controls: ['NIST-800-53-r5:AC-3', 'NIST-800-53-r5:AC-6', 'NIST-800-53-r5:AC-4', 'CISA-CPG:2.W', 'CIS-v8:3.3'],
  resourceTypes: ['AWS::EFS::FileSystem'],
  waivable: true,
  faultPath: () => 'Properties.FileSystemPolicy',
  check: efsNoOpenPolicy,
};

function efsNoOpenPolicy(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  return resourcePolicyIsOpen(resource.properties.FileSystemPolicy, template, viaMountTarget)
    ? NagRuleCompliance.NON_COMPLIANT
    : NagRuleCompliance.COMPLIANT;
}

/** `Bool elasticfilesystem:AccessedViaMountTarget true`: only a client inside the VPC, through a mount target its security group admits. */
function viaMountTarget(statement: JsonObject): boolean {
  const values = at(statement.Condition, 'Bool', 'elasticfilesystem:AccessedViaMountTarget');
  const list = Array.isArray(values) ? values : [values];
  return values !== undefined && list.length > 0 && list.every((v) => literalBoolean(v) === true);
}
