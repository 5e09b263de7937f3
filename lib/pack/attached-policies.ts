import { asList, isIntrinsic, JsonObject, referencedLogicalId } from '../baseline/intrinsics';
import { AttachmentKind, attachedUnder } from './attachments';
import { StackTemplate, TemplateResource } from './template-model';

/**
 * Resource policies kept apart from what they govern (topic policies,
 * queue policies), indexed by the logical id of each resource they name and
 * built once per template (as one kind of the attachment index), so a rule
 * judging each topic or queue does not rescan every policy.
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

const asAttachments = new WeakMap<AttachedPolicyKind, AttachmentKind>();

/** The policies of `kind` that name the resource with this logical id (or, for `kind.unresolvedKey`, that name what the template does not resolve). */
export function attachedPolicies(template: StackTemplate, kind: AttachedPolicyKind, logicalId: string): readonly TemplateResource[] {
  let attachments = asAttachments.get(kind);
  if (!attachments) asAttachments.set(kind, (attachments = attachmentKindOf(kind)));
  return attachedUnder(template, attachments, logicalId);
}

/** A policy family as one kind of the attachment index (`lib/pack/attachments.ts`), keyed by the governed resources it names. */
function attachmentKindOf(kind: AttachedPolicyKind): AttachmentKind {
  const sources = new Map(kind.sources.map((source) => [source.type, source]));
  return {
    types: kind.sources.map((source) => source.type),
    keys: (policy, template) => {
      const targets = sources.get(policy.type)!.targets(policy.properties);
      if (isIntrinsic(targets)) return [kind.unresolvedKey];
      return asList(targets).map((target) => {
        const id = referencedLogicalId(target);
        return id !== undefined && template.get(id)?.type === kind.governedType ? id : kind.unresolvedKey;
      });
    },
  };
}
