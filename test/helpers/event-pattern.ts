/**
 * A small matcher of Amazon EventBridge event patterns, for the content
 * filters SecurityMonitoring uses: exact values, `numeric` ranges,
 * `anything-but`, `prefix` and `exists`. As in EventBridge, every field the
 * pattern names must be present (unless `exists: false`), a field of the
 * event that is an array matches if any element does, and arrays of objects
 * are flattened: a path collects its values from every element. Anything
 * else throws rather than guesses.
 */
export function matchesEventPattern(pattern: Record<string, unknown>, event: unknown): boolean {
  return Object.entries(pattern).every(([key, sub]) => {
    const values = valuesAt(event, key);
    if (Array.isArray(sub)) return sub.length > 0 && matchesLeaf(sub, values);
    // Flattened, as EventBridge does: fields of different array elements may satisfy one pattern.
    if (isObject(sub)) return matchesEventPattern(sub, values.filter(isObject));
    throw new Error(`pattern field ${key} must be an array or an object, got ${JSON.stringify(sub)}`);
  });
}

/** The values of `key` in `event`, looking through arrays of objects as EventBridge flattens them. */
function valuesAt(event: unknown, key: string): unknown[] {
  if (Array.isArray(event)) return event.flatMap((e) => valuesAt(e, key));
  if (event === null || typeof event !== 'object' || !Object.prototype.hasOwnProperty.call(event, key)) return [];
  const value = (event as Record<string, unknown>)[key];
  return Array.isArray(value) ? value : [value];
}

function matchesLeaf(matchers: unknown[], values: unknown[]): boolean {
  return matchers.some((matcher) => {
    if (isObject(matcher) && 'exists' in matcher) return (values.length > 0) === matcher.exists;
    return values.some((value) => matchesValue(matcher, value));
  });
}

function matchesValue(matcher: unknown, value: unknown): boolean {
  if (!isObject(matcher)) return matcher === value;
  const [operator, ...rest] = Object.keys(matcher);
  if (rest.length > 0) throw new Error(`one operator per matcher: ${JSON.stringify(matcher)}`);
  const operand = matcher[operator];
  switch (operator) {
    case 'numeric':
      return typeof value === 'number' && numericMatches(operand as unknown[], value);
    case 'anything-but':
      if (isObject(operand)) throw new Error(`nested anything-but is not supported: ${JSON.stringify(operand)}`);
      return value !== null && value !== undefined && ![operand].flat().includes(value);
    case 'prefix':
      return typeof value === 'string' && typeof operand === 'string' && value.startsWith(operand);
    default:
      throw new Error(`unsupported matcher ${operator}`);
  }
}

function numericMatches(conditions: unknown[], value: number): boolean {
  for (let i = 0; i < conditions.length; i += 2) {
    const [op, bound] = [conditions[i], conditions[i + 1]];
    if (typeof bound !== 'number') throw new Error(`numeric bound must be a number: ${JSON.stringify(conditions)}`);
    const ok = op === '>=' ? value >= bound : op === '>' ? value > bound : op === '<=' ? value <= bound : op === '<' ? value < bound : op === '=' ? value === bound : undefined;
    if (ok === undefined) throw new Error(`unsupported numeric operator ${String(op)}`);
    if (!ok) return false;
  }
  return true;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
