import { isWafPreset, WAF_PRESET_TAG, WebAclPreset } from '../waf-preset';
import { isIntrinsic, isObject, JsonObject } from './intrinsics';
import { tagValue, TemplateResource, UNRESOLVED } from './template-model';

/** Reading an `AWS::WAFv2::WebACL` as the template carries it. */

/** The web ACL's rules, or UNRESOLVED when the list or any rule is an intrinsic. */
export function webAclRules(resource: TemplateResource): JsonObject[] | typeof UNRESOLVED {
  const rules = resource.properties.Rules;
  if (rules === undefined) return [];
  if (!Array.isArray(rules) || !rules.every((r) => isObject(r) && !isIntrinsic(r))) return UNRESOLVED;
  return rules as JsonObject[];
}

/** The preset the web ACL's tag declares; absent, unknown or unresolved is judged as `portal`, the strictest. */
export function wafPresetOf(resource: TemplateResource): WebAclPreset {
  const value = tagValue(resource, WAF_PRESET_TAG);
  return value !== UNRESOLVED && isWafPreset(value) ? value : WebAclPreset.PORTAL;
}

/** A managed rule group that is directly a rule's statement. */
export interface ManagedGroupUse {
  readonly rule: JsonObject;
  readonly statement: JsonObject;
  /** The group name, or undefined when it is not a literal. */
  readonly name?: string;
  /** The vendor, or undefined when it is not a literal. */
  readonly vendor?: string;
}

/** The managed rule groups used directly as rule statements (not nested in other statements). */
export function managedGroupUses(rules: readonly JsonObject[]): ManagedGroupUse[] {
  const uses: ManagedGroupUse[] = [];
  for (const rule of rules) {
    const statement = isObject(rule.Statement) ? rule.Statement.ManagedRuleGroupStatement : undefined;
    if (!isObject(statement)) continue;
    uses.push({
      rule,
      statement,
      name: typeof statement.Name === 'string' ? statement.Name : undefined,
      vendor: typeof statement.VendorName === 'string' ? statement.VendorName : undefined,
    });
  }
  return uses;
}

/** The single key of an action object (`{ Block: {} }` → `Block`), or undefined when it is not one. */
export function actionKind(action: unknown): string | undefined {
  if (!isObject(action) || isIntrinsic(action)) return undefined;
  const keys = Object.keys(action);
  return keys.length === 1 ? keys[0] : undefined;
}
