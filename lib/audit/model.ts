/**
 * The audit's data model: what `election-audit` (and the report set that
 * `cdk synth` writes) knows after judging a set of templates. Every report
 * format renders this one object, so they cannot disagree.
 *
 * The JSON report (`--format json`) is this object minus nothing, plus
 * `controls`: each control's status, derived when it is rendered by
 * `controlStatuses` (`lib/reports/control-status.ts`), which every format
 * reads. Its schema ships as `schemas/election-audit-report.schema.json`.
 */

import type { RuleDescription } from '../pack/rule-description';

/** The packs the audit can run, by their CLI names. */
export type AuditPackName = 'election' | 'aws-solutions' | 'nist-800-53-r5';

/** One violation of one rule by one resource, open or waived. */
export interface AuditFinding {
  /** The full rule id, e.g. `ElectionBaseline-S3BucketTlsOnly`, `AwsSolutions-S1`, `NIST.800.53.R5-S3BucketReplicationEnabled`. */
  readonly ruleId: string;
  /**
   * For a rule that reports several findings per resource (cdk-nag's granular
   * findings, `AwsSolutions-IAM5[Action::s3:*]`), the part in brackets:
   * `Action::s3:*`. A waiver must name it to cover the finding.
   */
  readonly findingId?: string;
  /** The pack's CLI name. */
  readonly pack: AuditPackName;
  /** `error` fails the audit at `--fail-on error`; `warning` at `--fail-on warning`. */
  readonly level: 'error' | 'warning';
  /** `acknowledged` when a waiver covers it (with `reason`), `open` otherwise. */
  readonly status: 'open' | 'acknowledged';
  /** The template file, as given on the command line or relative to the cloud assembly. */
  readonly template: string;
  /** The stack name (the assembly's artifact id, or the template's file name without extension). */
  readonly stack: string;
  /** The resource's logical id in its template. */
  readonly logicalId: string;
  /** The CloudFormation type, e.g. `AWS::S3::Bucket`. */
  readonly resourceType: string;
  /** The one-line message of the rule. */
  readonly message: string;
  /** Control catalogue ids (`NIST-800-53-r5:AU-9(2)`, `CISA-CPG:2.K`, `52-USC-20701`). */
  readonly controls: readonly string[];
  /** The waiver's reason, for an acknowledged finding. */
  readonly reason?: string;
  /** Where the waiver was made, for an acknowledged finding (see `AuditWaiver.madeAt`). */
  readonly waivedAt?: string;
  /** The resource's `election:data-class` tag, when it has a valid one. */
  readonly dataClass?: string;
  /** 1-based line of the resource's logical id in a JSON template, when known. */
  readonly line?: number;
  /**
   * For a resource the SAM transform made (`MyFunctionUrl`, `MyFunctionRole`,
   * `ServerlessRestApiProdStage`), the logical id of the SAM resource the
   * template declares that it came from (`MyFunction`); `line` is that
   * resource's line. @default absent: the template declares the resource itself
   */
  readonly madeFrom?: string;
  /**
   * The property at fault, as a dotted path from the resource
   * (`Properties.BucketEncryption`, `Properties.Listeners.0.SslPolicy`), when
   * the rule names one (`ElectionRule.faultPath`); reports point at it (SARIF
   * region, HTML, CSV). @default absent: the resource as a whole is at fault
   */
  readonly propertyPath?: string;
}

/** One waiver found in the audited templates, whether or not it matched a finding. */
export interface AuditWaiver {
  /** The rule id it waives (unqualified; may carry a `[Resource::…]` suffix). */
  readonly ruleId: string;
  /** Why, in the words of whoever waived it. */
  readonly reason: string;
  /**
   * Where it was made: `construct:<path>` for a CDK acknowledgment, read from the cloud assembly's construct
   * metadata (or, made on the App or a Stage, from the construct tree at synth: `construct:/` for the App),
   * `metadata:<template>#<logicalId>` for `Metadata.cdk_nag.rules_to_suppress` in a template.
   */
  readonly madeAt: string;
  /** The template file it was found in. */
  readonly template: string;
  /** The stack name. */
  readonly stack: string;
  /** The controls of the rule it waives (from the catalogue for our rules, from cdk-nag's rule text otherwise). */
  readonly controls: readonly string[];
  /** How many findings it covers. */
  readonly findings: number;
  /** Why the waiver itself is an error (reason under 20 characters, rule cannot be waived, expired); absent when it is sound. */
  readonly problem?: string;
  /** Who approved it (a person, role or board), when the waiver says; absent otherwise. */
  readonly approvedBy?: string;
  /** The ISO date (`YYYY-MM-DD`) after which it no longer holds, when the waiver says; absent otherwise. */
  readonly expires?: string;
  /**
   * `library`: made by this library's own constructs, with the library's reason (the default of a construct);
   * `agency`: made by the app or written into the template by whoever handed it over.
   */
  readonly origin: WaiverOrigin;
  /**
   * Against the audit's date (`AuditReport.asOf`): `expired` (it holds nothing, its findings are open and
   * `problem` says so), `expiring` (it ends within 30 days: a warning), absent when it has no expiry or more time.
   */
  readonly expiry?: WaiverExpiry;
}

