import { CfnResource } from 'aws-cdk-lib';
import { IApplyRule, NagPack, NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { ELECTION_RULES } from '../rules';
import { JsonObject } from '../baseline/intrinsics';
import { AuditPackName, UnjudgedType } from './model';

/**
 * What the packs judged, so a report can say what they did not: a clean
 * report over resources no rule looks at is no clean bill of health.
 *
 * A resource is judged when a pack that ran gave a verdict on it:
 * - the election pack judges every resource of a type one of its rules lists
 *   in `resourceTypes` (each such rule judges every resource of its types);
 * - a cdk-nag pack (AwsSolutions, NIST 800-53 R5) declares no types: each of
 *   its rules is applied to every resource and answers for itself, so a
 *   resource is judged when one of its rules returned anything but
 *   `NOT_APPLICABLE` (compliant, non-compliant, granular findings, or an
 *   error, which cdk-nag reports as a finding).
 * Every other resource is unjudged, counted by type in its template.
 */

let electionTypes: ReadonlySet<string> | undefined;

/** Whether a rule of the election pack lists `type` among the types it judges. */
export function electionJudgesType(type: string): boolean {
  electionTypes ??= new Set(ELECTION_RULES.flatMap((rule) => rule.resourceTypes));
  return electionTypes.has(type);
}

/** cdk-nag's `applyRule` is protected; the audit reaches it on the instance, as `synth-findings.ts` does `isAcknowledged`. */
type RuleApplier = { applyRule(params: IApplyRule): void };

/**
 * Runs `run` with each rule `pack` applies observed: the construct path of
 * every resource one of its rules gives a verdict on (anything but
 * `NOT_APPLICABLE`, or an error) is added to `judged`. The pack reports what
 * it would have reported; its rule ids are unchanged.
 */
export function withVerdictsObserved<T>(pack: NagPack, judged: Set<string>, run: () => T): T {
  const instance = pack as unknown as RuleApplier;
  const own = Object.getOwnPropertyDescriptor(instance, 'applyRule');
  const applyRule = instance.applyRule;
  instance.applyRule = function observedApplyRule(this: unknown, params: IApplyRule) {
    applyRule.call(this, { ...params, rule: observedRule(params.rule, judged) });
  };
  try {
    return run();
  } finally {
    if (own) Object.defineProperty(instance, 'applyRule', own);
    else delete (instance as Partial<RuleApplier>).applyRule;
  }
}

/** `rule`, recording the resources it judges; it keeps its name, which cdk-nag makes the rule id of. */
function observedRule(rule: (node: CfnResource) => NagRuleResult, judged: Set<string>): (node: CfnResource) => NagRuleResult {
  const observed = (node: CfnResource): NagRuleResult => {
    let result: NagRuleResult;
    try {
      result = rule(node);
    } catch (error) {
      judged.add(node.node.path);
      throw error;
    }
    if (result !== NagRuleCompliance.NOT_APPLICABLE) judged.add(node.node.path);
    return result;
  };
  return Object.defineProperty(observed, 'name', { value: rule.name });
}

/** Types that deploy no configuration of the agency's: the CDK's version-reporting resource (analytics only). */
const NOTHING_TO_JUDGE: readonly string[] = ['AWS::CDK::Metadata'];

/**
 * The resources of a template no pack that ran judged, counted by type in
 * code-unit order (the same on every machine): `[{ type: 'AWS::Glue::Job', resources: 3 }]`.
 * `judgedByVerdict` holds the logical ids a cdk-nag pack's rule gave a verdict on.
 */
export function unjudgedTypes(
  resources: Readonly<Record<string, JsonObject>>, packs: readonly AuditPackName[], judgedByVerdict: ReadonlySet<string>,
): UnjudgedType[] {
  const election = packs.includes('election');
  const counts = new Map<string, number>();
  for (const [logicalId, body] of Object.entries(resources)) {
    const type = String(body.Type);
    if (NOTHING_TO_JUDGE.includes(type) || (election && electionJudgesType(type)) || judgedByVerdict.has(logicalId)) continue;
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([type, count]) => ({ type, resources: count }));
}
