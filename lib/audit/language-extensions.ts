import { isObject, JsonObject } from '../baseline/intrinsics';

/** The transform that adds `Fn::ForEach`, `Fn::ToJsonString` and `Fn::Length`. */
export const LANGUAGE_EXTENSIONS = 'AWS::LanguageExtensions';

const FOR_EACH = 'Fn::ForEach::';

/** The sections CloudFormation expands `Fn::ForEach` in (and within them, any object, resource properties included). */
const EXPANDED_SECTIONS = ['Conditions', 'Resources', 'Outputs'];

/** Whether a template declares `Transform: AWS::LanguageExtensions` (alone or in a list). */
export function usesLanguageExtensions(template: JsonObject): boolean {
  const transform = template.Transform;
  return transform === LANGUAGE_EXTENSIONS || (Array.isArray(transform) && transform.includes(LANGUAGE_EXTENSIONS));
}

/**
 * Expands what the `AWS::LanguageExtensions` transform expands, so the
 * resources are judged as CloudFormation would create them:
 *
 * - `Fn::ForEach` over a literal list, a list parameter's `Default`, or a
 *   `Fn::FindInMap` of literal keys: one copy per item, with `${Id}` and
 *   `&{Id}` in keys, `Ref: Id` and `${Id}` in `Fn::Sub` replaced by the item.
 *   Over a collection known only at deploy (a parameter without a default):
 *   one representative copy, its keys keeping the identifier's name
 *   (`Topic${Name}` → `TopicName`) and its `Ref: Id` the first item,
 *   `Fn::Select [0, collection]`, so what does not vary by item is judged.
 * - `Fn::ToJsonString` of a value without intrinsics: the JSON text.
 * - `Fn::Length` of a literal list: its length.
 *
 * Anything else (`Fn::ToJsonString` over intrinsics) is left as written.
 * Returns the expanded copy and, for each key a loop made, the loop's key.
 */
export function expandLanguageExtensions(template: JsonObject): { template: JsonObject; origins: Map<string, string> } {
  const origins = new Map<string, string>();
  const expanded: JsonObject = { ...template };
  for (const section of EXPANDED_SECTIONS) {
    if (isObject(template[section])) expanded[section] = expandObject(template[section] as JsonObject, template, section === 'Resources' ? origins : undefined);
  }
  return { template: expanded, origins };
}

function expandValue(value: unknown, template: JsonObject): unknown {
  if (Array.isArray(value)) return value.map((item) => expandValue(item, template));
  if (!isObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === 'Fn::ToJsonString') {
    const argument = expandValue(value['Fn::ToJsonString'], template);
    return hasIntrinsic(argument) ? { 'Fn::ToJsonString': argument } : JSON.stringify(argument);
  }
  if (keys.length === 1 && keys[0] === 'Fn::Length') {
    const argument = expandValue(value['Fn::Length'], template);
    return Array.isArray(argument) ? argument.length : { 'Fn::Length': argument };
  }
  if (keys.length === 1 && keys[0] === 'Fn::GetAtt' && Array.isArray(value['Fn::GetAtt'])) {
    return { 'Fn::GetAtt': (value['Fn::GetAtt'] as unknown[]).map((part) => literalSub(expandValue(part, template))) };
  }
  return expandObject(value, template);
}

/**
 * In `Fn::GetAtt` the transform lets a loop name the resource and attribute with `Fn::Sub` (and `Ref` of its
 * identifier, replaced by then): once the item is written in, a `Fn::Sub` with no variable left is its text.
 */
function literalSub(part: unknown): unknown {
  const sub = isObject(part) && Object.keys(part).length === 1 ? part['Fn::Sub'] : undefined;
  return typeof sub === 'string' && !sub.includes('${') ? sub : part;
}

