import * as fs from 'fs';
import { Aspects, CfnResource, IPolicyValidationContext, PolicyValidationPluginReport, PolicyViolation } from 'aws-cdk-lib';
import { IApplyRule, NagPack, NagPackProps } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { ControlCatalogue } from './controls/catalogue';
import { DATA_CLASS_TAG } from './baseline/data-class';
import { accountIdProblem } from './pack/accounts';
import { ConstructTemplateIndex, IndexedResource, SynthesizedStack } from './pack/construct-template-index';
import { ElectionRule, GranularFindings, PACK_NAME, ruleId } from './pack/election-rule';
import { withFaultLocations } from './pack/fault-locations';
import { describeElectionRule, RuleDescription } from './pack/rule-description';
import { SUPPRESSION_REGISTER_PRIORITY, WriteWaiverRegisterToCloudFormation } from './pack/suppression-register';
import { WAIVER_VERDICT_LOCATION, WaiverIndex } from './pack/waivers';
import { ELECTION_RULES } from './rules';
import { EXPIRING_WITHIN_DAYS, expiryProblem, isoDateProblem, MIN_WAIVER_REASON_LENGTH, MIN_WAIVER_REASON_WORDS, todayUtc, waiverExpiry, waiverReasonProblem } from './baseline/waiver-register';

/** Options of the election baseline pack. */
export interface ElectionBaselineChecksProps extends NagPackProps {
  /**
   * The agency's or state's other AWS accounts that roles may trust and
   * resource policies may grant besides the stack's own: a log archive or
   * security tooling account, the state's election IT. Each is 12 digits;
   * anything else throws. A literal account id outside this list and the
   * stack's own account is foreign, so a role it may assume is an
   * `ElectionBaseline-IamRoleTrustNoForeignAccount` finding, and a bucket,
   * key, topic, queue, table, Lambda, log or secret policy or an S3
   * replication that names it a `...NoForeignAccount` finding (an outsider's
   * account keeps access after every password reset; NIST AC-3, AC-6, AC-21,
   * CISA CPG 2.E).
   * @default - none: only the stack's own account is trusted
   */
  readonly trustedAccountIds?: string[];
  /**
   * The day waiver expiry is judged against, as an ISO date `YYYY-MM-DD`
   * (anything else throws). A waiver whose `expires` (see `ElectionWaivers`)
   * is before it holds nothing: a `fatal` error fails the synth, naming the
   * waiver, its rule and its date; one that ends within 30 days is a warning.
   * Pin it in tests and release builds so a synth gives the same result every
   * day (an exception past its deadline is an open risk; NIST CA-5, CA-7).
   * @default - today (UTC), or the day of `SOURCE_DATE_EPOCH` when it is set
   */
  readonly asOf?: string;
}

/**
 * The election baseline as a cdk-nag v3 pack: register it with
 * `Validations.of(app).addPlugins(new ElectionBaselineChecks(app))`. Errors
 * fail `cdk synth`; rule ids read `ElectionBaseline-<RuleName>`.
 *
 * Rules judge the CloudFormation each resource renders, indexed once per
 * validation pass, so cross-resource checks (which bucket policy guards which
 * bucket) cost one pass over the stack, not one per resource.
 */
export class ElectionBaselineChecks extends NagPack {
  /** The tag key that declares a data store's class (`election:data-class`). */
  public static readonly DATA_CLASS_TAG_KEY = DATA_CLASS_TAG;
  /** The id under which a waiver with a reason under 20 characters is reported. */
  public static readonly WAIVER_REASON_RULE_ID = `${PACK_NAME}-WaiverReasonTooShort`;
  /** The id under which a waiver past its `expires` date (or with one that is not a date) is reported, as `fatal`. */
  public static readonly WAIVER_EXPIRED_RULE_ID = `${PACK_NAME}-WaiverExpired`;
  /** The id under which a waiver that ends within 30 days is reported, as a warning. */
  public static readonly WAIVER_EXPIRING_RULE_ID = `${PACK_NAME}-WaiverExpiring`;

  /** Every rule of the pack, as data: the description the audit report and every report format carry. */
  public static rules(): RuleDescription[] {
    return ELECTION_RULES.map(describeElectionRule);
  }

  public readonly name = PACK_NAME;
  private readonly rulesByType = new Map<string, ElectionRule[]>();
  /** Each rule's finding text, composed once rather than per resource judged. */
  private readonly findingText = new Map<ElectionRule, { info: string; explanation: string }>();
  private readonly nonWaivableIds = new Set(ELECTION_RULES.filter((r) => !r.waivable).map(ruleId));
  private readonly trustedAccounts: ReadonlySet<string>;
  private readonly asOf?: string;
  private index?: ConstructTemplateIndex;
  private synthesizedStacks?: Map<string, SynthesizedStack>;

