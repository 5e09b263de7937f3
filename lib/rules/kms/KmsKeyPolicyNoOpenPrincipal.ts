import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { hasWildcardPrincipal, limitsToAgency, policyStatements } from '../../pack/policy-document';
import { StackTemplate, TemplateResource, UNRESOLVED } from '../../pack/template-model';

/** No key policy lets everyone use the key unless a condition narrows it to the agency. */
export const KmsKeyPolicyNoOpenPrincipal: ElectionRule = {
  name: 'KmsKeyPolicyNoOpenPrincipal',
  level: NagMessageLevel.ERROR,
  info:
    'The KMS key policy allows a wildcard principal without a condition (kms:CallerAccount, aws:PrincipalAccount, ' +
    'aws:PrincipalOrgID, aws:PrincipalArn, aws:SourceAccount, aws:SourceArn) that names one account or organization.',
  explanation:
    'An Allow for "*" opens the key that guards records or voter data to every AWS account. Passes: no wildcard ' +
    'principal unless a positive condition names one account, org or ARN without wildcards.',
  rationale:
    'A key policy is the last line between an attacker holding the ciphertext and the records or voter data ' +
    'it protects. The condition must use StringEquals, StringLike, ArnEquals or ArnLike (not ...IfExists, ' +
    'ForAllValues or a negation) on kms:CallerAccount, aws:PrincipalAccount, aws:PrincipalOrgID, ' +
    'aws:PrincipalArn, aws:SourceAccount or aws:SourceArn, and name one owner: a literal without wildcards, ' +
    'an ARN whose account is written out, or AWS::AccountId. Any other condition (aws:SecureTransport, ' +
    'kms:ViaService alone, which limits the path and not the account) does not narrow who. A key policy, ' +
    'condition or value the template does not resolve (an Fn::If, a parameter) fails.',
  controls: ['NIST-800-53-r5:AC-3', 'NIST-800-53-r5:AC-6', 'NIST-800-53-r5:SC-12', 'CISA-CPG:2.K', 'CIS-v8:3.3'],
  resourceTypes: ['AWS::KMS::Key'],
  waivable: false,
  faultPath: () => 'Properties.KeyPolicy',
  check: kmsKeyPolicyNoOpenPrincipal,
};

function kmsKeyPolicyNoOpenPrincipal(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  let policy = resource.properties.KeyPolicy;
  if (typeof policy === 'string') {
    try {
      policy = JSON.parse(policy);
    } catch {
      return NagRuleCompliance.NON_COMPLIANT;
    }
  }
  const statements = policyStatements(policy);
  if (statements === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  const open = statements.some((s) => s.Effect === 'Allow' && hasWildcardPrincipal(s) && !limitsToAgency(s.Condition, template));
  return open ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
}
