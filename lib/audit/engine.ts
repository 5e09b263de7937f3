import * as fs from 'fs';
import * as path from 'path';
import { PolicyViolation } from 'aws-cdk-lib';
import { DATA_CLASS_TAG, isDataClass } from '../baseline/data-class';
import { tagValue, toTemplateResource } from '../pack/template-model';
import { WAIVER_VERDICT_LOCATION } from '../pack/waivers';
import { WHOLE_RESOURCE_LOCATION } from '../pack/fault-locations';
import { ConstructWaivers } from './acknowledgment-candidates';
import { IncludeCopies, JudgedFiles } from './include-copy';
import { includeTemplate } from './include-template';
import { unjudgedTypes } from './coverage';
import { deploymentFindings, stackSetDeployments, STACK_SET_PARAMETERS_RULE } from './deployments';
import { AuditedTemplate, AuditFinding, AuditPackName, AuditReport, AuditWaiver, UnjudgedType } from './model';
import { findRule, newPack, PACK_NAMES, packRules } from './packs';
import { auditSummary } from '../reports/summary';
import { SynthFindings } from './synth-findings';
import { LoadedTemplate } from './template-file';
import { isoDateProblem, waiverExpiry } from '../baseline/waiver-register';
import { stackTagsEntry } from './stack-tags';
import { baseRuleId, findingIdOf, templateWaivers, WaiverCandidate, waiverMatches, waiverProblem } from './waiver-candidates';

/** How to run an audit. */
export interface AuditOptions {
  /** The packs to run. @default ['election'] */
  readonly packs?: readonly AuditPackName[];
  /** The agency's other accounts, which trust and resource policies may name besides each stack's own (`--trusted-accounts`). @default none */
  readonly trustedAccountIds?: readonly string[];
  /**
   * CDK acknowledgments made above every stack (on the App or a Stage), read
   * from the construct tree at synth (`waiversAboveStacks`), by absolute
   * template path: the cloud assembly does not carry them, so they add to the
   * acknowledgments each loaded template's assembly records.
   * @default none
   */
  readonly aboveStackWaivers?: ConstructWaivers;
  /** The report's time. @default now, or `SOURCE_DATE_EPOCH` when set */
  readonly generatedAt?: string;
  /**
   * The ISO date (`YYYY-MM-DD`) waiver expiry is judged against (`--as-of`):
   * a waiver expired before it holds nothing; one ending within 30 days warns.
   * @default the day of `generatedAt` (UTC)
   */
  readonly asOf?: string;
  /** The tool version the report names. @default this package's version */
  readonly toolVersion?: string;
  /** Called before each template is judged. */
  readonly onProgress?: (done: number, total: number, template: LoadedTemplate) => void;
  /**
   * What the packs found during the synth that wrote these templates. Used
   * instead of running the packs again when it holds every pack of the audit
   * and each violation's construct path is a resource of a loaded template
   * (the assembly's construct metadata places it); otherwise the packs run.
   * @default none: the packs run
   */
  readonly synthFindings?: SynthFindings;
}

/** The tool's name in every report. */
export const TOOL_NAME = 'election-audit';

/**
 * Judges templates with the packs and returns the audit: every violation,
 * open or waived, every waiver with its reason and where it was made.
 */
