import { at, literalBoolean, literalNumber } from '../baseline/intrinsics';
import { leastNumber } from '../baseline/number-parameters';
import { DAYS_PER_RETENTION_YEAR } from '../baseline/records-retention';
import { StackTemplate, TemplateResource } from './template-model';

/**
 * Reading a bucket's Object Lock as the template writes it: whether it is
 * on, and the default retention new objects get.
 */

/** `true` or `false` as written; undefined when an intrinsic decides it. Absent is off. */
export function objectLockEnabled(bucket: TemplateResource): boolean | undefined {
  const value = bucket.properties.ObjectLockEnabled;
  return value === undefined ? false : literalBoolean(value);
}

/** The default retention rule as written (`{ Mode, Days | Years }`), whether or not Object Lock is on. */
export function defaultRetention(bucket: TemplateResource): unknown {
  return at(bucket.properties, 'ObjectLockConfiguration', 'Rule', 'DefaultRetention');
}

/**
 * The fewest days of the default retention when Object Lock is on and its
 * default rule is in `mode` (Years count 365 days each; Days may be a Number
 * parameter of the template, counted as its MinValue, which CloudFormation
 * enforces); 0 when it is off, in another mode, or written with values the
 * template does not resolve.
 */
export function defaultRetentionDays(bucket: TemplateResource, mode: 'COMPLIANCE' | 'GOVERNANCE', template: StackTemplate): number {
  if (objectLockEnabled(bucket) !== true || at(bucket.properties, 'ObjectLockConfiguration', 'ObjectLockEnabled') !== 'Enabled') return 0;
  const retention = defaultRetention(bucket);
  if (at(retention, 'Mode') !== mode) return 0;
  const days = leastNumber(at(retention, 'Days'), template);
  if (days !== undefined) return days;
  const years = literalNumber(at(retention, 'Years'));
  return years !== undefined ? years * DAYS_PER_RETENTION_YEAR : 0;
}

/**
 * Where a bucket's Object Lock default retention falls short, for a rule's
 * `faultPath`: `ObjectLockEnabled` while Object Lock is off, the
 * configuration's switch while that is, else the default retention rule.
 */
export function objectLockFaultPath(bucket: TemplateResource): string {
  if (objectLockEnabled(bucket) !== true) return 'Properties.ObjectLockEnabled';
  if (at(bucket.properties, 'ObjectLockConfiguration', 'ObjectLockEnabled') !== 'Enabled') return 'Properties.ObjectLockConfiguration.ObjectLockEnabled';
  return 'Properties.ObjectLockConfiguration.Rule.DefaultRetention';
}
