import { CfnResource, PolicyValidationPluginReport, Stack } from 'aws-cdk-lib';
import { AwsSolutionsChecks, IApplyRule, NagPack, NIST80053R5Checks } from 'cdk-nag';
import { ControlCatalogue } from '../controls/catalogue';
import { cdkNagRuleControls } from '../controls/cdk-nag-mapping';
import { ElectionBaselineChecks } from '../election-baseline-checks';
import { describeElectionRule, describeRule } from '../pack/rule-description';
import { ELECTION_RULES } from '../rules';
import { withVerdictsObserved } from './coverage';
import { AuditPackName, AuditRule } from './model';
import { scratchStack } from './scratch-app';

/** The packs in the order reports list them. */
export const PACK_NAMES: readonly AuditPackName[] = ['election', 'aws-solutions', 'nist-800-53-r5'];

/** One pack as the audit runs it. */
export interface AuditPack {
  readonly name: AuditPackName;
  /**
   * Runs the pack over the stack a template was loaded into. Given the
   * template's JSON file, the pack reads it as it reads the files CDK writes
   * at synth, so its rules judge the very file rather than cfn-include's
   * rendering of it, and `account` (the stack's, from a cloud assembly) as
   * the account CDK names at synth. Given `judged`, the pack adds to it the
   * construct path of each resource one of its rules gave a verdict on (see
   * `lib/audit/coverage.ts`).
   */
  validate(stack: Stack, jsonFile?: string, account?: string, judged?: Set<string>): PolicyValidationPluginReport;
}

/** How the audit sets up its packs. */
export interface AuditPackOptions {
  /** The agency's other accounts, for the election pack's `trustedAccountIds`. @default none */
  readonly trustedAccountIds?: readonly string[];
}

/** Whether `name` is a pack the audit knows. */
export function isPackName(name: string): name is AuditPackName {
  return (PACK_NAMES as readonly string[]).includes(name);
}

/** A fresh instance of the pack. */
export function newPack(name: AuditPackName, options: AuditPackOptions = {}): AuditPack {
  const pack: NagPack = name === 'election' ? new ElectionBaselineChecks(undefined, { trustedAccountIds: [...options.trustedAccountIds ?? []] })
    : name === 'aws-solutions' ? new AwsSolutionsChecks() : new NIST80053R5Checks();
  const run = (stack: Stack, jsonFile?: string, account?: string) => jsonFile === undefined ? pack.validateScope(stack) : pack.validate({
    appConstruct: stack,
    templatePaths: [jsonFile],
    stackTemplates: [{ stackConstructPath: stack.node.path, templatePath: jsonFile, accountId: account, region: undefined }],
  });
  return {
    name,
    validate: (stack, jsonFile, account, judged) => judged ? withVerdictsObserved(pack, judged, () => run(stack, jsonFile, account)) : run(stack, jsonFile, account),
  };
}

/** The pack a rule id belongs to, by its prefix; undefined for a rule of no pack the audit knows. */
export function packOfRule(ruleId: string): AuditPackName | undefined {
  if (ruleId.startsWith('ElectionBaseline-')) return 'election';
  if (ruleId.startsWith('AwsSolutions-')) return 'aws-solutions';
  if (ruleId.startsWith('NIST.800.53.R5-')) return 'nist-800-53-r5';
  return undefined;
}

const catalogues = new Map<AuditPackName, Map<string, AuditRule>>();

/** Every rule of a pack, by id, described as data (computed once per process). */
export function packRules(name: AuditPackName): ReadonlyMap<string, AuditRule> {
  let rules = catalogues.get(name);
  if (!rules) {
    rules = new Map((name === 'election' ? electionRules() : cdkNagRules(name)).map((rule) => [rule.ruleId, rule]));
    catalogues.set(name, rules);
  }
  return rules;
}

/** The rule with this id (without a `[finding]` suffix), if a known pack has it. */
export function findRule(ruleId: string): AuditRule | undefined {
  const pack = packOfRule(ruleId);
  return pack ? packRules(pack).get(ruleId) : undefined;
}

function electionRules(): AuditRule[] {
  return ELECTION_RULES.map(describeElectionRule);
}

/**
 * cdk-nag keeps its rules' text inside its packs: run the pack once over a
 * stack of one inert resource, recording every rule it applies (every rule
 * is applied to every resource; each answers for itself whether it applies).
 */
function cdkNagRules(name: AuditPackName): AuditRule[] {
  const recorded: AuditRule[] = [];
  const record = (packName: string, params: IApplyRule) => {
    const ruleId = `${packName}-${params.ruleSuffixOverride ?? params.rule.name}`;
    recorded.push(describeRule({
      ruleId,
      pack: name,
      level: params.level,
      message: params.info,
      explanation: params.explanation,
      // A rule of a newer cdk-nag that the mapping does not know yet keeps what its text names.
      controls: cdkNagRuleControls(ruleId) ?? nistControlsIn(params.info),
      waivable: true,
    }));
  };
  class RecordingSolutions extends AwsSolutionsChecks {
    protected applyRule(params: IApplyRule): void {
      record(this.readPackName, params);
    }
  }
  class RecordingNist extends NIST80053R5Checks {
    protected applyRule(params: IApplyRule): void {
      record(this.readPackName, params);
    }
  }
  const stack = scratchStack('RuleCatalogue');
  new CfnResource(stack, 'Inert', { type: 'AWS::CloudFormation::WaitConditionHandle' });
  (name === 'aws-solutions' ? new RecordingSolutions() : new RecordingNist()).validateScope(stack);
  return recorded;
}

/**
 * The catalogue's NIST 800-53 controls named in cdk-nag's rule text
 * (`(Control IDs: AU-9(2), CP-9b, SC-28(1))`): statement parts (`CP-9b`)
 * count as their control (`CP-9`), an enhancement the catalogue does not hold
 * (`AC-4(21)`) as its base control (`AC-4`); controls the catalogue does not
 * hold are left out, so every id in a report resolves in the catalogue.
 */
export function nistControlsIn(text: string): string[] {
  const list = /\(Control IDs?: (.*)\)\.?\s*$/.exec(text);
  if (!list) return [];
  const ids = new Set<string>();
  for (const raw of list[1].split(',')) {
    const match = /^([A-Z]{2})-(\d+)(\(\d+\))?/.exec(raw.trim());
    if (!match) continue;
    const base = `NIST-800-53-r5:${match[1]}-${match[2]}`;
    const id = ControlCatalogue.has(`${base}${match[3] ?? ''}`) ? `${base}${match[3] ?? ''}` : base;
    if (ControlCatalogue.has(id)) ids.add(id);
  }
  return [...ids];
}
