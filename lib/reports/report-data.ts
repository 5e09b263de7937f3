import { AuditedTemplate, AuditFinding, AuditPackName, AuditReport, AuditRule, AuditWaiver, WaiverOrigin } from '../audit/model';
import { ControlCatalogue } from '../controls/catalogue';

/** The packs in the order every report lists them. */
export const PACK_ORDER: readonly AuditPackName[] = ['election', 'aws-solutions', 'nist-800-53-r5'];

/** What each pack is called where a reader meets it. */
export const PACK_TITLES: Readonly<Record<AuditPackName, string>> = {
  'election': 'ElectionBaselineChecks',
  'aws-solutions': 'AwsSolutionsChecks (cdk-nag)',
  'nist-800-53-r5': 'NIST80053R5Checks (cdk-nag)',
};

/** The rule id prefixes of `lib/audit/packs.ts`, repeated here so rendering never loads the packs (cdk-nag, aws-cdk-lib). */
const PACK_PREFIXES: ReadonlyArray<[string, AuditPackName]> = [
  ['ElectionBaseline-', 'election'],
  ['AwsSolutions-', 'aws-solutions'],
  ['NIST.800.53.R5-', 'nist-800-53-r5'],
];

/** `AwsSolutions-IAM5[Action::s3:*]` → `AwsSolutions-IAM5` (as `lib/audit/waiver-candidates.ts` reads it). */
export function baseRuleId(ruleId: string): string {
  const bracket = ruleId.indexOf('[');
  return bracket > 0 && ruleId.endsWith(']') ? ruleId.slice(0, bracket) : ruleId;
}

/** The pack a (possibly granular) rule id belongs to: the report's rule list first, then the id's prefix. */
export function packOfRuleId(report: AuditReport, ruleId: string): AuditPackName | undefined {
  const base = baseRuleId(ruleId);
  const rule = report.rules.find((r) => r.ruleId === base);
  if (rule) return rule.pack;
  return PACK_PREFIXES.find(([prefix]) => base.startsWith(prefix))?.[1];
}

/** The rule descriptor for a finding's rule, if the report describes it. */
export function ruleOf(report: AuditReport, ruleId: string): AuditRule | undefined {
  return report.rules.find((r) => r.ruleId === baseRuleId(ruleId));
}

/** Every pack that ran or that a finding names, in report order. */
export function packsOf(report: AuditReport): AuditPackName[] {
  const named = new Set<AuditPackName>([...report.packs, ...report.findings.map((f) => f.pack)]);
  return PACK_ORDER.filter((pack) => named.has(pack));
}

/** The control family a catalogue id groups under (`AU`, `CPG-2`, `52-USC-20701`); `other` for an id the catalogue lacks. */
export function controlFamily(controlId: string): string {
  return ControlCatalogue.has(controlId) ? ControlCatalogue.get(controlId).family : 'other';
}

