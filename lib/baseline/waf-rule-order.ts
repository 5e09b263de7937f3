import { isIntrinsic, isObject, JsonObject, literalNumber } from './intrinsics';

/**
 * Reading a web ACL's rules and their order as the template carries them. Whether an Allow rule
 * comes before the protections is judged by `ElectionBaseline-WafNoAllowBypass` and by
 * `ElectionWebAcl` on its `additionalRules`, so the construct refuses exactly what the rule fails.
 */

/** A web ACL's `Rules` as literal rule objects (absent is none), or undefined when the list or any rule is an intrinsic. */
export function literalWebAclRules(rules: unknown): JsonObject[] | undefined {
  if (rules === undefined) return [];
  if (!Array.isArray(rules) || !rules.every((r) => isObject(r) && !isIntrinsic(r))) return undefined;
  return rules as JsonObject[];
}

/** The single key of an action object (`{ Block: {} }` → `Block`), or undefined when it is not one. */
export function actionKind(action: unknown): string | undefined {
  if (!isObject(action) || isIntrinsic(action)) return undefined;
  const keys = Object.keys(action);
  return keys.length === 1 ? keys[0] : undefined;
}

/** A rule's literal `Priority`, or undefined when it is missing or an intrinsic. */
export function rulePriority(rule: JsonObject): number | undefined {
  return literalNumber(rule.Priority);
}


/** An Allow rule and a protection it is evaluated before (or may be: an unknown order counts as before). */
export interface AllowBypass {
  readonly allow: JsonObject;
  readonly protection: JsonObject;
}

/** A rule's standing: its priority (undefined when not a literal), whether it may allow, whether it may protect. */
interface Ranked {
  readonly rule: JsonObject;
  readonly priority?: number;
  readonly allows: boolean;
  readonly protects: boolean;
}

/**
 * The first Allow rule found at or before a managed rule group or rate-based rule, or undefined
 * when every Allow rule comes after all of them.
 */
export function allowBeforeProtection(rules: readonly JsonObject[]): AllowBypass | undefined {
  const ranked = rules.map(rank);
  const protections = ranked.filter((r) => r.protects);
  for (const allow of ranked.filter((r) => r.allows)) {
    for (const protection of protections) {
      if (allow === protection) continue;
      // Unknown order fails closed; WAF rejects equal priorities, which are judged as the Allow first.
      if (allow.priority === undefined || protection.priority === undefined || allow.priority <= protection.priority) {
        return { allow: allow.rule, protection: protection.rule };
      }
    }
  }
  return undefined;
}

/** An unknown action may allow and an unknown statement may protect: either way the rule is ordered conservatively. */
function rank(rule: JsonObject): Ranked {
  const action = actionKind(rule.Action);
  const allows = rule.Action !== undefined && (action === undefined || action === 'Allow');
  const statement = rule.Statement;
  const protects = !isObject(statement) || isIntrinsic(statement)
    || statement.ManagedRuleGroupStatement !== undefined || statement.RateBasedStatement !== undefined;
  return { rule, priority: rulePriority(rule), allows, protects };
}