/** An object with each `Fn::ForEach::Name` key replaced by the keys its loop makes. */
function expandObject(object: JsonObject, template: JsonObject, origins?: Map<string, string>): JsonObject {
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(object)) {
    if (!key.startsWith(FOR_EACH) || !Array.isArray(value) || value.length !== 3 || typeof value[0] !== 'string' || !isObject(value[2])) {
      result[key] = expandValue(value, template);
      continue;
    }
    const [identifier, collection, fragment] = value as [string, unknown, JsonObject];
    const items = collectionItems(collection, template);
    const copies = items
      ? items.map((item) => substitute(fragment, identifier, item, item) as JsonObject)
      : [substitute(fragment, identifier, identifier, { 'Fn::Select': [0, collection] }) as JsonObject];
    for (const copy of copies) {
      for (const [made, body] of Object.entries(expandObject(copy, template, origins))) {
        result[made] = body;
        origins?.set(made, origins.get(key) ?? key);
      }
    }
  }
  return result;
}

/** The items a loop runs over, when the template alone says them; undefined when only a deployment does. */
function collectionItems(collection: unknown, template: JsonObject): string[] | undefined {
  if (Array.isArray(collection)) return collection.every((item) => typeof item === 'string' || typeof item === 'number') ? collection.map(String) : undefined;
  if (!isObject(collection)) return undefined;
  const ref = collection.Ref;
  const parameters = isObject(template.Parameters) ? template.Parameters : {};
  const parameter = typeof ref === 'string' && Object.keys(collection).length === 1 && isObject(parameters[ref]) ? parameters[ref] as JsonObject : undefined;
  if (parameter && typeof parameter.Default === 'string') return parameter.Default.split(',').map((item) => item.trim());
  const lookup = collection['Fn::FindInMap'];
  if (Array.isArray(lookup) && lookup.length === 3 && lookup.every((key) => typeof key === 'string') && isObject(template.Mappings)) {
    const mapping = template.Mappings[lookup[0] as string];
    const top = isObject(mapping) ? mapping[lookup[1] as string] : undefined;
    const list = isObject(top) ? top[lookup[2] as string] : undefined;
    if (Array.isArray(list) && list.every((item) => typeof item === 'string')) return list as string[];
  }
  return undefined;
}

/**
 * The fragment for one item: in keys, `${Id}` becomes the item and `&{Id}`
 * the item without its non-alphanumeric characters; in values, `Ref: Id`
 * becomes `value` and `${Id}` in a `Fn::Sub` string the item.
 */
function substitute(fragment: unknown, identifier: string, item: string, value: unknown): unknown {
  if (Array.isArray(fragment)) return fragment.map((element) => substitute(element, identifier, item, value));
  if (!isObject(fragment)) return fragment;
  const keys = Object.keys(fragment);
  if (keys.length === 1 && keys[0] === 'Ref' && fragment.Ref === identifier) return value;
  if (keys.length === 1 && keys[0] === 'Fn::Sub') {
    const sub = fragment['Fn::Sub'];
    const [text, variables] = typeof sub === 'string' ? [sub, undefined] : Array.isArray(sub) && typeof sub[0] === 'string' ? [sub[0], sub[1]] : [];
    if (typeof text === 'string') {
      const substituted = substitute(variables, identifier, item, value);
      // A known item is written into the text; a representative one becomes a variable of the Fn::Sub.
      if (typeof value === 'string' || !text.includes(`\${${identifier}}`)) {
        const replaced = typeof value === 'string' ? inText(text, identifier, value) : text;
        return { 'Fn::Sub': variables === undefined ? replaced : [replaced, substituted] };
      }
      return { 'Fn::Sub': [text, { ...(isObject(substituted) ? substituted : {}), [identifier]: value }] };
    }
  }
  return Object.fromEntries(Object.entries(fragment).map(([key, element]) => [inKey(key, identifier, item), substitute(element, identifier, item, value)]));
}

function inText(text: string, identifier: string, item: string): string {
  return text.split(`\${${identifier}}`).join(item);
}

function inKey(key: string, identifier: string, item: string): string {
  return inText(key, identifier, item).split(`&{${identifier}}`).join(item.replace(/[^A-Za-z0-9]/g, ''));
}

/** Whether a value holds an intrinsic function (or `Ref`/`Condition`), whose value only a deployment knows. */
function hasIntrinsic(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasIntrinsic);
  if (!isObject(value)) return false;
  return Object.entries(value).some(([key, element]) => key === 'Ref' || key === 'Condition' || key.startsWith('Fn::') || hasIntrinsic(element));
}