/** Who made a waiver: the library's constructs or the agency (the app, or the template's author). */
export type WaiverOrigin = 'library' | 'agency';

/** Where a waiver stands against the audit's date. */
export type WaiverExpiry = 'expired' | 'expiring';

/**
 * A rule as the report describes it (SARIF rule descriptors, the HTML legend,
 * the golden catalogue): the pack's `RuleDescription`, made by `describeRule`,
 * with the audit's names for its pack and level.
 */
export interface AuditRule extends RuleDescription {
  readonly pack: AuditPackName;
  readonly level: 'error' | 'warning';
}

/** One audited template. */
export interface AuditedTemplate {
  readonly template: string;
  readonly stack: string;
  readonly resources: number;
  /**
   * The stack's tags (`county`, `environment`, …): the literal tags every
   * tagged resource of the template carries, as CDK's stack and App tags
   * are written (see `lib/audit/stack-tags.ts`); absent when there are none.
   * Reports filter a statewide audit by them.
   */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * What no pack that ran judged: the resource types of the template's
   * resources that no rule gave a verdict on, with how many resources of each
   * (see `lib/audit/coverage.ts` for what counts as judged); empty when every
   * resource was judged. A clean report says nothing about these.
   */
  readonly unjudged: readonly UnjudgedType[];
  /**
   * What the audit's own expansion of the template's transforms left out (a SAM event type, policy template or
   * option it does not expand), one note each; absent when nothing was left out. What those parts would deploy
   * is not judged either.
   */
  readonly notExpanded?: readonly string[];
}

/** Resources of one type in one template that no pack that ran judged. */
export interface UnjudgedType {
  /** The CloudFormation type, e.g. `AWS::Glue::Job`. */
  readonly type: string;
  /** How many resources of the type in the template no rule judged. */
  readonly resources: number;
}

/** The whole audit. */
export interface AuditReport {
  readonly tool: { readonly name: string; readonly version: string };
  /** ISO 8601 time of the audit (reports made for golden tests pin it). */
  readonly generatedAt: string;
  /** The ISO date (`YYYY-MM-DD`) waiver expiry is judged against: the CLI's `--as-of`, the pack's `asOf`, else the day of `generatedAt`. */
  readonly asOf: string;
  readonly summary: {
    /** Open findings at level error, plus waivers with a problem. */
    readonly errors: number;
    /** Open findings at level warning, plus waivers that expire within 30 days. */
    readonly warnings: number;
    /** Findings covered by a sound waiver. */
    readonly acknowledged: number;
    readonly resources: number;
    /** Resources no pack that ran judged, in every template (the sum of `AuditedTemplate.unjudged`). */
    readonly unjudged: number;
    readonly templates: number;
  };
  readonly packs: readonly AuditPackName[];
  readonly templates: readonly AuditedTemplate[];
  readonly rules: readonly AuditRule[];
  readonly findings: readonly AuditFinding[];
  readonly waivers: readonly AuditWaiver[];
  /**
   * What each CloudFormation stack set of the audited templates deploys, target
   * by target (the statewide audit, see `lib/audit/deployments.ts`); absent
   * when no template holds a stack set.
   */
  readonly deployments?: readonly AuditDeployment[];
}

/** One `AWS::CloudFormation::StackSet` and what it deploys to each of its targets. */
export interface AuditDeployment {
  /** The template holding the stack set, and its stack. */
  readonly template: string;
  readonly stack: string;
  /** The stack set's logical id. */
  readonly logicalId: string;
  /** Its `StackSetName`, when literal. */
  readonly stackSetName?: string;
  /** `SERVICE_MANAGED` or `SELF_MANAGED`, when literal. */
  readonly permissionModel?: string;
  /**
   * The template it deploys, as reports name it: the assembly file its
   * TemplateURL asset publishes (judged once, like every audited template), or
   * `<template>#<logicalId>.TemplateBody`; absent when the audit cannot find it.
   */
  readonly deploys?: string;
  /** What is wrong with the stack set as a whole (its template cannot be found or read); empty when nothing. */
  readonly problems: readonly string[];
  /** Each target: one per account a StackInstancesGroup names, one for a group's OUs otherwise. */
  readonly targets: readonly DeploymentTarget[];
}

/** What one target of a stack set (a county's account, or the accounts of some OUs) gets. */
export interface DeploymentTarget {
  /** The county's name: the target's `CountyName` parameter value, when the template has one. */
  readonly county?: string;
  /** The accounts the group names (one per target when it names accounts). */
  readonly accounts: readonly string[];
  /** The organizational units (or root) the group names. */
  readonly organizationalUnitIds: readonly string[];
  /** `INTERSECTION`, `DIFFERENCE`, `UNION` or `NONE`, when the group gives one. */
  readonly accountFilterType?: string;
  readonly regions: readonly string[];
  /**
   * Every parameter of the deployed template with the value this target gets:
   * the template's Default, then the stack set's Parameters, then the group's
   * ParameterOverrides. A `NoEcho` parameter's value is shown as `****`.
   */
  readonly parameters: Readonly<Record<string, string>>;
  /** Each value CloudFormation or the rules' bounds refuse, one sentence each; empty when none. */
  readonly problems: readonly string[];
}
