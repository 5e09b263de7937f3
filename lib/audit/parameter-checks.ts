import { defaultRetention } from '../pack/object-lock';
import { DataClass } from '../baseline/data-class';
import { requiredForClass } from '../pack/data-class-of';
import { asList, at, isObject, JsonObject, literalNumber, referencedLogicalId } from '../baseline/intrinsics';
import { toTemplateResource } from '../pack/template-model';
import { DAYS_PER_RETENTION_YEAR, MIN_RECORDS_RETENTION_DAYS } from '../baseline/records-retention';

/**
 * The checks CloudFormation makes of a parameter value (Type Number,
 * MinValue/MaxValue, MinLength/MaxLength, AllowedValues, AllowedPattern),
 * plus the rules' own bounds on what the parameter feeds (records retention),
 * so the statewide audit finds a county's bad override before StackSets
 * fails that county's stack instance, or deploys it.
 */

/** Each template parameter that sets an election-records bucket's Object Lock retention, with days per unit (Days 1, Years 365). */
export function retentionParameters(template: JsonObject): Map<string, number> {
  const found = new Map<string, number>();
  const resources = isObject(template.Resources) ? template.Resources : {};
  for (const [logicalId, body] of Object.entries(resources)) {
    if (!isObject(body) || body.Type !== 'AWS::S3::Bucket') continue;
    const bucket = toTemplateResource(logicalId, body);
    // As S3RecordsObjectLock: a bucket of no valid class is judged as records (fail closed).
    if (!requiredForClass(bucket, [DataClass.ELECTION_RECORDS])) continue;
    const retention = defaultRetention(bucket);
    for (const [unit, days] of [['Days', 1], ['Years', DAYS_PER_RETENTION_YEAR]] as const) {
      const name = referencedLogicalId(at(retention, unit));
      if (name !== undefined) found.set(name, days);
    }
  }
  return found;
}

/**
 * What is wrong with `value` for the parameter `name` as `definition` declares
 * it, one sentence each; empty when CloudFormation accepts it and it keeps the
 * rules' bounds (`daysPerUnit`: it is a records retention).
 */
export function parameterProblems(name: string, value: string, definition: JsonObject, daysPerUnit?: number): string[] {
  const problems: string[] = [];
  const shown = `${name} ${JSON.stringify(value)}`;
  const type = typeof definition.Type === 'string' ? definition.Type : 'String';
  const number = Number(value);
  if (type === 'Number' && (value.trim() === '' || !Number.isFinite(number))) problems.push(`${shown} is not a number`);
  if (type === 'Number' && Number.isFinite(number)) {
    const min = literalNumber(definition.MinValue);
    const max = literalNumber(definition.MaxValue);
    if (min !== undefined && number < min) problems.push(`${shown} is below the template's MinValue ${min}`);
    if (max !== undefined && number > max) problems.push(`${shown} is above the template's MaxValue ${max}`);
    if (daysPerUnit !== undefined && number * daysPerUnit < MIN_RECORDS_RETENTION_DAYS) {
      problems.push(`${shown} keeps election records ${number * daysPerUnit} days, under the ${MIN_RECORDS_RETENTION_DAYS}-day floor (22 months, 52 U.S.C. 20701)`);
    }
  }
  const minLength = literalNumber(definition.MinLength);
  const maxLength = literalNumber(definition.MaxLength);
  if (minLength !== undefined && value.length < minLength) problems.push(`${shown} is shorter than the template's MinLength ${minLength}`);
  if (maxLength !== undefined && value.length > maxLength) problems.push(`${shown} is longer than the template's MaxLength ${maxLength}`);
  const allowed = asList(definition.AllowedValues).map(String);
  if (allowed.length > 0 && !allowed.includes(value)) problems.push(`${shown} is not one of the template's AllowedValues (${allowed.join(', ')})`);
  if (typeof definition.AllowedPattern === 'string' && !fullMatch(definition.AllowedPattern, value)) {
    problems.push(`${shown} does not match the template's AllowedPattern ${definition.AllowedPattern}`);
  }
  return problems;
}

/** CloudFormation matches AllowedPattern against the whole value; a pattern JavaScript cannot read is left to CloudFormation. */
function fullMatch(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`).test(value);
  } catch {
    return true;
  }
}
