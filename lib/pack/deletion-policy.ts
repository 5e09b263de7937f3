import { TemplateResource } from './template-model';

/**
 * Whether a resource survives both a stack delete and a replacing update:
 * `DeletionPolicy` Retain or RetainExceptOnCreate (which deletes only what a
 * failed create leaves behind, empty), and `UpdateReplacePolicy` Retain.
 * Absent means Delete; an intrinsic is decided at deploy and is not kept (fail closed).
 */
export function keptOnDeleteAndReplace(resource: TemplateResource): boolean {
  const keptOnDelete = resource.deletionPolicy === 'Retain' || resource.deletionPolicy === 'RetainExceptOnCreate';
  return keptOnDelete && resource.updateReplacePolicy === 'Retain';
}