export function auditTemplates(templates: readonly LoadedTemplate[], options: AuditOptions = {}): AuditReport {
  const packNames = PACK_NAMES.filter((name) => (options.packs ?? ['election']).includes(name));
  const packs = packNames.map((name) => newPack(name, { trustedAccountIds: options.trustedAccountIds }));
  const findings: AuditFinding[] = [];
  const waivers: AuditWaiver[] = [];
  const generatedAt = options.generatedAt ?? reportTime();
  const asOf = options.asOf ?? generatedAt.slice(0, 10);
  const dateProblem = isoDateProblem(asOf);
  if (dateProblem) throw new Error(`auditTemplates: asOf ${dateProblem}; give the day to judge waiver expiry against, e.g. 2026-11-03`);
  const recorded = options.synthFindings && recordedViolations(templates, packNames, options.synthFindings);
  const copies = new IncludeCopies();
  const unjudged = new Map<LoadedTemplate, UnjudgedType[]>();
  try {
    templates.forEach((template, index) => {
      options.onProgress?.(index, templates.length, template);
      const judgedIds = new Set<string>();
      const violations = recorded ? recorded.findings.get(template) ?? [] : violationsIn(template, copies.filesFor(template), packs, judgedIds);
      unjudged.set(template, unjudgedTypes(template.resources, packNames, recorded?.judged.get(template) ?? judgedIds));
      const judged = judgeTemplate(template, violations, waiversOf(template, options.aboveStackWaivers), asOf);
      findings.push(...judged.findings);
      waivers.push(...judged.waivers);
    });
  } finally {
    copies.dispose();
  }
  // The statewide audit: what each stack set gives each county, checked against its template and the rules' bounds.
  const deployments = packNames.includes('election') ? stackSetDeployments(templates) : [];
  findings.push(...deploymentFindings(deployments, templates));
  findings.sort(compareFindings);
  waivers.sort((a, b) => compareText(a.template, b.template) || compareText(a.madeAt, b.madeAt) || compareText(a.ruleId, b.ruleId));
  const audited: AuditedTemplate[] = templates
    .map((t) => ({ template: t.display, stack: t.stack, resources: Object.keys(t.resources).length, ...stackTagsEntry(t.resources), unjudged: unjudged.get(t) ?? [], ...(t.expansionNotes ? { notExpanded: t.expansionNotes } : {}) }))
    .sort((a, b) => compareText(a.template, b.template));
  return {
    tool: { name: TOOL_NAME, version: options.toolVersion ?? toolVersion() },
    generatedAt,
    asOf,
    summary: auditSummary(findings, waivers, audited),
    packs: packNames,
    templates: audited,
    findings,
    waivers,
    rules: [...packNames.flatMap((name) => [...packRules(name).values()]), ...(deployments.length > 0 ? [STACK_SET_PARAMETERS_RULE] : [])]
      .sort((a, b) => compareText(a.ruleId, b.ruleId)),
    ...(deployments.length > 0 ? { deployments } : {}),
  };
}

/**
 * Settles each violation against the waivers that cover it: acknowledged by
 * the nearest sound waiver, open otherwise (a waiver with a problem, expired
 * on `asOf` included, holds nothing). Every waiver is listed, with how many
 * findings it names.
 */
function judgeTemplate(
  template: LoadedTemplate, violations: AuditFinding[], candidates: WaiverCandidate[], asOf: string,
): { findings: AuditFinding[]; waivers: AuditWaiver[] } {
  const problems = new Map(candidates.map((w) => [w, waiverProblem(w.ruleId, w.reason, w.expires, asOf)]));
  const covered = new Map<WaiverCandidate, number>();
  const findings = violations.map((finding): AuditFinding => {
    const matching = candidates.filter((w) => w.covers.has(finding.logicalId) && waiverMatches(w, finding.ruleId, finding.findingId));
    for (const waiver of matching) covered.set(waiver, (covered.get(waiver) ?? 0) + 1);
    const holding = matching.filter((w) => problems.get(w) === undefined).sort(byNearness)[0];
    return holding ? { ...finding, status: 'acknowledged', reason: holding.reason, waivedAt: holding.madeAt } : finding;
  });
  return {
    findings,
    waivers: candidates.map((candidate) => toAuditWaiver(candidate, template, covered.get(candidate) ?? 0, problems.get(candidate), asOf)),
  };
}

