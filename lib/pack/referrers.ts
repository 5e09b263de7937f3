import { AttachmentKind, attachedUnder } from './attachments';
import { referredLogicalIds } from './references';
import { StackTemplate, TemplateResource } from './template-model';

/** Every resource, indexed under each logical id its `Properties` refer to (see `refersTo`). */
const REFERRERS: AttachmentKind = {
  keys: (resource) => [...referredLogicalIds(resource.properties)],
};

/** The resources whose `Properties` refer to the resource with this logical id, in template order. */
export function resourcesReferringTo(template: StackTemplate, logicalId: string): readonly TemplateResource[] {
  return attachedUnder(template, REFERRERS, logicalId);
}
