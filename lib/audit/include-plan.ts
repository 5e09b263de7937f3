import { isObject, JsonObject } from '../baseline/intrinsics';
import { AuditInputError } from './input-error';

/**
 * Functions cloudformation-include cannot parse inside a resource, though
 * CloudFormation deploys them: `Fn::Transform` (an `AWS::Include` snippet, read
 * from S3 at deploy) and what the language extensions leave unexpanded.
 */
const UNPARSED_FUNCTIONS = new Set(['Fn::Transform', 'Fn::ToJsonString', 'Fn::Length']);

/**
 * The resources cloudformation-include must load "dehydrated" (as written,
 * unparsed) for the template to load at all: those whose whole `Properties`
 * is an intrinsic (`Fn::If: [Cond, {...}, {...}]`) or that hold a function it
 * does not know (UNPARSED_FUNCTIONS). The election pack judges them as written,
 * from the template's JSON; cdk-nag's packs, which judge parsed L1
 * constructs, do not see them.
 */
export function dehydratedResources(resources: Record<string, JsonObject>): string[] {
  return Object.entries(resources)
    .filter(([, body]) => isIntrinsic(body.Properties) || holdsUnparsedFunction(body))
    .map(([logicalId]) => logicalId);
}

function isIntrinsic(value: unknown): boolean {
  if (!isObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}

function holdsUnparsedFunction(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(holdsUnparsedFunction);
  if (!isObject(value)) return false;
  return Object.entries(value).some(([key, element]) => UNPARSED_FUNCTIONS.has(key) || key.startsWith('Fn::ForEach::') || holdsUnparsedFunction(element));
}

/**
 * Refuses, naming its path, an intrinsic CloudFormation itself refuses and on
 * which cloudformation-include would fail with an internal error rather
 * than a reason: a `Fn::Sub` whose argument is neither a string nor a
 * `[string, {variables}]` list (`Fn::Sub` over `Fn::Transform` is read: the
 * resource is dehydrated, see dehydratedResources).
 */
export function checkReadableIntrinsics(template: JsonObject, display: string): void {
  const stack: Array<{ value: unknown; path: string }> = [{ value: template, path: '' }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, path: `${path}[${index}]` }));
      continue;
    }
    if (!isObject(value)) continue;
    const sub = value['Fn::Sub'];
    if ('Fn::Sub' in value && !isReadableSub(sub)) {
      throw new AuditInputError(`${display}: ${path || '(the template)'}: Fn::Sub over ${shapeOf(sub)} cannot be read: Fn::Sub takes a string or a [string, {variables}] list`);
    }
    for (const [key, item] of Object.entries(value)) stack.push({ value: item, path: path ? `${path}.${key}` : key });
  }
}

function isReadableSub(sub: unknown): boolean {
  if (typeof sub === 'string') return true;
  if (isObject(sub)) return Object.keys(sub).length === 1 && 'Fn::Transform' in sub;
  return Array.isArray(sub) && sub.length >= 1 && sub.length <= 2 && typeof sub[0] === 'string' && (sub.length === 1 || isObject(sub[1]));
}

/** `Ref`, `Fn::GetAtt`, `a number`: what a message can say a value is. */
function shapeOf(value: unknown): string {
  if (isObject(value)) return Object.keys(value).join(', ') || 'an empty object';
  if (Array.isArray(value)) return 'a list that is not [string, {variables}]';
  return value === null ? 'null' : `a ${typeof value}`;
}
