import { AttachmentKind, attachedUnder } from './attachments';
import { referencedLogicalId } from '../baseline/intrinsics';
import { StackTemplate, TemplateResource } from './template-model';

/** Listener rules, under the listener their ListenerArn refers to. */
const LISTENER_RULES: AttachmentKind = {
  types: ['AWS::ElasticLoadBalancingV2::ListenerRule'],
  keys: (rule) => {
    const id = referencedLogicalId(rule.properties.ListenerArn);
    return id === undefined ? [] : [id];
  },
};

/** The listener rules of the template attached to the listener with this logical id by `Ref` (or `GetAtt`), indexed once per template. */
export function listenerRulesOf(template: StackTemplate, listenerLogicalId: string): readonly TemplateResource[] {
  return attachedUnder(template, LISTENER_RULES, listenerLogicalId);
}
