import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { asList, isIntrinsic, isObject } from '../../pack/intrinsics';
import { narrowingValues, policyStatements } from '../../pack/policy-document';
import { renderSymbolic } from '../../pack/references';
import { StackTemplate, TemplateResource, UNRESOLVED } from '../../pack/template-model';
import { grants } from '../../pack/iam-documents';

/** A role is assumed from the agency's own account unless an acknowledgment names the other account. */
export const IamRoleTrustNoForeignAccount: ElectionRule = {
  name: 'IamRoleTrustNoForeignAccount',
  level: NagMessageLevel.ERROR,
  info: 'The role trust policy names another AWS account (a literal account id in a principal or in an account or ARN condition).',
  explanation:
    'A role another account may assume carries its permissions out of the agency: an attacker who adds his own ' +
    'account to the trust policy of the voter-registration handler role, or of a role that may rewrite the records ' +
    "bucket's policy, keeps that access after every password is reset. A template can name its own account only " +
    'as AWS::AccountId (or a role or user it creates), so an account written as a literal (123456789012, ' +
    'arn:aws:iam::123456789012:root, or such a value in an aws:PrincipalAccount, aws:SourceAccount, ' +
    'aws:PrincipalArn or aws:SourceArn condition) is taken to be another account. A principal from a parameter ' +
    'or an import cannot be checked and fails. Waive it for a deliberate cross-account role, such as a security ' +
    "tooling or log archive account of the agency's organization or the state's election IT, naming the account " +
    'and what it needs the role for.',
  controls: ['NIST-800-53-r5:AC-3', 'NIST-800-53-r5:AC-6', 'NIST-800-53-r5:AC-2', 'CISA-CPG:2.E'],
  resourceTypes: ['AWS::IAM::Role'],
  waivable: true,
  check: iamRoleTrustNoForeignAccount,
};

const ACCOUNT_KEYS = ['aws:principalaccount', 'aws:sourceaccount', 'aws:principalarn', 'aws:sourcearn'];

function iamRoleTrustNoForeignAccount(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const statements = policyStatements(resource.properties.AssumeRolePolicyDocument);
  if (statements === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  for (const statement of statements.filter(grants)) {
    const principal = statement.Principal;
    const aws = isObject(principal) && !isIntrinsic(principal) ? principal.AWS : undefined;
    const named = [...(isIntrinsic(aws) ? [aws] : asList(aws)), ...narrowingValues(statement.Condition, ACCOUNT_KEYS)];
    for (const value of named) {
      const text = renderSymbolic(value, template);
      if (text === undefined || /^\d{12}$/.test(literalAccountOf(text))) return NagRuleCompliance.NON_COMPLIANT;
    }
  }
  return NagRuleCompliance.COMPLIANT;
}

/** The account part of an account id or ARN; the own account (`<AWS::AccountId>`) and resource attributes are not literal. */
function literalAccountOf(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.startsWith('arn:')) return trimmed;
  return trimmed.replace(/<AWS::[A-Za-z]+>/g, 'x').split(':')[4] ?? '';
}
