import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ACCOUNT_ID } from '../../baseline/account-id';
import { ElectionRule } from '../../pack/election-rule';
import { StackTemplate, TemplateResource } from '../../pack/template-model';

/** Security Hub's organization administrator is an account of its own, not the one that delegates. */
export const SecurityHubDelegatedAdminSeparate: ElectionRule = {
  name: 'SecurityHubDelegatedAdminSeparate',
  level: NagMessageLevel.ERROR,
  info: 'Security Hub is delegated to the account that delegates it (the management account), or to an account the template does not name.',
  explanation:
    "Made Security Hub administrator, the management account mixes every county's findings with power over the " +
    "organization. Passes: AdminAccountId a literal account other than the stack's own.",
  rationale:
    "The state SOC reads every county's findings in a security-tooling account that nothing else runs in " +
    "(NIST AC-5, AU-9(2)). The account is 12 digits; the stack's own is `AWS::AccountId` or the account the " +
    'stack deploys to, and a parameter or other intrinsic fails.',
  controls: ['NIST-800-53-r5:AC-5', 'NIST-800-53-r5:AU-9(2)', 'NIST-800-53-r5:SI-4', 'CISA-CPG:2.T', 'CIS-v8:8.9'],
  resourceTypes: ['AWS::SecurityHub::DelegatedAdmin'],
  waivable: true,
  faultPath: () => 'Properties.AdminAccountId',
  check: securityHubDelegatedAdminSeparate,
};

function securityHubDelegatedAdminSeparate(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const admin = resource.properties.AdminAccountId;
  if (typeof admin !== 'string' || !ACCOUNT_ID.test(admin)) return NagRuleCompliance.NON_COMPLIANT;
  return admin === template.accounts.own ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
}
