import { isObject, literalNumber, referencedLogicalId } from './intrinsics';

/**
 * Numbers a template leaves to each deployment: a `Ref` to a parameter of
 * type Number. CloudFormation refuses a value below the parameter's
 * `MinValue` (on create, update and every stack-set override), so a floor
 * such as the records retention holds whatever value a county is given.
 */

/** The least value a parameter definition admits: its literal MinValue when its Type is Number; undefined otherwise. */
export function parameterMinimum(parameter: unknown): number | undefined {
  if (!isObject(parameter) || parameter.Type !== 'Number') return undefined;
  return literalNumber(parameter.MinValue);
}

/**
 * The least value `value` can take at deploy time: a literal number, or the
 * MinValue of the Number parameter it is a `Ref` to. Undefined for anything
 * else (another intrinsic, a parameter with no MinValue): unknown.
 */
export function leastNumber(value: unknown, parameters: { parameter(name: string): unknown }): number | undefined {
  const literal = literalNumber(value);
  if (literal !== undefined) return literal;
  if (!isObject(value) || Object.keys(value).length !== 1 || typeof value.Ref !== 'string') return undefined;
  const name = referencedLogicalId(value);
  return name === undefined ? undefined : parameterMinimum(parameters.parameter(name));
}
