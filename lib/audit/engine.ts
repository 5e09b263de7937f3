import * as fs from 'fs';
import * as path from 'path';
import { DATA_CLASS_TAG, isDataClass } from '../data-class';
import { tagValue, toTemplateResource } from '../pack/template-model';
import { ConstructWaivers } from './acknowledgment-candidates';
import { IncludeCopies } from './include-copy';
import { includeTemplate } from './include-template';
import { AuditedTemplate, AuditFinding, AuditPackName, AuditReport, AuditWaiver } from './model';
import { findRule, newPack, PACK_NAMES, packRules } from './packs';
import { LoadedTemplate } from './template-file';
import { baseRuleId, findingIdOf, templateWaivers, WaiverCandidate, waiverMatches, waiverProblem } from './waiver-candidates';

/** How to run an audit. */
export interface AuditOptions {
  /** The packs to run. @default ['election'] */
  readonly packs?: readonly AuditPackName[];
  /** The agency's other accounts, which roles may trust besides each stack's own (`--trusted-accounts`). @default none */
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
  /** The tool version the report names. @default this package's version */
  readonly toolVersion?: string;
  /** Called before each template is judged. */
  readonly onProgress?: (done: number, total: number, template: LoadedTemplate) => void;
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
  const copies = new IncludeCopies();
  try {
    templates.forEach((template, index) => {
      options.onProgress?.(index, templates.length, template);
      const judged = judgeTemplate(template, violationsIn(template, copies.fileFor(template), packs), waiversOf(template, options.aboveStackWaivers));
      findings.push(...judged.findings);
      waivers.push(...judged.waivers);
    });
  } finally {
    copies.dispose();
  }
  findings.sort(compareFindings);
  waivers.sort((a, b) => compareText(a.template, b.template) || compareText(a.madeAt, b.madeAt) || compareText(a.ruleId, b.ruleId));
  const audited: AuditedTemplate[] = templates
    .map((t) => ({ template: t.display, stack: t.stack, resources: Object.keys(t.resources).length }))
    .sort((a, b) => compareText(a.template, b.template));
  return {
    tool: { name: TOOL_NAME, version: options.toolVersion ?? toolVersion() },
    generatedAt: options.generatedAt ?? reportTime(),
    summary: {
      errors: findings.filter((f) => f.status === 'open' && f.level === 'error').length + waivers.filter((w) => w.problem).length,
      warnings: findings.filter((f) => f.status === 'open' && f.level === 'warning').length,
      acknowledged: findings.filter((f) => f.status === 'acknowledged').length,
      resources: audited.reduce((sum, t) => sum + t.resources, 0),
      templates: audited.length,
    },
    packs: packNames,
    templates: audited,
    findings,
    waivers,
    rules: packNames.flatMap((name) => [...packRules(name).values()]).sort((a, b) => compareText(a.ruleId, b.ruleId)),
  };
}

/**
 * Settles each violation against the waivers that cover it: acknowledged by
 * the nearest sound waiver, open otherwise (a waiver with a problem holds
 * nothing). Every waiver is listed, with how many findings it names.
 */
function judgeTemplate(template: LoadedTemplate, violations: AuditFinding[], candidates: WaiverCandidate[]): { findings: AuditFinding[]; waivers: AuditWaiver[] } {
  const covered = new Map<WaiverCandidate, number>();
  const findings = violations.map((finding): AuditFinding => {
    const matching = candidates.filter((w) => w.covers.has(finding.logicalId) && waiverMatches(w, finding.ruleId, finding.findingId));
    for (const waiver of matching) covered.set(waiver, (covered.get(waiver) ?? 0) + 1);
    const holding = matching.filter((w) => waiverProblem(w.ruleId, w.reason) === undefined).sort(byNearness)[0];
    return holding ? { ...finding, status: 'acknowledged', reason: holding.reason, waivedAt: holding.madeAt } : finding;
  });
  return { findings, waivers: candidates.map((candidate) => toAuditWaiver(candidate, template, covered.get(candidate) ?? 0)) };
}

/** Every violation the packs report in one template, as open findings. */
function violationsIn(template: LoadedTemplate, jsonFile: string, packs: ReturnType<typeof newPack>[]): AuditFinding[] {
  const { stack, logicalIdByPath } = includeTemplate(template, jsonFile);
  // The election pack judges the template's JSON itself, as at synth: the original file when it is JSON.
  const judged = template.json ? template.file : jsonFile;
  const findings: AuditFinding[] = [];
  for (const pack of packs) {
    for (const violation of pack.validate(stack, judged, template.account).violations) {
      const ruleId = baseRuleId(violation.ruleName);
      const findingId = findingIdOf(violation.ruleName);
      const rule = findRule(ruleId);
      for (const resource of violation.violatingResources) {
        const logicalId = logicalIdByPath.get(resource.constructPath ?? '') ?? (resource.constructPath ?? '').split('/').pop() ?? '';
        const body = template.resources[logicalId];
        const dataClass = body ? tagValue(toTemplateResource(logicalId, body), DATA_CLASS_TAG) : undefined;
        const line = template.lines.get(logicalId);
        findings.push({
          ruleId,
          ...(findingId !== undefined ? { findingId } : {}),
          pack: pack.name,
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
        });
      }
    }
  }
  return findings;
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

function toAuditWaiver(candidate: WaiverCandidate, template: LoadedTemplate, findings: number): AuditWaiver {
  const problem = waiverProblem(candidate.ruleId, candidate.reason);
  return {
    ruleId: candidate.ruleId,
    reason: candidate.reason,
    madeAt: candidate.madeAt,
    template: template.display,
    stack: template.stack,
    controls: [...(findRule(baseRuleId(candidate.ruleId))?.controls ?? [])],
    findings,
    ...(problem ? { problem } : {}),
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
