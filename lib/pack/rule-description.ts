import { ElectionRule, ruleId } from './election-rule';

/**
 * A rule of a pack described as data: the one shape that
 * `ElectionBaselineChecks.rules()`, the audit report's `rules` (`AuditRule`
 * narrows its types) and every report format read, made by `describeRule`.
 */
export interface RuleDescription {
  /** The full rule id: `ElectionBaseline-S3BucketTlsOnly`, `AwsSolutions-S1`, `NIST.800.53.R5-S3BucketReplicationEnabled`. */
  readonly ruleId: string;
  /** The pack's CLI name: `election`, `aws-solutions` or `nist-800-53-r5`. */
  readonly pack: string;
  /** `error` (fails synth and the audit) or `warning`. */
  readonly level: string;
  /** One line: what is wrong when the rule fires. */
  readonly message: string;
  /** Short: what is wrong, why, and what passes. */
  readonly explanation: string;
  /** The long rationale, for the rule reference; absent when the rule has none. */
  readonly rationale?: string;
  /** Catalogue ids of the controls the rule enforces (see `ControlCatalogue`). */
  readonly controls: string[];
  /** The CloudFormation types it judges; absent for cdk-nag's rules, which do not say. */
  readonly resourceTypes?: string[];
  /** False for a rule no waiver may cover. */
  readonly waivable: boolean;
}

/** What `describeRule` needs: a rule as its pack applies it. No cdk-nag import, so reports can describe a rule without loading the packs. */
export interface RuleDescriptionSource {
  readonly ruleId: string;
  readonly pack: string;
  /** cdk-nag's `Error`/`Warning` (`NagMessageLevel`) or the audit's `error`/`warning`. */
  readonly level: string;
  readonly message: string;
  readonly explanation: string;
  readonly rationale?: string;
  readonly controls: readonly string[];
  readonly resourceTypes?: readonly string[];
  readonly waivable: boolean;
}

/** A description whose pack and level are typed as the audit names them. */
export type TypedRuleDescription<P extends string> = RuleDescription & { readonly pack: P; readonly level: 'error' | 'warning' };

/** The rule as data, with cdk-nag's `Error`/`Warning` as `error`/`warning` and no absent field written out. */
export function describeRule<P extends string>(source: RuleDescriptionSource & { readonly pack: P }): TypedRuleDescription<P> {
  return {
    ruleId: source.ruleId,
    pack: source.pack,
    level: source.level.toLowerCase() === 'error' ? 'error' : 'warning',
    message: source.message,
    explanation: source.explanation,
    ...(source.rationale !== undefined ? { rationale: source.rationale } : {}),
    controls: [...source.controls],
    ...(source.resourceTypes !== undefined ? { resourceTypes: [...source.resourceTypes] } : {}),
    waivable: source.waivable,
  };
}

/** A rule of the election baseline as data. */
export function describeElectionRule(rule: ElectionRule): TypedRuleDescription<'election'> {
  return describeRule({
    ruleId: ruleId(rule),
    pack: 'election' as const,
    level: rule.level,
    message: rule.info,
    explanation: rule.explanation,
    rationale: rule.rationale,
    controls: rule.controls,
    resourceTypes: rule.resourceTypes,
    waivable: rule.waivable,
  });
}
