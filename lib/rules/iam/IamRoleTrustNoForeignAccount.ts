import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ACCOUNT_ID, isForeignAccount } from '../../pack/accounts';
import { ElectionRule } from '../../pack/election-rule';
import { grants } from '../../pack/iam-documents';
import { asList, isIntrinsic, isObject } from '../../pack/intrinsics';
import { narrowingValues, policyStatements } from '../../pack/policy-document';
import { renderSymbolic } from '../../pack/references';
import { StackTemplate, TemplateResource, UNRESOLVED } from '../../pack/template-model';

const RULE_ID = 'ElectionBaseline-IamRoleTrustNoForeignAccount';
const ACCOUNT_FINDING = 'Account::';
/** The finding for a principal or trust policy the template does not resolve. */
const UNRESOLVED_FINDING = `${ACCOUNT_FINDING}unresolved`;

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
  check: (resource, template) => (foreignAccounts(resource, template).length > 0 ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT),
  granular: { findings: foreignAccounts, describe: describeForeignAccount },
};

const ACCOUNT_KEYS = ['aws:principalaccount', 'aws:sourceaccount', 'aws:principalarn', 'aws:sourcearn'];

/** `Account::<id>` for each foreign account the trust policy names, `Account::unresolved` for what it cannot read. */
function foreignAccounts(resource: TemplateResource, template: StackTemplate): string[] {
  const statements = policyStatements(resource.properties.AssumeRolePolicyDocument);
  if (statements === UNRESOLVED) return [UNRESOLVED_FINDING];
  const findings = new Set<string>();
  for (const statement of statements.filter(grants)) {
    const principal = statement.Principal;
    const aws = isObject(principal) && !isIntrinsic(principal) ? principal.AWS : undefined;
    const named = [...(isIntrinsic(aws) ? [aws] : asList(aws)), ...narrowingValues(statement.Condition, ACCOUNT_KEYS)];
    for (const value of named) {
      const text = renderSymbolic(value, template);
      if (text === undefined) {
        findings.add(UNRESOLVED_FINDING);
        continue;
      }
      const account = literalAccountOf(text);
      if (ACCOUNT_ID.test(account) && isForeignAccount(account, template)) findings.add(`${ACCOUNT_FINDING}${account}`);
    }
  }
  return [...findings].sort();
}

/** The account part of an account id or ARN; the own account (`<AWS::AccountId>`) and resource attributes are not literal. */
function literalAccountOf(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.startsWith('arn:')) return trimmed;
  return trimmed.replace(/<AWS::[A-Za-z]+>/g, 'x').split(':')[4] ?? '';
}

function describeForeignAccount(finding: string): string {
  if (finding === UNRESOLVED_FINDING) {
    return 'The role trust policy names a principal or account by a parameter, import or condition the template does not ' +
      `resolve, so its account cannot be checked: acknowledge ${RULE_ID}[${finding}] naming the account and why.`;
  }
  const account = finding.slice(ACCOUNT_FINDING.length);
  return `The role trust policy names account ${account}, which is neither this stack's account nor a trusted one: if the ` +
    `agency runs it, add it to the pack option trustedAccountIds (election-audit --trusted-accounts ${account}); else ` +
    `acknowledge ${RULE_ID}[${finding}] naming whose account it is and why.`;
}
