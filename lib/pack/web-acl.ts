import { isWafPreset, WAF_PRESET_TAG, WebAclPreset } from '../baseline/waf-preset';
import { at, isIntrinsic, isObject, JsonObject } from '../baseline/intrinsics';
import { literalWebAclRules } from '../baseline/waf-rule-order';
import { renderSymbolic } from '../baseline/symbolic-text';
import { StackTemplate, tagValue, TemplateResource, UNRESOLVED } from './template-model';

/** Reading an `AWS::WAFv2::WebACL` as the template carries it. */

/** The web ACL's rules, or UNRESOLVED when the list or any rule is an intrinsic. */
export function webAclRules(resource: TemplateResource): JsonObject[] | typeof UNRESOLVED {
  return literalWebAclRules(resource.properties.Rules) ?? UNRESOLVED;
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

/**
 * The `ByteMatchStatement` of a statement shaped "the request lacks header H with value V"
 * (`NotStatement` of a `ByteMatchStatement` on a `SingleHeader`), whatever its match type and value;
 * undefined for any other statement.
 */
export function headerAbsentMatch(statement: unknown): JsonObject | undefined {
  const match = at(statement, 'NotStatement', 'Statement', 'ByteMatchStatement');
  return isObject(match) && !isIntrinsic(match) && isObject(at(match, 'FieldToMatch', 'SingleHeader')) ? match : undefined;
}

/**
 * Whether a `ByteMatchStatement` is the origin check `ElectionWebAcl` renders: a literal
 * `SingleHeader` name, `EXACTLY`, no transformation but `NONE`, and as search string a whole
 * `{{resolve:secretsmanager:…}}` dynamic reference (the secret is not in the template). A literal
 * value, a `CONTAINS`, or a reference through a parameter is not.
 */
export function isSecretHeaderMatch(match: JsonObject, template: StackTemplate): boolean {
  if (typeof at(match, 'FieldToMatch', 'SingleHeader', 'Name') !== 'string' || match.PositionalConstraint !== 'EXACTLY') return false;
  const transformations = match.TextTransformations;
  if (!Array.isArray(transformations) || !transformations.every((t) => isObject(t) && t.Type === 'NONE')) return false;
  return isSecretsManagerReference(match.SearchString, template);
}

/** Whether a value renders to exactly one `{{resolve:secretsmanager:…}}` dynamic reference. */
export function isSecretsManagerReference(value: unknown, template: StackTemplate): boolean {
  const text = renderSymbolic(value, template);
  if (text === undefined) return false;
  // Resources (`{Id}`, `{Id.Attr}`) and pseudo parameters (`<AWS::Region>`) stand for text without braces.
  const flat = text.replace(/\{[A-Za-z0-9]+(\.[A-Za-z0-9.]+)?\}/g, 'X');
  return /^\{\{resolve:secretsmanager:[^{}]+\}\}$/.test(flat);
}

/** The logical ids of the template's resources a value refers to (`{Id}` in its symbolic rendering). */
export function referencedIds(value: unknown, template: StackTemplate): string[] {
  const text = renderSymbolic(value, template) ?? '';
  return [...text.matchAll(/\{([A-Za-z0-9]+)(\.[A-Za-z0-9.]+)?\}/g)].map((m) => m[1]).filter((id) => template.get(id) !== undefined);
}

/** Where a web ACL's rule sits, for a rule's `faultPath`: `Properties.Rules.<index>`, or the list when the rule is not one of them. */
export function webAclRulePath(resource: TemplateResource, rule: JsonObject | undefined): string {
  const rules = webAclRules(resource);
  const index = rules === UNRESOLVED || rule === undefined ? -1 : rules.indexOf(rule);
  return index < 0 ? 'Properties.Rules' : `Properties.Rules.${index}`;
}
