import { isIntrinsic, isObject, JsonObject } from './intrinsics';
import { actionKind, rulePriority } from './web-acl';

/**
 * Whether an Allow rule comes before the protections of a web ACL: judged on the rules as the
 * template carries them, by `ElectionBaseline-WafNoAllowBypass` and by `ElectionWebAcl` on its
 * `additionalRules`, so the construct refuses exactly what the rule fails.
 */

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
