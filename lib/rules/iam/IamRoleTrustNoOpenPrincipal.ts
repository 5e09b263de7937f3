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
    'A role that "*" may assume hands its permissions to anyone with an AWS account: for the registration handler ' +
    'role that is every voter record, the bulk copy Iranian actors went after in CISA AA20-304A. A wildcard ' +
    'principal (Principal "*", AWS "*", NotPrincipal, or a principal from a parameter or an import) counts only ' +
    'when a StringEquals/StringLike/ArnEquals/ArnLike condition narrows it with aws:PrincipalOrgID, ' +
    'aws:PrincipalAccount, aws:PrincipalArn, aws:SourceAccount or aws:SourceArn to values that are not wildcards ' +
    '(an ARN may wildcard its resource, not its account). Negated, ...IfExists and ForAllValues operators pass ' +
    'when the key is missing and do not count; neither does sts:ExternalId, which guards against the confused ' +
    'deputy but is not a secret. A trust policy the template does not resolve fails. Waive it only with a ' +
    'condition the pack cannot read (a tag-based aws:PrincipalTag scheme), naming it.',
  controls: ['NIST-800-53-r5:AC-3', 'NIST-800-53-r5:AC-6', 'NIST-800-53-r5:IA-2', 'CISA-CPG:2.E', 'CIS-v8:6.8'],
  resourceTypes: ['AWS::IAM::Role'],
  waivable: true,
  check: iamRoleTrustNoOpenPrincipal,
};

const NARROWING_KEYS = ['aws:principalorgid', 'aws:principalaccount', 'aws:principalarn', 'aws:sourceaccount', 'aws:sourcearn', 'aws:sourceorgid'];

function iamRoleTrustNoOpenPrincipal(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const statements = policyStatements(resource.properties.AssumeRolePolicyDocument);
  if (statements === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  const open = statements.some((s) => grants(s) && hasWildcardPrincipal(s) && !limitsToAgency(s.Condition, template, NARROWING_KEYS));
  return open ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
}
