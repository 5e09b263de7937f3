/**
 * Reading CloudFormation values that may hold intrinsic functions.
 *
 * Rules see the template as CloudFormation JSON: a value CDK could not turn
 * into a literal at synth stays an intrinsic (`{ Ref }`, `{ Fn::GetAtt }`,
 * `{ Fn::ImportValue }`...). A rule that needs a literal and finds an
 * intrinsic cannot judge it, and fails closed.
 */

/** A JSON object as it appears in a template. */
export type JsonObject = { [key: string]: unknown };

/** Whether `value` is a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether `value` is an intrinsic function or a condition, whose result is only known at deploy time. */
export function isIntrinsic(value: unknown): boolean {
  if (!isObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::') || keys[0] === 'Condition');
}

/**
 * The logical id a value points at: `{ Ref: X }`, `{ Fn::GetAtt: [X, attr] }` or
 * `{ Fn::GetAtt: 'X.attr' }`. Pseudo parameters (`AWS::Region`) are not resources.
 */
export function referencedLogicalId(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  const ref = value.Ref;
  if (typeof ref === 'string' && !ref.startsWith('AWS::')) return ref;
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  if (typeof getAtt === 'string') return getAtt.split('.')[0];
  return undefined;
}

/** A single value or a list, as a list (IAM and CloudFormation allow both). */
export function asList(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** A literal boolean (`true`, `'true'`), or undefined when the value is anything else. */
export function literalBoolean(value: unknown): boolean | undefined {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return undefined;
}

/** A literal whole number (`672`, `'672'`), or undefined. */
export function literalNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}

/** Reads a nested property by path; undefined when any step is missing. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let current: unknown = value;
  for (const step of path) {
    if (typeof step === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[step];
    } else {
      if (!isObject(current)) return undefined;
      current = current[step];
    }
  }
  return current;
}

/**
 * The literal text of a Join or Sub, each intrinsic part written as
 * `placeholder`; undefined for anything else. For reading what a value
 * surely says whatever the parts resolve to.
 */
export function literalText(value: JsonObject, placeholder = 'x'): string | undefined {
  const join = value['Fn::Join'];
  if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
    return (join[1] as unknown[]).map((part) => (typeof part === 'string' ? part : placeholder)).join(join[0]);
  }
  const sub = value['Fn::Sub'];
  const template = Array.isArray(sub) ? sub[0] : sub;
  return typeof template === 'string' ? template.replace(/\$\{[^}]*\}/g, placeholder) : undefined;
}
