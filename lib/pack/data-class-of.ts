import { DATA_CLASS_TAG, DataClass, isDataClass } from '../data-class';
import { TemplateResource, tagValue } from './template-model';

/**
 * The data class a resource's tag declares, or undefined when the tag is
 * absent, not one of the classes, or decided only at deploy time.
 */
export function declaredDataClass(resource: TemplateResource): DataClass | undefined {
  const value = tagValue(resource, DATA_CLASS_TAG);
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
