import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { isIntrinsic, isObject, JsonObject } from '../../pack/intrinsics';
import { hasWildcardPrincipal, policyStatements } from '../../pack/policy-document';
import { TemplateResource, UNRESOLVED } from '../../pack/template-model';

/** No topic policy lets everyone publish to or subscribe to a topic unconditionally. */
export const SnsTopicPolicyNoOpenPrincipal: ElectionRule = {
  name: 'SnsTopicPolicyNoOpenPrincipal',
  level: NagMessageLevel.ERROR,
  info: 'The SNS topic policy allows a wildcard principal without an aws:SourceAccount, aws:SourceArn, aws:SourceOwner or aws:PrincipalOrgID condition.',
  explanation:
    'Security alert topics carry the alarms that tell an election office it is under attack. An Allow for "*" ' +
    'lets any AWS account publish forged "all clear" or flood messages into that channel, or subscribe and read ' +
    'every alert. A wildcard principal counts only when a condition narrows it to the agency: aws:SourceAccount, ' +
    'aws:SourceArn, aws:SourceOwner, aws:PrincipalOrgID or aws:PrincipalAccount with a value that is not "*". ' +
    'NotPrincipal counts as everyone. A policy document the template does not resolve fails. Waive it only ' +
    'for a public notice topic anyone may subscribe to, naming what it publishes.',
  controls: ['NIST-800-53-r5:AC-3', 'NIST-800-53-r5:AC-6', 'NIST-800-53-r5:SI-4(5)', 'CISA-CPG:2.W'],
  resourceTypes: ['AWS::SNS::TopicPolicy'],
  waivable: true,
  check: snsTopicPolicyNoOpenPrincipal,
};

const LIMITING_KEYS = ['aws:sourceaccount', 'aws:sourcearn', 'aws:sourceowner', 'aws:principalorgid', 'aws:principalaccount'];

function snsTopicPolicyNoOpenPrincipal(resource: TemplateResource): NagRuleCompliance {
  const statements = policyStatements(resource.properties.PolicyDocument);
  if (statements === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  const open = statements.some((s) => s.Effect !== 'Deny' && hasWildcardPrincipal(s) && !limitsToAgency(s.Condition));
  return open ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
}

/** Whether a condition block narrows the principal by a source or organization key with a value other than `*`. */
function limitsToAgency(condition: unknown): boolean {
  if (!isObject(condition) || isIntrinsic(condition)) return false;
  return Object.values(condition).some(
    (block) =>
      isObject(block) &&
      !isIntrinsic(block) &&
      Object.entries(block as JsonObject).some(([key, value]) => LIMITING_KEYS.includes(key.toLowerCase()) && notEveryone(value)),
  );
}

function notEveryone(value: unknown): boolean {
  const values = Array.isArray(value) ? value : [value];
  return values.length > 0 && values.every((v) => v !== '*' && v !== '' && v !== undefined && v !== null);
}