/** Every violation the packs report in one template, as open findings; the logical ids of the resources a rule gave a verdict on are added to `judgedIds`. */
function violationsIn(template: LoadedTemplate, files: JudgedFiles, packs: ReturnType<typeof newPack>[], judgedIds: Set<string>): AuditFinding[] {
  const { stack, logicalIdByPath } = includeTemplate(template, files.include);
  // The election pack judges the template's JSON itself, as at synth: the original file when it is JSON.
  const judged = files.judged;
  const findings: AuditFinding[] = [];
  const judgedPaths = new Set<string>();
  for (const pack of packs) {
    for (const violation of pack.validate(stack, judged, template.account, judgedPaths).violations) {
      for (const resource of violation.violatingResources) {
        const logicalId = logicalIdByPath.get(resource.constructPath ?? '') ?? (resource.constructPath ?? '').split('/').pop() ?? '';
        findings.push(openFinding(pack.name, violation, template, logicalId, resource.locations));
      }
    }
  }
  for (const judgedPath of judgedPaths) {
    const logicalId = logicalIdByPath.get(judgedPath);
    if (logicalId !== undefined) judgedIds.add(logicalId);
  }
  return findings;
}

/**
 * The violations the packs reported during the synth, as open findings by
 * template, each placed by its construct path through the assembly's
 * construct metadata, and the logical ids of the resources their rules gave a
 * verdict on; undefined when a pack did not run or a violation cannot be
 * placed, or when a cdk-nag pack ran and a resource cannot be placed (its
 * verdicts could not be told): the packs then run over the templates. The
 * pack's verdicts on waivers are left out: the audit judges every waiver itself.
 */
function recordedViolations(
  templates: readonly LoadedTemplate[], packNames: readonly AuditPackName[], synth: SynthFindings,
): { findings: Map<LoadedTemplate, AuditFinding[]>; judged: Map<LoadedTemplate, Set<string>> } | undefined {
  const byFile = new Map(templates.map((t) => [path.resolve(t.file), t]));
  const place = new Map<string, { template: LoadedTemplate; logicalId: string }>();
  const judged = new Map(templates.map((t) => [t, new Set<string>()]));
  const placed = new Map(templates.map((t) => [t, new Set<string>()]));
  for (const resource of templates.flatMap((t) => t.constructResources ?? [])) {
    const template = byFile.get(resource.file);
    if (!template) continue;
    place.set(resource.path, { template, logicalId: resource.logicalId });
    placed.get(template)!.add(resource.logicalId);
  }
  const byVerdict = packNames.some((pack) => pack !== 'election');
  if (byVerdict && templates.some((t) => Object.keys(t.resources).some((id) => !placed.get(t)!.has(id)))) return undefined;
  const findings = new Map<LoadedTemplate, AuditFinding[]>();
  for (const pack of packNames) {
    const violations = synth.violations(pack);
    const judgedPaths = synth.judgedPaths(pack);
    if (!violations || !judgedPaths) return undefined;
    for (const judgedPath of judgedPaths) {
      const at = place.get(judgedPath);
      if (at) judged.get(at.template)!.add(at.logicalId);
    }
    for (const violation of violations) {
      if (violation.violatingResources.every((r) => r.locations?.includes(WAIVER_VERDICT_LOCATION))) continue;
      for (const resource of violation.violatingResources) {
        const at = place.get(resource.constructPath ?? '');
        if (!at) return undefined;
        const list = findings.get(at.template) ?? [];
        list.push(openFinding(pack, violation, at.template, at.logicalId, resource.locations));
        findings.set(at.template, list);
      }
    }
  }
  return { findings, judged };
}

/** One pack's violation by one resource of a template, as an open finding. */
function openFinding(
  pack: AuditPackName, violation: PolicyViolation, template: LoadedTemplate, logicalId: string, locations?: readonly string[],
): AuditFinding {
  const ruleId = baseRuleId(violation.ruleName);
  const findingId = findingIdOf(violation.ruleName);
  const rule = findRule(ruleId);
  const body = template.resources[logicalId];
  const dataClass = body ? tagValue(toTemplateResource(logicalId, body), DATA_CLASS_TAG) : undefined;
  const line = template.lines.get(logicalId);
  const madeFrom = template.madeFrom?.get(logicalId);
  const propertyPath = propertyPathOf(locations);
  return {
    ruleId,
    ...(findingId !== undefined ? { findingId } : {}),
    pack,
    level: violation.severity === 'warning' || violation.severity === 'info' ? 'warning' : 'error',
    status: 'open',
    template: template.display,
    stack: template.stack,
    logicalId,
    resourceType: typeof body?.Type === 'string' ? body.Type : '',
    message: violation.description,
    controls: rule ? [...rule.controls] : [],
    ...(isDataClass(dataClass) ? { dataClass } : {}),
    ...(line !== undefined ? { line } : {}),
    ...(madeFrom !== undefined && madeFrom !== logicalId ? { madeFrom } : {}),
    ...(propertyPath !== undefined ? { propertyPath } : {}),
  };
}

