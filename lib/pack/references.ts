import { isObject } from './intrinsics';
import { StackTemplate } from './template-model';

/**
 * Reading which resource a value built with intrinsics points at, for rules
 * that tie one resource to another (a log delivery to its distribution, a web
 * ACL association to its stage).
 */

/**
 * Whether `value`, at any depth, refers to resource `logicalId`: `{ Ref }`,
 * `{ Fn::GetAtt }`, or `${Id}` / `${Id.Attr}` inside an `Fn::Sub` string.
 */
export function refersTo(value: unknown, logicalId: string): boolean {
  if (Array.isArray(value)) return value.some((v) => refersTo(v, logicalId));
  if (!isObject(value)) return false;
  if (value.Ref === logicalId) return true;
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt) && getAtt[0] === logicalId) return true;
  if (typeof getAtt === 'string' && getAtt.split('.')[0] === logicalId) return true;
  const sub = value['Fn::Sub'];
  const subText = Array.isArray(sub) ? sub[0] : sub;
  if (typeof subText === 'string' && subPlaceholders(subText).some((p) => p.split('.')[0] === logicalId)) return true;
  return Object.values(value).some((v) => refersTo(v, logicalId));
}

/** The `${...}` placeholders of an `Fn::Sub` string, without `${!literal}` escapes. */
function subPlaceholders(text: string): string[] {
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
export function renderSymbolic(value: unknown, template: StackTemplate, refer: ReferenceText = SYMBOLS, parameters = false): string | undefined {
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

/**
 * The logical id of a resource of `type` that `value` names by `Ref` or
 * `Fn::GetAtt`, or undefined when it names anything else.
 */
export function referencedResourceOfType(value: unknown, type: string, template: StackTemplate): string | undefined {
  if (!isObject(value)) return undefined;
  const ref = value.Ref;
  const getAtt = value['Fn::GetAtt'];
  let id: string | undefined;
  if (typeof ref === 'string') id = ref;
  else if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') id = getAtt[0];
  else if (typeof getAtt === 'string') id = getAtt.split('.')[0];
  return id !== undefined && template.get(id)?.type === type ? id : undefined;
}

/** The attribute a `Fn::GetAtt` reads (`Arn`), or undefined for anything else. */
export function getAttAttribute(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[1] === 'string') return getAtt[1];
  if (typeof getAtt === 'string' && getAtt.includes('.')) return getAtt.slice(getAtt.indexOf('.') + 1);
  return undefined;
}
