import { attachedPolicies, AttachedPolicyKind } from './attached-policies';
import { StackTemplate, TemplateResource } from './template-model';

/** The key under which topic policies whose `Topics` the template cannot resolve are indexed. */
export const UNRESOLVED_TOPIC = '<unresolved topic>';

const TOPIC_POLICIES: AttachedPolicyKind = {
  governedType: 'AWS::SNS::Topic',
  sources: [{ type: 'AWS::SNS::TopicPolicy', targets: (p) => p.Topics }],
  unresolvedKey: UNRESOLVED_TOPIC,
};

/** The SNS topic policies whose `Topics` include a `Ref` to the topic with this logical id. */
export function topicPoliciesFor(template: StackTemplate, topicLogicalId: string): readonly TemplateResource[] {
  return attachedPolicies(template, TOPIC_POLICIES, topicLogicalId);
}
