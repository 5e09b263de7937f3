import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { hasWildcardPrincipal, limitsToAgency, policyStatements } from '../../pack/policy-document';
import { StackTemplate, TemplateResource, UNRESOLVED } from '../../pack/template-model';

/** No topic policy lets everyone publish to or subscribe to a topic unconditionally. */
export const SnsTopicPolicyNoOpenPrincipal: ElectionRule = {
  name: 'SnsTopicPolicyNoOpenPrincipal',
  level: NagMessageLevel.ERROR,
  info:
    'The SNS topic policy allows a wildcard principal without a condition (aws:SourceAccount, aws:SourceArn, ' +
    'aws:SourceOwner, aws:PrincipalOrgID, aws:PrincipalAccount, aws:PrincipalArn) that names one account or organization.',
  explanation:
    'An Allow for "*" lets any account forge "all clear" alerts, flood the alert channel or read every alert. ' +
    'Passes: no wildcard principal unless a positive condition names one account, org or ARN without wildcards.',
  rationale:
    'Security alert topics carry the alarms that tell an election office it is under attack. The condition ' +
    'must use StringEquals, StringLike, ArnEquals or ArnLike (not ...IfExists, ForAllValues or a negation) on ' +
    'aws:SourceAccount, aws:SourceArn, aws:SourceOwner, aws:PrincipalOrgID, aws:PrincipalAccount or ' +
    'aws:PrincipalArn, and name one owner: a literal without wildcards, or an ARN whose account is written ' +
    'out (arn:aws:* or arn:aws:events:*:*:rule/* match every account). A condition such as ' +
    'aws:SecureTransport does not narrow who. NotPrincipal counts as everyone; a policy document, condition ' +
    'or value the template does not resolve fails. Waive it only for a public notice topic anyone may ' +
    'subscribe to, naming what it publishes.',
  controls: ['NIST-800-53-r5:AC-3', 'NIST-800-53-r5:AC-6', 'NIST-800-53-r5:SI-4(5)', 'CISA-CPG:2.W', 'CIS-v8:3.3'],
  resourceTypes: ['AWS::SNS::TopicPolicy'],
  waivable: true,
  faultPath: () => 'Properties.PolicyDocument',
  check: snsTopicPolicyNoOpenPrincipal,
};

function snsTopicPolicyNoOpenPrincipal(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const statements = policyStatements(resource.properties.PolicyDocument);
  if (statements === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  const open = statements.some((s) => s.Effect !== 'Deny' && hasWildcardPrincipal(s) && !limitsToAgency(s.Condition, template));
  return open ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
}
