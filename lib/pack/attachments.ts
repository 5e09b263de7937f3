import { StackTemplate, TemplateResource } from './template-model';

/**
 * What the template attaches to a resource from outside it (web ACL
 * associations, logging configurations, metric filters, alarms, listener
 * rules, resource policies), indexed once per template and kind, so a rule
 * judging each resource looks its attachments up instead of rescanning the
 * stack for every resource it judges.
 */

/** One kind of attachment: the resources that attach, and the keys each is found under. */
export interface AttachmentKind {
  /** The CloudFormation types of the attaching resources; undefined: every resource of the template. */
  readonly types?: readonly string[];
  /**
   * The keys under which one attaching resource is indexed: usually the
   * logical ids it names; a kind may use any text its readers look up
   * (a literal name, an ARN shape). None leaves it out of the index.
   */
  keys(attachment: TemplateResource, template: StackTemplate): readonly string[];
}

const caches = new WeakMap<AttachmentKind, WeakMap<StackTemplate, Map<string, TemplateResource[]>>>();

/** The attachments of `kind` indexed under `key`, in template order. */
export function attachedUnder(template: StackTemplate, kind: AttachmentKind, key: string): readonly TemplateResource[] {
  let byTemplate = caches.get(kind);
  if (!byTemplate) caches.set(kind, (byTemplate = new WeakMap()));
  let index = byTemplate.get(template);
  if (!index) byTemplate.set(template, (index = buildIndex(template, kind)));
  return index.get(key) ?? [];
}

/** The attachments of `kind` indexed under any of `keys`, each once. */
export function attachedUnderAny(template: StackTemplate, kind: AttachmentKind, keys: readonly string[]): readonly TemplateResource[] {
  return [...new Set(keys.flatMap((key) => attachedUnder(template, kind, key)))];
}

function buildIndex(template: StackTemplate, kind: AttachmentKind): Map<string, TemplateResource[]> {
  const index = new Map<string, TemplateResource[]>();
  const attachments = kind.types ? kind.types.flatMap((type) => template.ofType(type)) : template.all();
  for (const attachment of attachments) {
    for (const key of new Set(kind.keys(attachment, template))) {
      const list = index.get(key) ?? [];
      list.push(attachment);
      index.set(key, list);
    }
  }
  return index;
}

/**
 * `compute` run once per template and kept while the template lives: for a
 * rule that needs a fact about the whole stack (the protected buckets, the
 * enabled standards) on every resource it judges.
 */
export function oncePerTemplate<T>(compute: (template: StackTemplate) => T): (template: StackTemplate) => T {
  const cache = new WeakMap<StackTemplate, T>();
  return (template) => {
    if (!cache.has(template)) cache.set(template, compute(template));
    return cache.get(template) as T;
  };
}
