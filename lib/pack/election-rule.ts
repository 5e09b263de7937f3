import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { StackTemplate, TemplateResource } from './template-model';

/**
 * One rule of the election baseline: what it checks, why, and the controls it
 * maps to. A rule judges only what the template carries, so it gives the same
 * verdict at synth and on a bare template an auditor loads without the source.
 */
export interface ElectionRule {
  /** The rule name; its id is `ElectionBaseline-<name>`. */
  readonly name: string;
  /** Error fails synth; warning is reported. */
  readonly level: NagMessageLevel;
  /** One line: what is wrong when the rule fires. */
  readonly info: string;
  /** Why the rule exists: the threat it answers and the controls behind it. */
  readonly explanation: string;
  /**
   * The long rationale (threat history, AWS behaviour, why not stricter or
   * looser), shown only in the generated rule reference (`docs/rules/`);
   * reports carry the short `explanation`.
   */
  readonly rationale?: string;
  /** Catalogue ids of the controls the rule enforces (see `ControlCatalogue`). */
  readonly controls: readonly string[];
  /** The CloudFormation types the rule judges; every other type is not applicable. */
  readonly resourceTypes: readonly string[];
  /**
   * Whether an acknowledgment may waive the rule. Records retention,
   * encryption of sensitive classes, TLS-only access and Block Public Access
   * on non-public data cannot be waived.
   */
  readonly waivable: boolean;
  /**
   * Judges one resource. Returns NON_COMPLIANT when a value it needs is an
   * intrinsic the template does not resolve: a rule fails closed.
   */
  check(resource: TemplateResource, template: StackTemplate): NagRuleCompliance;
  /**
   * For a rule that reports each thing it found apart: the pack reports
   * these findings instead of `check`'s verdict.
   */
  readonly granular?: GranularFindings;
  /**
   * For a NON_COMPLIANT verdict, the property at fault as a dotted path from
   * the resource (`Properties.BucketEncryption`); reports point at it.
   * Undefined when the resource as a whole is at fault.
   */
  faultPath?(resource: TemplateResource, template: StackTemplate): string | undefined;
}

/**
 * Granular findings (`Account::123456789012`), as cdk-nag's own rules report
 * them: each is reported as `ElectionBaseline-<name>[finding]` with its own
 * message, and a waiver must name the finding exactly, so it does not cover
 * one that appears later.
 */
export interface GranularFindings {
  /** The findings behind a NON_COMPLIANT `check`; empty when it passes or does not apply. */
  findings(resource: TemplateResource, template: StackTemplate): string[];
  /** The one-line message of one finding, in place of `info`: what was found and how to settle it. */
  describe(finding: string): string;
}

/** The pack name: rule ids read `ElectionBaseline-<RuleName>`. */
export const PACK_NAME = 'ElectionBaseline';

/** The full id of a rule as reports and acknowledgments use it. */
export function ruleId(rule: ElectionRule): string {
  return `${PACK_NAME}-${rule.name}`;
}
