import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { hasWildcardPrincipal, limitsToAgency, policyStatements } from '../../pack/policy-document';
import { StackTemplate, TemplateResource, UNRESOLVED } from '../../pack/template-model';
import { grants } from '../../pack/iam-documents';

/** No role may be assumed by everyone. */
export const IamRoleTrustNoOpenPrincipal: ElectionRule = {
  name: 'IamRoleTrustNoOpenPrincipal',
  level: NagMessageLevel.ERROR,
  info:
    'The role trust policy lets a wildcard principal assume the role without an aws:PrincipalOrgID, aws:PrincipalAccount, ' +
    'aws:PrincipalArn, aws:SourceAccount or aws:SourceArn condition that names the agency.',
  explanation:
    'A role "*" may assume hands its permissions, such as every voter record, to any AWS account. Passes: no ' +
    'wildcard principal unless a positive condition names the org, account or ARN without wildcards.',
  rationale:
    'For the registration handler role that is the bulk copy of voter records Iranian actors went after in ' +
    'CISA AA20-304A. A wildcard principal is Principal "*", AWS "*", NotPrincipal, or a principal from a ' +
    'parameter or an import. The condition must be StringEquals, StringLike, ArnEquals or ArnLike on ' +
    'aws:PrincipalOrgID, aws:PrincipalAccount, aws:PrincipalArn, aws:SourceAccount or aws:SourceArn; an ARN ' +
    'may wildcard its resource, not its account. Negated, ...IfExists and ForAllValues operators pass when ' +
    'the key is missing and do not count; neither does sts:ExternalId, which guards against the confused ' +
    'deputy but is not a secret. A trust policy the template does not resolve fails. Waive it only with a ' +
    'condition the pack cannot read (a tag-based aws:PrincipalTag scheme), naming it.',
  controls: ['NIST-800-53-r5:AC-3', 'NIST-800-53-r5:AC-6', 'NIST-800-53-r5:IA-2', 'CISA-CPG:2.E', 'CIS-v8:6.8'],
  resourceTypes: ['AWS::IAM::Role'],
  waivable: true,
  faultPath: () => 'Properties.AssumeRolePolicyDocument',
  check: iamRoleTrustNoOpenPrincipal,
};

const NARROWING_KEYS = ['aws:principalorgid', 'aws:principalaccount', 'aws:principalarn', 'aws:sourceaccount', 'aws:sourcearn', 'aws:sourceorgid'];

function iamRoleTrustNoOpenPrincipal(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const statements = policyStatements(resource.properties.AssumeRolePolicyDocument);
  if (statements === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  const open = statements.some((s) => grants(s) && hasWildcardPrincipal(s) && !limitsToAgency(s.Condition, template, NARROWING_KEYS));
  return open ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
}
