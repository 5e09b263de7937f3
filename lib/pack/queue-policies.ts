import { attachedPolicies, AttachedPolicyKind } from './attached-policies';
import { StackTemplate, TemplateResource } from './template-model';

/** The policy types that attach a resource policy to a queue. */
export const QUEUE_POLICY_TYPES: readonly string[] = ['AWS::SQS::QueuePolicy', 'AWS::SQS::QueueInlinePolicy'];

/** The key under which policies whose queues the template cannot resolve are indexed. */
export const UNRESOLVED_QUEUE = '<unresolved queue>';

const QUEUE_POLICIES: AttachedPolicyKind = {
  governedType: 'AWS::SQS::Queue',
  sources: [
    { type: 'AWS::SQS::QueuePolicy', targets: (p) => p.Queues },
    { type: 'AWS::SQS::QueueInlinePolicy', targets: (p) => [p.Queue] },
  ],
  unresolvedKey: UNRESOLVED_QUEUE,
};

/** The SQS queue policies (`QueuePolicy` by its `Queues`, `QueueInlinePolicy` by its `Queue`) that name the queue with this logical id. */
export function queuePoliciesFor(template: StackTemplate, queueLogicalId: string): readonly TemplateResource[] {
  return attachedPolicies(template, QUEUE_POLICIES, queueLogicalId);
}
