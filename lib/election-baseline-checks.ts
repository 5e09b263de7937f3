import { CfnResource, PolicyValidationPluginReport } from 'aws-cdk-lib';
import { NagPack, NagPackProps } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { ControlCatalogue } from './controls/catalogue';
import { ConstructTemplateIndex } from './pack/construct-template-index';
import { ElectionRule, PACK_NAME } from './pack/election-rule';
import { ELECTION_RULES } from './rules';

/** A rule of the baseline, described as data for reports and documentation. */
export interface ElectionRuleInfo {
  /** `ElectionBaseline-<RuleName>`. */
  readonly id: string;
  /** `Error` or `Warning`. */
  readonly level: string;
  /** One line: what is wrong when the rule fires. */
  readonly info: string;
  /** The threat the rule answers and why. */
  readonly explanation: string;
  /** Catalogue ids of the controls the rule enforces. */
  readonly controls: string[];
  /** The CloudFormation types it judges. */
  readonly resourceTypes: string[];
  /** Whether an acknowledgment may waive it. */
  readonly waivable: boolean;
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
  /** Every rule of the pack, as data. */
  public static rules(): ElectionRuleInfo[] {
    return ELECTION_RULES.map((rule) => ({
      id: `${PACK_NAME}-${rule.name}`,
      level: rule.level,
      info: rule.info,
      explanation: rule.explanation,
      controls: [...rule.controls],
      resourceTypes: [...rule.resourceTypes],
      waivable: rule.waivable,
    }));
  }

  public readonly name = PACK_NAME;
  private readonly rulesByType = new Map<string, ElectionRule[]>();
  private index?: ConstructTemplateIndex;

  constructor(scope?: IConstruct, props?: NagPackProps) {
    super(scope, props);
    this.packName = PACK_NAME;
    for (const rule of ELECTION_RULES) {
      for (const type of rule.resourceTypes) {
        this.rulesByType.set(type, [...(this.rulesByType.get(type) ?? []), rule]);
      }
    }
  }

  /** Validates a construct tree directly (tests, and CDK's validation framework through `validate`). */
  public validateScope(scope: IConstruct): PolicyValidationPluginReport {
    this.index = ConstructTemplateIndex.build(scope);
    try {
      return super.validateScope(scope);
    } finally {
      this.index = undefined;
    }
  }

  protected checkResource(node: CfnResource): void {
    const indexed = this.index?.lookup(node);
    if (!indexed) return;
    for (const rule of this.rulesByType.get(indexed.resource.type) ?? []) {
      this.applyRule({
        ruleSuffixOverride: rule.name,
        info: rule.info,
        explanation: `${rule.explanation} Controls: ${describeControls(rule)}.`,
        level: rule.level,
        node,
        rule: () => rule.check(indexed.resource, indexed.template),
      });
    }
  }
}

function describeControls(rule: ElectionRule): string {
  return rule.controls.map((id) => {
    const control = ControlCatalogue.get(id);
    return `${control.id} (${control.title})`;
  }).join('; ');
}