/** The property a violation is located at, when the rule named one (see `withFaultLocations`); cdk-nag's own `Properties` names none. */
function propertyPathOf(locations: readonly string[] | undefined): string | undefined {
  const location = locations?.length === 1 ? locations[0] : undefined;
  return !location || location === WHOLE_RESOURCE_LOCATION || location === WAIVER_VERDICT_LOCATION ? undefined : location;
}

/**
 * The waivers of one template: the CDK acknowledgments that cover it (from its
 * cloud assembly, and from above the stacks at synth), and the template's own,
 * minus the copies cdk-nag writes of the former (`writeSuppressionsToCloudFormation`).
 */
function waiversOf(template: LoadedTemplate, aboveStacks: ConstructWaivers | undefined): WaiverCandidate[] {
  const inTemplate = templateWaivers(template);
  const file = path.resolve(template.file);
  const constructs = [...(template.acknowledgments?.get(file) ?? []), ...(aboveStacks?.get(file) ?? [])];
  if (constructs.length === 0) return inTemplate;
  const copies = (w: WaiverCandidate) => constructs.some((c) => c.ruleId === w.ruleId && c.reason === w.reason && [...w.covers].every((id) => c.covers.has(id)));
  return [...constructs, ...inTemplate.filter((w) => !copies(w))];
}

function toAuditWaiver(candidate: WaiverCandidate, template: LoadedTemplate, findings: number, problem: string | undefined, asOf: string): AuditWaiver {
  // An expiry that is not a date is named in the problem, not reported as one.
  const expires = candidate.expires !== undefined && isoDateProblem(candidate.expires) === undefined ? candidate.expires : undefined;
  const expiry = waiverExpiry(expires, asOf);
  return {
    ruleId: candidate.ruleId,
    reason: candidate.reason,
    madeAt: candidate.madeAt,
    template: template.display,
    stack: template.stack,
    controls: [...(findRule(baseRuleId(candidate.ruleId))?.controls ?? [])],
    findings,
    ...(problem ? { problem } : {}),
    ...(candidate.approvedBy !== undefined ? { approvedBy: candidate.approvedBy } : {}),
    ...(expires !== undefined ? { expires } : {}),
    origin: candidate.origin,
    ...(expiry !== undefined ? { expiry } : {}),
  };
}

/** The nearest waiver wins: one made on the resource beats one made on its stack. */
function byNearness(a: WaiverCandidate, b: WaiverCandidate): number {
  return b.nearness - a.nearness || compareText(a.madeAt, b.madeAt);
}

function compareFindings(a: AuditFinding, b: AuditFinding): number {
  return compareText(a.template, b.template)
    || compareText(a.logicalId, b.logicalId)
    || PACK_NAMES.indexOf(a.pack) - PACK_NAMES.indexOf(b.pack)
    || compareText(a.ruleId, b.ruleId)
    || compareText(a.findingId ?? '', b.findingId ?? '');
}

/** Code-unit order: the same on every machine, whatever its locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `SOURCE_DATE_EPOCH` (seconds, the reproducible-builds convention) when set, else now. */
export function reportTime(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  const seconds = epoch !== undefined && /^\d+$/.test(epoch) ? Number(epoch) : undefined;
  return new Date(seconds !== undefined ? seconds * 1000 : Date.now()).toISOString();
}

let version: string | undefined;

/** This package's version, from the package.json above this file (source or dist). */
export function toolVersion(): string {
  if (version === undefined) {
    version = '0.0.0';
    for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const file = path.join(dir, 'package.json');
      if (!fs.existsSync(file)) continue;
      const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'cdk-election-baseline') {
        version = manifest.version ?? version;
        break;
      }
    }
  }
  return version;
}
