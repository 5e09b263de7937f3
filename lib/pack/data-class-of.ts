import { DATA_CLASS_TAG, DataClass, isDataClass } from '../baseline/data-class';
import { TemplateResource, tagValue } from './template-model';

/** Types that carry their tags under another property than `Tags`. */
const TAG_PROPERTY: Record<string, string> = {
  'AWS::EFS::FileSystem': 'FileSystemTags',
  'AWS::Backup::BackupVault': 'BackupVaultTags',
};

/** The resource with its tags under `Tags`, whatever property its type keeps them in, so `tagValue` reads them. */
export function withTagsAsTags(resource: TemplateResource): TemplateResource {
  const tagProperty = TAG_PROPERTY[resource.type];
  return tagProperty ? { ...resource, properties: { ...resource.properties, Tags: resource.properties[tagProperty] } } : resource;
}

/**
 * The data class a resource's tag declares, or undefined when the tag is
 * absent, not one of the classes, or decided only at deploy time.
 */
export function declaredDataClass(resource: TemplateResource): DataClass | undefined {
  const value = tagValue(withTagsAsTags(resource), DATA_CLASS_TAG);
  return isDataClass(value) ? value : undefined;
}

/**
 * Whether a class-dependent requirement applies: the resource declares one of
 * `classes`, or declares no valid class at all. A store the pack cannot
 * classify is judged as the most sensitive kind (fail closed).
 */
export function requiredForClass(resource: TemplateResource, classes: readonly DataClass[]): boolean {
  const declared = declaredDataClass(resource);
  return declared === undefined || classes.includes(declared);
}

/** Where a resource carries its `election:data-class` tag (`Properties.Tags`, or its type's own tag property; a global table's replicas). */
export function dataClassTagPath(resource: TemplateResource): string {
  if (resource.type === 'AWS::DynamoDB::GlobalTable') return 'Properties.Replicas';
  return `Properties.${TAG_PROPERTY[resource.type] ?? 'Tags'}`;
}