/** Counts of items by a key, sorted by key in code-unit order (the same on every machine). */
export function countBy<T>(items: readonly T[], keysOf: (item: T) => readonly string[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const item of items) {
    for (const key of new Set(keysOf(item))) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Whether a finding still counts against the audit. */
export function isOpen(finding: AuditFinding): boolean {
  return finding.status === 'open';
}

/**
 * A template path as a URI reference: a relative path stays relative (each
 * segment percent-encoded), an absolute one becomes a `file:` URI.
 */
export function templateUri(file: string): string {
  const slashed = file.replace(/\\/g, '/');
  const encoded = slashed.split('/').map((segment, i) => (i === 0 && /^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment))).join('/');
  if (slashed.startsWith('/')) return `file://${encoded}`;
  if (/^[A-Za-z]:\//.test(slashed)) return `file:///${encoded}`;
  return encoded;
}

/**
 * The waiver that covers an acknowledged finding, or that names an open one
 * but holds nothing (expired, or with another problem). Joined as the engine
 * joins them: same template, `madeAt` equal to the finding's `waivedAt` (or,
 * for template metadata, the finding's own resource), and the same rule: the
 * granular waiver (`AwsSolutions-IAM5[Action::s3:*]`) before the whole rule's.
 */
export function waiverOf(report: AuditReport, finding: AuditFinding): AuditWaiver | undefined {
  const granular = finding.findingId !== undefined ? `${finding.ruleId}[${finding.findingId}]` : undefined;
  const candidates = report.waivers.filter((w) => w.template === finding.template
    && (w.ruleId === granular || w.ruleId === finding.ruleId)
    && (finding.waivedAt !== undefined ? w.madeAt === finding.waivedAt
      : w.problem !== undefined && w.madeAt === `metadata:${w.template}#${finding.logicalId}`));
  return candidates.find((w) => w.ruleId === granular) ?? candidates[0];
}

/**
 * What a reader must notice about a waiver, most serious first: `expired`
 * (it holds nothing), `problem` (it holds nothing for another reason),
 * `expiring` (it ends within 30 days of the audit's date), `unused` (it
 * covers no finding). Empty for a sound waiver in use.
 */
export function waiverFlags(waiver: AuditWaiver): WaiverFlag[] {
  const flags: WaiverFlag[] = [];
  if (waiver.expiry === 'expired') flags.push('expired');
  else if (waiver.problem !== undefined) flags.push('problem');
  if (waiver.expiry === 'expiring') flags.push('expiring');
  if (waiver.findings === 0) flags.push('unused');
  return flags;
}

/** See `waiverFlags`. */
export type WaiverFlag = 'expired' | 'problem' | 'expiring' | 'unused';

/** `library` and `agency`, as a reader reads them. */
export const ORIGIN_TITLES: Readonly<Record<WaiverOrigin, string>> = {
  library: 'library default',
  agency: 'agency',
};

/** The stack tags of each audited template, by template path (empty when it has none). */
export function tagsByTemplate(report: AuditReport): Map<string, Readonly<Record<string, string>>> {
  return new Map(report.templates.map((t) => [t.template, t.tags ?? {}]));
}

/** Every stack tag key of the audit, sorted. */
export function stackTagKeys(report: AuditReport): string[] {
  return [...new Set(report.templates.flatMap((t) => Object.keys(t.tags ?? {})))].sort(compareText);
}

/** The templates with resources no pack that ran judged (`AuditedTemplate.unjudged`), in report order. */
export function templatesWithUnjudged(report: AuditReport): AuditedTemplate[] {
  return report.templates.filter((t) => t.unjudged.length > 0 || (t.notExpanded?.length ?? 0) > 0);
}

/** How many of a template's resources no pack judged. */
export function unjudgedCount(template: AuditedTemplate): number {
  return template.unjudged.reduce((sum, u) => sum + u.resources, 0);
}

/** `AWS::Glue::Job (3), Custom::Import (1)`: a template's unjudged types, each with its count. */
export function unjudgedList(template: AuditedTemplate): string {
  return template.unjudged.map((u) => `${u.type} (${u.resources})`).join(', ');
}

/** What every format says a clean result does not cover. */
export const UNJUDGED_MEANING = 'No rule of the packs that ran judged these resources: a clean result says nothing about them.';

/** Code-unit order, the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How a report is rendered, where the format has a choice. */
export interface RenderOptions {
  /**
   * The line width of the table format: the terminal's columns on a terminal.
   * @default DEFAULT_TABLE_WIDTH (a pipe, a file)
   */
  readonly width?: number;
  /** Whether the table format prints each finding's full message, waiver and rule explanation below it. @default false */
  readonly explain?: boolean;
  /**
   * The text of each audited template, by its name in the report, so SARIF
   * can point at the line of a finding's `propertyPath`.
   * @default none: a finding points at its resource's line
   */
  readonly templateText?: (template: string) => string | undefined;
}

/** The table's width when it is not written to a terminal (a pipe, `--out`, the synth report set). */
export const DEFAULT_TABLE_WIDTH = 100;
