import { DATA_CLASS_TAG } from '../baseline/data-class';
import { isIntrinsic, isObject, JsonObject } from '../baseline/intrinsics';

/**
 * A template's stack tags: the literal tags (key and value both strings) that
 * every resource with a `Tags` property carries with the same value. CDK
 * writes a stack's and the App's tags (`Tags.of(stack).add('county', …)`) onto
 * every taggable resource, and a vendor's template tags its resources the
 * same way, so this reads both without the cloud assembly. A resource whose
 * `Tags` is an intrinsic cannot be read and is left out of the comparison;
 * the data-class tag classifies one store, never a stack, and `aws:` tags
 * are AWS's own.
 */
export function stackTagsOf(resources: Readonly<Record<string, JsonObject>>): Record<string, string> | undefined {
  let common: Map<string, string> | undefined;
  for (const body of Object.values(resources)) {
    const tags = literalTags(isObject(body.Properties) ? body.Properties.Tags : undefined);
    if (tags === undefined) continue;
    if (common === undefined) {
      common = tags;
      continue;
    }
    for (const [key, value] of common) if (tags.get(key) !== value) common.delete(key);
  }
  const kept = [...(common ?? [])].filter(([key]) => key !== DATA_CLASS_TAG && !key.startsWith('aws:'));
  return kept.length > 0 ? Object.fromEntries(kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : undefined;
}

/** `{ tags }` when a template has stack tags, nothing otherwise (the JSON report omits an absent field). */
export function stackTagsEntry(resources: Readonly<Record<string, JsonObject>>): { tags?: Record<string, string> } {
  const tags = stackTagsOf(resources);
  return tags ? { tags } : {};
}

/** `[{ Key, Value }]` or `{ key: value }` → the entries whose key and value are strings; undefined when there is no readable `Tags`. */
function literalTags(tags: unknown): Map<string, string> | undefined {
  let entries: Array<[unknown, unknown]>;
  if (Array.isArray(tags)) entries = tags.map((tag) => (isObject(tag) ? [tag.Key, tag.Value] : [undefined, undefined]));
  else if (isObject(tags) && !isIntrinsic(tags)) entries = Object.entries(tags);
  else return undefined;
  return new Map(entries.filter((entry): entry is [string, string] => typeof entry[0] === 'string' && typeof entry[1] === 'string'));
}
