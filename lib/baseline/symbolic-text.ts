import { isObject } from './intrinsics';

/**
 * Rendering a value built with intrinsics as text, with each reference to a
 * resource as a symbol: how a rule tells "written in the template" from "comes
 * from a parameter", and how a construct checks its own values with the same
 * predicate (plaintext secrets, ARNs, policy resources).
 */

/** The resources of a template by logical id: all renderSymbolic needs to know of the template (StackTemplate is one). */
export interface ResourceLookup {
  /** The resource with this logical id, or undefined when the template has none. */
  get(logicalId: string): unknown;
}

/** The `${...}` placeholders of an `Fn::Sub` string, without `${!literal}` escapes. */
export function subPlaceholders(text: string): string[] {
  return [...text.matchAll(/\$\{([^}!][^}]*)\}/g)].map((m) => m[1]);
}

/** How a reference to a resource or pseudo parameter stands in rendered text. */
export type ReferenceText = (id: string, attribute?: string) => string;

/** `{Id}`, `{Id.Attr}` for a resource; `<AWS::Region>` for a pseudo parameter. */
const SYMBOLS: ReferenceText = (id, attribute) => (id.startsWith('AWS::') ? `<${id}>` : attribute ? `{${id}.${attribute}}` : `{${id}}`);

/**
 * Renders a value built with `Ref`, `Fn::GetAtt`, `Fn::Join` and `Fn::Sub` as
 * text in which a resource of the template stands as `{Id}` (or `{Id.Attr}`)
 * and a pseudo parameter as `<AWS::Region>`, or as `refer` writes them.
 * Undefined when any part is something else (a parameter, an import, a
 * condition): callers fail closed. With `parameters`, a template parameter is
 * passed to `refer` too, for callers that only ask whether two values are the
 * same expression (one parameter has one value in a stack).
 */
export function renderSymbolic(value: unknown, template: ResourceLookup, refer: ReferenceText = SYMBOLS, parameters = false): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (!isObject(value)) return undefined;
  // In a template CloudFormation accepts, a Ref to neither a resource nor a pseudo parameter names a template parameter.
  const known = (id: string) => parameters || id.startsWith('AWS::') || template.get(id) !== undefined;
  if (typeof value.Ref === 'string') return known(value.Ref) ? refer(value.Ref) : undefined;
  const getAtt = value['Fn::GetAtt'];
  if (getAtt !== undefined) {
    const [id, attribute] = Array.isArray(getAtt) ? getAtt : String(getAtt).split('.');
    if (typeof id !== 'string' || typeof attribute !== 'string' || !template.get(id)) return undefined;
    return refer(id, attribute);
  }
  const join = value['Fn::Join'];
  if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
    const parts = (join[1] as unknown[]).map((part) => renderSymbolic(part, template, refer, parameters));
    return parts.every((p) => p !== undefined) ? parts.join(join[0]) : undefined;
  }
  const sub = value['Fn::Sub'];
  const [text, variables] = Array.isArray(sub) ? [sub[0], sub[1]] : [sub, undefined];
  if (typeof text !== 'string' || (variables !== undefined && !isObject(variables))) return undefined;
  let failed = false;
  const rendered = text.replace(/\$\{([^}!][^}]*)\}/g, (_, expression: string) => {
    const bound = isObject(variables) ? variables[expression] : undefined;
    const [id, attribute] = expression.split('.');
    const part = bound !== undefined ? renderSymbolic(bound, template, refer, parameters) : known(id) && (!attribute || template.get(id)) ? refer(id, attribute) : undefined;
    if (part === undefined) failed = true;
    return part ?? '';
  });
  return failed ? undefined : rendered;
}