  constructor(scope?: IConstruct, props?: ElectionBaselineChecksProps) {
    super(scope, props);
    this.packName = PACK_NAME;
    this.trustedAccounts = checkedTrustedAccounts(props?.trustedAccountIds);
    this.asOf = checkedAsOf(props?.asOf);
    // Adds approver, expiry and origin to the waivers cdk-nag copies into templates (writeSuppressionsToCloudFormation).
    if (scope) Aspects.of(scope).add(new WriteWaiverRegisterToCloudFormation(), { priority: SUPPRESSION_REGISTER_PRIORITY });
    for (const rule of ELECTION_RULES) {
      this.findingText.set(rule, {
        info: finalInfo(rule, rule.info),
        explanation: `${rule.explanation} Controls: ${describeControls(rule)}.`,
      });
      for (const type of rule.resourceTypes) {
        this.rulesByType.set(type, [...(this.rulesByType.get(type) ?? []), rule]);
      }
    }
  }

  /**
   * Called by CDK's validation framework at synth: the rules read the
   * templates CDK has just written, each with the account its stack deploys
   * to, then judge them resource by resource.
   */
  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    this.synthesizedStacks = new Map((context.stackTemplates ?? []).map((s) => [
      s.stackConstructPath,
      { template: JSON.parse(fs.readFileSync(s.templatePath, 'utf8')), account: s.accountId },
    ]));
    try {
      return super.validate(context);
    } finally {
      this.synthesizedStacks = undefined;
    }
  }

  /**
   * Validates a construct tree directly (tests, and CDK's validation
   * framework through `validate`). Besides the rules, it refuses waivers
   * that an auditor could not trust: a waiver of a rule that cannot be waived,
   * a waiver whose reason is shorter than 20 characters, and a waiver past its
   * expiry date (on `asOf`). All are reported as `fatal`, which no
   * acknowledgment can suppress; a waiver ending within 30 days is a warning.
   */
  public validateScope(scope: IConstruct): PolicyValidationPluginReport {
    const index = ConstructTemplateIndex.build(scope, this.synthesizedStacks, this.trustedAccounts);
    this.index = index;
    try {
      const report = withFaultLocations(super.validateScope(scope), ELECTION_RULES, index.entries());
      const waivers = WaiverIndex.collect(scope);
      const asOf = this.asOf ?? todayUtc();
      const refused = [...this.refusedWaivers(waivers), ...shortWaiverReasons(waivers), ...expiredWaivers(waivers, asOf)];
      const expiring = expiringWaivers(waivers, asOf);
      if (refused.length === 0 && expiring.length === 0) return report;
      return { success: report.success && refused.length === 0, violations: [...report.violations, ...refused, ...expiring] };
    } finally {
      this.index = undefined;
    }
  }

  /**
   * Waivers of rules that cannot be waived. Refused whether the rule passes
   * today or not: a standing waiver would silently cover the day it fails.
   */
  private *refusedWaivers(waivers: WaiverIndex): Generator<PolicyViolation> {
    for (const waiver of waivers.made()) {
      if (!this.nonWaivableIds.has(waiver.ruleId)) continue;
      yield {
        ruleName: waiver.ruleId,
        description: `The waiver made at ${waiver.path} ('${waiver.reason}') is refused: ${waiver.ruleId} cannot be waived.`,
        severity: 'fatal',
        ruleMetadata: { waivedAt: waiver.path, reason: waiver.reason },
        violatingResources: [{ constructPath: waiver.path, locations: [WAIVER_VERDICT_LOCATION] }],
      };
    }
  }

  protected checkResource(node: CfnResource): void {
    const indexed = this.index?.lookup(node);
    if (!indexed) return;
    for (const rule of this.rulesByType.get(indexed.resource.type) ?? []) {
      if (rule.granular) this.applyGranular(rule, rule.granular, node, indexed);
      else this.applyRule({ ...this.ruleParams(rule, node), rule: () => rule.check(indexed.resource, indexed.template) });
    }
  }

  /**
   * cdk-nag gives every finding of one rule call the same message, so a rule
   * whose findings each name what they found is applied once per finding.
   */
  private applyGranular(rule: ElectionRule, granular: GranularFindings, node: CfnResource, indexed: IndexedResource): void {
    let findings: string[];
    try {
      findings = granular.findings(indexed.resource, indexed.template);
    } catch (error) {
      this.applyRule({ ...this.ruleParams(rule, node), rule: () => { throw error; } });
      return;
    }
    for (const finding of findings) {
      this.applyRule({ ...this.ruleParams(rule, node), info: finalInfo(rule, granular.describe(finding)), rule: () => [finding] });
    }
  }

  private ruleParams(rule: ElectionRule, node: CfnResource): Omit<IApplyRule, 'rule'> {
    return { ruleSuffixOverride: rule.name, ...this.findingText.get(rule)!, level: rule.level, node };
  }
}

