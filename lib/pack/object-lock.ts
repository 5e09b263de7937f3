import { at, literalBoolean, literalNumber } from './intrinsics';
import { TemplateResource } from './template-model';

/**
 * Reading a bucket's Object Lock as the template writes it: whether it is
 * on, and the default retention new objects get.
 */

/** `true` or `false` as written; undefined when an intrinsic decides it. Absent is off. */
export function objectLockEnabled(bucket: TemplateResource): boolean | undefined {
  const value = bucket.properties.ObjectLockEnabled;
  return value === undefined ? false : literalBoolean(value);
}

/**
 * The default retention's days when Object Lock is on and its default rule
 * is in `mode` (Years count 365 days each); 0 when it is off, in another
 * mode, or written with values the template does not resolve.
 */
export function defaultRetentionDays(bucket: TemplateResource, mode: 'COMPLIANCE' | 'GOVERNANCE'): number {
  const props = bucket.properties;
  if (objectLockEnabled(bucket) !== true || at(props, 'ObjectLockConfiguration', 'ObjectLockEnabled') !== 'Enabled') return 0;
  const retention = at(props, 'ObjectLockConfiguration', 'Rule', 'DefaultRetention');
  if (at(retention, 'Mode') !== mode) return 0;
  const days = literalNumber(at(retention, 'Days'));
  if (days !== undefined) return days;
  const years = literalNumber(at(retention, 'Years'));
  return years !== undefined ? years * 365 : 0;
}
