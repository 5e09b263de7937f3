import { CfnResource } from './construct-templates';

/** Small readers and writers of template JSON that both mutation tables edit with. */

export type Json = Record<string, unknown>;

/** A resource's Properties, created when absent so an edit can add to them. */
export const props = (r: CfnResource): Json => (r.Properties ??= {});
export const obj = (value: unknown): Json => value as Json;
export const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);

/** Whether a resource carries a property at `path`. */
export const has = (...path: string[]) => (r: CfnResource): boolean => {
  let value: unknown = r.Properties;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Json)[key] : undefined;
  return value !== undefined;
};

export function webAclRules(r: CfnResource): Json[] {
  return list(props(r).Rules);
}
export const isRateRule = (rule: Json) => obj(rule.Statement).RateBasedStatement !== undefined;
/** The web ACL's rate-based rule. */
export const rateRule = (r: CfnResource): Json => {
  const rule = webAclRules(r).find(isRateRule);
  if (!rule) throw new Error('no rate-based rule');
  return rule;
};
export const hasRateRule = (r: CfnResource) => webAclRules(r).some(isRateRule);
