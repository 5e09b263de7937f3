import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { accountFindings, describeAccountFinding, documentAccountFindings } from '../../pack/foreign-accounts';
import { StackTemplate, TemplateResource } from '../../pack/template-model';

const RULE_ID = 'ElectionBaseline-IamRoleTrustNoForeignAccount';

/**
 * A role is assumed from the agency's own accounts only. One finding per
 * foreign account (`[Account::123456789012]`), so a waiver names the very
 * account it accepts and does not cover one added later.
 */
export const IamRoleTrustNoForeignAccount: ElectionRule = {
  name: 'IamRoleTrustNoForeignAccount',
  level: NagMessageLevel.ERROR,
  info: "The role trust policy names an AWS account that is neither the stack's own nor a trusted one (a literal account id in a principal or in an account or ARN condition).",
  explanation:
    "An outsider's account in a trust policy keeps the role's access after every password reset. A literal account " +
    "id is foreign unless it is the stack's own or in trustedAccountIds; a principal the template does not resolve fails.",
  controls: ['NIST-800-53-r5:AC-3', 'NIST-800-53-r5:AC-6', 'NIST-800-53-r5:AC-2', 'CISA-CPG:2.E', 'CIS-v8:6.8'],
  resourceTypes: ['AWS::IAM::Role'],
  waivable: true,
  faultPath: () => 'Properties.AssumeRolePolicyDocument',
  check: (resource, template) => (foreignAccounts(resource, template).length > 0 ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT),
  granular: { findings: foreignAccounts, describe: describeForeignAccount },
};

/** `Account::<id>` for each foreign account the trust policy names, `Account::unresolved` for what it cannot read. */
function foreignAccounts(resource: TemplateResource, template: StackTemplate): string[] {
  return accountFindings(documentAccountFindings(resource.properties.AssumeRolePolicyDocument, template));
}

function describeForeignAccount(finding: string): string {
  return describeAccountFinding(RULE_ID, 'The role trust policy', finding);
}
