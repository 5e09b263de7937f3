import { asList, isIntrinsic, JsonObject, referencedLogicalId } from './intrinsics';
import { StackTemplate, TemplateResource } from './template-model';

/**
 * Resource policies kept apart from what they govern (topic policies,
 * queue policies), indexed by the logical id of each resource they name and
 * built once per template, so a rule judging each topic or queue does not
 * rescan every policy.
 */

/** One kind of policy resource, and where it names what it governs. */
export interface PolicySource {
  readonly type: string;
  /** The value naming the governed resources: a list of `Ref`s, one `Ref`, or an intrinsic. */
  readonly targets: (properties: JsonObject) => unknown;
}

/** What a family of policies governs: a resource type and the policy types that attach to it. */
export interface AttachedPolicyKind {
  readonly governedType: string;
  readonly sources: readonly PolicySource[];
  /** The key under which policies whose targets the template does not resolve are indexed. */
  readonly unresolvedKey: string;
}

const caches = new WeakMap<AttachedPolicyKind, WeakMap<StackTemplate, Map<string, TemplateResource[]>>>();

/** The policies of `kind` that name the resource with this logical id (or, for `kind.unresolvedKey`, that name what the template does not resolve). */
export function attachedPolicies(template: StackTemplate, kind: AttachedPolicyKind, logicalId: string): readonly TemplateResource[] {
  let byTemplate = caches.get(kind);
  if (!byTemplate) caches.set(kind, (byTemplate = new WeakMap()));
  let index = byTemplate.get(template);
  if (!index) byTemplate.set(template, (index = buildIndex(template, kind)));
  return index.get(logicalId) ?? [];
}

function buildIndex(template: StackTemplate, kind: AttachedPolicyKind): Map<string, TemplateResource[]> {
  const index = new Map<string, TemplateResource[]>();
  const add = (key: string, policy: TemplateResource) => {
    const list = index.get(key) ?? [];
    if (!list.includes(policy)) list.push(policy);
    index.set(key, list);
  };
  for (const source of kind.sources) {
    for (const policy of template.ofType(source.type)) {
      const targets = source.targets(policy.properties);
      if (isIntrinsic(targets)) {
        add(kind.unresolvedKey, policy);
        continue;
      }
      for (const target of asList(targets)) {
        const id = referencedLogicalId(target);
        add(id !== undefined && template.get(id)?.type === kind.governedType ? id : kind.unresolvedKey, policy);
      }
    }
  }
  return index;
}
