import { Waiver } from '../pack/waivers';
import { WaiverCandidate } from './waiver-candidates';

/** CDK acknowledgments as waiver candidates, by the absolute path of the template each applies to. */
export type ConstructWaivers = ReadonlyMap<string, readonly WaiverCandidate[]>;

/** A CloudFormation resource as a CDK acknowledgment reaches it: by construct path. */
export interface ConstructResource {
  /** Its construct path, without a leading slash (`Stack/Bucket/Resource`). */
  readonly path: string;
  /** The absolute path of the template that holds it. */
  readonly file: string;
  readonly logicalId: string;
}

/**
 * CDK acknowledgments (cdk-nag v3's waivers) as the audit matches them: each
 * covers the resources at and below the construct where it was made, is
 * listed with every template it covers, and, covering nothing, with its own
 * stack's template (`ownTemplate`) when it has one. The one reading shared by
 * the cloud assembly and the construct tree, so both give the same waivers.
 */
export function acknowledgmentCandidates(
  waivers: readonly Waiver[],
  resources: readonly ConstructResource[],
  ownTemplate: (path: string) => string | undefined,
): ConstructWaivers {
  const below = new Map<string, ConstructResource[]>();
  for (const resource of resources) {
    for (const at of constructAncestors(resource.path)) {
      const list = below.get(at);
      if (list) list.push(resource);
      else below.set(at, [resource]);
    }
  }
  const byFile = new Map<string, WaiverCandidate[]>();
  for (const waiver of waivers) {
    const covered = new Map<string, Set<string>>();
    for (const resource of below.get(waiver.path) ?? []) {
      covered.set(resource.file, (covered.get(resource.file) ?? new Set()).add(resource.logicalId));
    }
    const own = covered.size === 0 ? ownTemplate(waiver.path) : undefined;
    if (own !== undefined) covered.set(own, new Set());
    for (const [file, covers] of covered) {
      const list = byFile.get(file) ?? [];
      list.push({
        ruleId: waiver.ruleId,
        reason: waiver.reason,
        ...(waiver.approvedBy !== undefined ? { approvedBy: waiver.approvedBy } : {}),
        ...(waiver.expires !== undefined ? { expires: waiver.expires } : {}),
        origin: waiver.origin,
        madeAt: `construct:${waiver.path === '' ? '/' : waiver.path}`,
        covers,
        nearness: waiver.path === '' ? 0 : waiver.path.split('/').length,
        coversGranularFindings: false,
      });
      byFile.set(file, list);
    }
  }
  return byFile;
}

/** `A/B/C` → `A/B/C`, `A/B`, `A`, and `` (the root). */
export function constructAncestors(path: string): string[] {
  const ancestors = [path];
  for (let at = path; at !== ''; ) {
    at = at.slice(0, Math.max(at.lastIndexOf('/'), 0));
    ancestors.push(at);
  }
  return ancestors;
}
