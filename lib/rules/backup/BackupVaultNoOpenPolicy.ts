import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { resourcePolicyIsOpen } from '../../pack/open-policy';
import { StackTemplate, TemplateResource } from '../../pack/template-model';

/** No backup vault access policy lets everyone in. */
export const BackupVaultNoOpenPolicy: ElectionRule = {
  name: 'BackupVaultNoOpenPolicy',
  level: NagMessageLevel.ERROR,
  info: 'The backup vault access policy allows a wildcard principal without a condition naming the agency.',
  explanation:
    'An Allow for "*" lets any AWS account copy, restore or delete recovery points of the agency\'s data. Deny ' +
    'statements for "*" protect and pass; an Allow must name the agency (aws:PrincipalOrgID, aws:PrincipalAccount).',
  controls: ['NIST-800-53-r5:AC-3', 'NIST-800-53-r5:AC-6', 'NIST-800-53-r5:CP-9', 'CISA-CPG:2.W', 'CIS-v8:3.3'],
  resourceTypes: ['AWS::Backup::BackupVault'],
  waivable: true,
  faultPath: () => 'Properties.AccessPolicy',
  check: backupVaultNoOpenPolicy,
};

function backupVaultNoOpenPolicy(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  return resourcePolicyIsOpen(resource.properties.AccessPolicy, template) ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
}
