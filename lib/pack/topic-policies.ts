import { asList, isIntrinsic, referencedLogicalId } from './intrinsics';
import { StackTemplate, TemplateResource } from './template-model';

/**
 * The SNS topic policies of one template, indexed by the topic they name,
 * built once per template (like StackTemplate's bucket-policy index) so that
 * judging each topic does not rescan every policy.
 */
const cache = new WeakMap<StackTemplate, Map<string, TemplateResource[]>>();

/** The key under which topic policies whose `Topics` the template cannot resolve are indexed. */
export const UNRESOLVED_TOPIC = '<unresolved topic>';

/** The topic policies whose `Topics` include a `Ref` to the topic with this logical id. */
export function topicPoliciesFor(template: StackTemplate, topicLogicalId: string): readonly TemplateResource[] {
  let index = cache.get(template);
  if (!index) {
    index = buildIndex(template);
    cache.set(template, index);
  }
  return index.get(topicLogicalId) ?? [];
}

function buildIndex(template: StackTemplate): Map<string, TemplateResource[]> {
  const index = new Map<string, TemplateResource[]>();
  const add = (key: string, policy: TemplateResource) => {
    const list = index.get(key) ?? [];
    if (!list.includes(policy)) list.push(policy);
    index.set(key, list);
  };
  for (const policy of template.ofType('AWS::SNS::TopicPolicy')) {
    const topics = policy.properties.Topics;
    if (isIntrinsic(topics)) {
      add(UNRESOLVED_TOPIC, policy);
      continue;
    }
    for (const topic of asList(topics)) {
      const id = referencedLogicalId(topic);
      add(id !== undefined && template.get(id)?.type === 'AWS::SNS::Topic' ? id : UNRESOLVED_TOPIC, policy);
    }
  }
  return index;
}
