import { isObject } from '../baseline/intrinsics';
import { subPlaceholders } from '../baseline/symbolic-text';
import { StackTemplate, TemplateResource } from './template-model';

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

/**
 * Every logical id a value refers to, wherever in it (`Ref`, `Fn::GetAtt`,
 * `Fn::Sub` placeholders, nested): the ids for which `refersTo` holds, so a
 * reader indexes a value once instead of asking `refersTo` of each resource.
 */
export function referredLogicalIds(value: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const v of value) referredLogicalIds(v, found);
    return found;
  }
  if (!isObject(value)) return found;
  if (typeof value.Ref === 'string') found.add(value.Ref);
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') found.add(getAtt[0]);
  if (typeof getAtt === 'string') found.add(getAtt.split('.')[0]);
  const sub = value['Fn::Sub'];
  const subText = Array.isArray(sub) ? sub[0] : sub;
  if (typeof subText === 'string') for (const p of subPlaceholders(subText)) found.add(p.split('.')[0]);
  for (const v of Object.values(value)) referredLogicalIds(v, found);
  return found;
}

/** The resources of `type` in the template that a value refers to (see `referredLogicalIds`), each once. */
export function referredResourcesOfType(value: unknown, type: string, template: StackTemplate): TemplateResource[] {
  return [...referredLogicalIds(value)].map((id) => template.get(id)).filter((r): r is TemplateResource => r?.type === type);
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
