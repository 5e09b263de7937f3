import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { hasWildcardPrincipal, limitsToAgency, policyStatements } from '../../pack/policy-document';
import { QUEUE_POLICY_TYPES } from '../../pack/queue-policies';
import { StackTemplate, TemplateResource, UNRESOLVED } from '../../pack/template-model';

/** No queue policy lets every AWS account send, receive or purge. */
export const SqsQueuePolicyNoOpenPrincipal: ElectionRule = {
  name: 'SqsQueuePolicyNoOpenPrincipal',
  level: NagMessageLevel.ERROR,
  info: 'The SQS queue policy allows a wildcard principal without a condition that names one account or organization.',
  explanation:
    'An Allow for "*" lets any AWS account read, delete or forge the queue\'s messages. "*" passes only with a positive ' +
    'condition naming one account, organization or source; an unresolved policy fails. It cannot be waived.',
  controls: ['NIST-800-53-r5:AC-3', 'NIST-800-53-r5:AC-6', 'NIST-800-53-r5:AC-4', 'CISA-CPG:2.W', 'CIS-v8:3.3'],
  resourceTypes: [...QUEUE_POLICY_TYPES],
  waivable: false,
  faultPath: () => 'Properties.PolicyDocument',
  check: sqsQueuePolicyNoOpenPrincipal,
};

function sqsQueuePolicyNoOpenPrincipal(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const statements = policyStatements(resource.properties.PolicyDocument);
  if (statements === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  const open = statements.some((s) => s.Effect !== 'Deny' && hasWildcardPrincipal(s) && !limitsToAgency(s.Condition, template));
  return open ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
}