/** A rule's one-line message as reports show it: a non-waivable rule says so. */
function finalInfo(rule: ElectionRule, info: string): string {
  return rule.waivable ? info : `${info} This rule cannot be waived.`;
}

/** The trusted account ids, each checked to be 12 digits. */
function checkedTrustedAccounts(ids: readonly string[] | undefined): ReadonlySet<string> {
  if (ids !== undefined && !Array.isArray(ids)) {
    throw new Error(`ElectionBaselineChecks: trustedAccountIds is ${String(ids)}; it must be a list of AWS account ids (12 digits each)`);
  }
  for (const [index, id] of (ids ?? []).entries()) {
    const problem = accountIdProblem(id);
    if (problem) {
      throw new Error(
        `ElectionBaselineChecks: trustedAccountIds[${index}] ${problem}; each must be the 12-digit id of an account the agency ` +
        "runs (log archive, security tooling, the state's election IT), e.g. '111111111111'",
      );
    }
  }
  return new Set(ids ?? []);
}

/** The pack's `asOf`, checked to be an ISO calendar date. */
function checkedAsOf(asOf: string | undefined): string | undefined {
  const problem = asOf === undefined ? undefined : isoDateProblem(asOf);
  if (problem) {
    throw new Error(`ElectionBaselineChecks: asOf ${problem}; give the day to judge waiver expiry against as YYYY-MM-DD, e.g. '2026-11-03'`);
  }
  return asOf;
}

function describeControls(rule: ElectionRule): string {
  return rule.controls.map((id) => {
    const control = ControlCatalogue.get(id);
    return `${control.id} (${control.title})`;
  }).join('; ');
}

function shortWaiverReasons(waivers: WaiverIndex): PolicyViolation[] {
  return waivers.made().flatMap((waiver) => {
    const problem = waiverReasonProblem(waiver.reason);
    if (!problem) return [];
    return [{
      ruleName: ElectionBaselineChecks.WAIVER_REASON_RULE_ID,
      description:
        `The waiver of ${waiver.ruleId} gives the reason '${waiver.reason}': ${problem}. A waiver needs a reason of at least ` +
        `${MIN_WAIVER_REASON_LENGTH} characters and ${MIN_WAIVER_REASON_WORDS} words that an auditor can check.`,
      severity: 'fatal',
      ruleMetadata: { waivedRule: waiver.ruleId, reason: waiver.reason },
      violatingResources: [{ constructPath: waiver.path, locations: [WAIVER_VERDICT_LOCATION] }],
    }];
  });
}

/** Waivers that hold nothing on `asOf`: past their expiry, or with an expiry that is not a date. */
function expiredWaivers(waivers: WaiverIndex, asOf: string): PolicyViolation[] {
  return waivers.made().flatMap((waiver) => {
    const problem = expiryProblem(waiver.expires, asOf);
    if (!problem) return [];
    return [{
      ruleName: ElectionBaselineChecks.WAIVER_EXPIRED_RULE_ID,
      description:
        `The waiver of ${waiver.ruleId} made at ${waiver.path} is refused: ${problem}. ` +
        'Fix the finding, or renew the waiver with a new approval and expires date.',
      severity: 'fatal',
      ruleMetadata: { waivedRule: waiver.ruleId, expires: waiver.expires ?? '', asOf },
      violatingResources: [{ constructPath: waiver.path, locations: [WAIVER_VERDICT_LOCATION] }],
    }];
  });
}

/** Waivers that still hold on `asOf` but end within `EXPIRING_WITHIN_DAYS`. */
function expiringWaivers(waivers: WaiverIndex, asOf: string): PolicyViolation[] {
  return waivers.made().flatMap((waiver) => {
    if (waiver.expires === undefined || isoDateProblem(waiver.expires) || waiverExpiry(waiver.expires, asOf) !== 'expiring') return [];
    const approver = waiver.approvedBy !== undefined ? `, approved by ${waiver.approvedBy},` : '';
    return [{
      ruleName: ElectionBaselineChecks.WAIVER_EXPIRING_RULE_ID,
      description:
        `The waiver of ${waiver.ruleId} made at ${waiver.path}${approver} expires on ${waiver.expires}, within ` +
        `${EXPIRING_WITHIN_DAYS} days of ${asOf}: fix the finding or renew the waiver before then.`,
      severity: 'warning',
      ruleMetadata: { waivedRule: waiver.ruleId, expires: waiver.expires, asOf },
      violatingResources: [{ constructPath: waiver.path, locations: [WAIVER_VERDICT_LOCATION] }],
    }];
  });
}
