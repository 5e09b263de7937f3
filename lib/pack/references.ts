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

/**
 * Renders a value built with `Ref`, `Fn::GetAtt`, `Fn::Join` and `Fn::Sub` as
 * text in which a resource of the template stands as `{Id}` (or `{Id.Attr}`)
 * and a pseudo parameter as `<AWS::Region>`. Undefined when any part is
 * something else (a parameter, an import, a condition): callers fail closed.
 */
export function renderSymbolic(value: unknown, template: StackTemplate): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (!isObject(value)) return undefined;
  if (typeof value.Ref === 'string') return symbol(value.Ref, template);
  const getAtt = value['Fn::GetAtt'];
  if (getAtt !== undefined) {
    const [id, attribute] = Array.isArray(getAtt) ? getAtt : String(getAtt).split('.');
    if (typeof id !== 'string' || typeof attribute !== 'string' || !template.get(id)) return undefined;
    return `{${id}.${attribute}}`;
  }
  const join = value['Fn::Join'];
  if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
    const parts = (join[1] as unknown[]).map((part) => renderSymbolic(part, template));
    return parts.every((p) => p !== undefined) ? parts.join(join[0]) : undefined;
  }
  const sub = value['Fn::Sub'];
  if (typeof sub === 'string') {
    let failed = false;
    const text = sub.replace(/\$\{([^}!][^}]*)\}/g, (_, expression: string) => {
      const [id, attribute] = expression.split('.');
      const rendered = attribute ? (template.get(id) ? `{${id}.${attribute}}` : undefined) : symbol(id, template);
      if (rendered === undefined) failed = true;
      return rendered ?? '';
    });
    return failed ? undefined : text;
  }
  return undefined;
}

function symbol(id: string, template: StackTemplate): string | undefined {
  if (id.startsWith('AWS::')) return `<${id}>`;
  return template.get(id) ? `{${id}}` : undefined;
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
