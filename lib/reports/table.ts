import { AuditFinding, AuditReport, AuditWaiver } from '../audit/model';
import { CONTROL_STATE_LABELS, CONTROL_STATES, controlStateCounts, controlStatuses } from './control-status';
import { targetWhere } from '../audit/deployment-target';
import { DEFAULT_TABLE_WIDTH, ORIGIN_TITLES, RenderOptions, ruleOf, templatesWithUnjudged, unjudgedCount, waiverFlags, waiverOf } from './report-data';
import { summaryLine } from './summary';

/** Narrower than this, no table is readable: a narrower terminal wraps what this width prints. */
const MIN_WIDTH = 60;
/** What a shrinking column keeps at least (its heading is cut like its cells). */
const MIN_COLUMN = 4;
const GAP = '  ';
const ELLIPSIS = '…';

/**
 * A table for the terminal: one line per finding, cut with an ellipsis to the
 * width (the terminal's, or `DEFAULT_TABLE_WIDTH`), never wrapped; the agency's
 * and the library's waivers with their state; a line per template with
 * resources no rule judged, by type; how many controls are in each
 * status (`controlStatuses`, as every format shows them); the summary line. With
 * `explain`, each finding and waiver is followed by its full text, indented:
 * message, waiver and approver, rule explanation, controls, template line and
 * the property at fault when the rule names one.
 */
export function renderTable(report: AuditReport, options: RenderOptions = {}): string {
  const width = Math.max(MIN_WIDTH, Math.floor(options.width ?? DEFAULT_TABLE_WIDTH));
  const explain = options.explain === true;
  const out: string[] = [];
  if (report.findings.length === 0) {
    out.push('No findings.');
  } else {
    out.push(...fitted(width, FINDING_COLUMNS, report.findings.map((f) => ({
      cells: [
        f.level,
        f.status,
        f.findingId ? `${f.ruleId}[${f.findingId}]` : f.ruleId,
        `${f.stack}/${f.logicalId}${f.line !== undefined ? `:${f.line}` : ''}`,
        f.resourceType,
        f.message,
      ],
      details: explain ? findingDetails(report, f) : [],
    }))));
  }
  if (report.waivers.length > 0) out.push('', `WAIVERS, judged as of ${report.asOf}`);
  for (const origin of ['agency', 'library'] as const) {
    const waivers = report.waivers.filter((w) => w.origin === origin);
    if (waivers.length === 0) continue;
    out.push('', origin === 'agency' ? 'Made by the agency:' : 'Made by the library\'s constructs (their defaults):');
    out.push(...fitted(width, WAIVER_COLUMNS, waivers.map((w) => ({
      cells: [w.ruleId, String(w.findings), waiverFlags(w).join(',') || 'sound', w.approvedBy ?? '-', w.expires ?? '-', w.madeAt, w.reason],
      details: explain ? waiverDetails(w) : [],
    }))));
  }
  out.push(...deploymentLines(report, width));
  out.push(...unjudgedLines(report, width));
  out.push('', ...controlsLine(report, width), summaryLine(report));
  return out.join('\n') + '\n';
}

/**
 * `controls: 3 not satisfied, 0 not satisfied (warnings only), 58 satisfied with accepted risk, 85 satisfied`,
 * broken after a comma where it is wider than `width`, the next lines under the first count.
 */
function controlsLine(report: AuditReport, width: number): string[] {
  const counts = controlStateCounts(controlStatuses(report));
  const parts = CONTROL_STATES.map((state) => `${counts[state]} ${CONTROL_STATE_LABELS[state]}`);
  return commaLines('controls:', parts, width, ' '.repeat('controls:'.length));
}

/**
 * The statewide audit: per stack set, what it deploys, then a row per target
 * (county) with the parameter values it gets and whether they pass.
 */
function deploymentLines(report: AuditReport, width: number): string[] {
  const deployments = report.deployments ?? [];
  if (deployments.length === 0) return [];
  return ['', 'DEPLOYMENTS (stack sets: what each target gets):', ...deployments.flatMap((d) => [
    '',
    cut(`${d.stack}/${d.logicalId}${d.stackSetName ? ` (${d.stackSetName})` : ''} deploys ${d.deploys ?? '(template not found)'}:`, width, 'middle'),
    ...d.problems.map((problem) => cut(`  ${problem}`, width, 'end')),
    ...(d.targets.length === 0 ? [] : fitted(width, DEPLOYMENT_COLUMNS, d.targets.map((t) => ({
      cells: [
        t.county ?? '-',
        targetWhere(t),
        t.regions.join(','),
        parameterCell(t.parameters, t.county),
        t.problems.length === 0 ? 'ok' : `${t.problems.length} problem(s)`,
      ],
      details: [...t.problems],
    })))),
  ])];
}

/** `key=value ...` without the county's name (its own column), shortest values first so numbers survive a cut. */
function parameterCell(parameters: Readonly<Record<string, string>>, county: string | undefined): string {
  return Object.entries(parameters)
    .filter(([, value]) => value !== county)
    .sort(([, a], [, b]) => a.length - b.length)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');
}

/**
 * What no rule judged, a line per template (broken after a comma to the width):
 * `cdk.out/Portal.template.json (3): AWS::ApiGateway::Model (1), AWS::CloudFront::OriginAccessControl (2)`.
 */
function unjudgedLines(report: AuditReport, width: number): string[] {
  const templates = templatesWithUnjudged(report);
  if (templates.length === 0) return [];
  const indent = '    ';
  return ['', 'NOT JUDGED by any rule of the packs that ran:', ...templates.flatMap((t) => [
    ...commaLines(
      cut(`${t.template} (${unjudgedCount(t)}):`, width, 'middle'),
      t.unjudged.map((u) => cut(`${u.type} (${u.resources})`, width - indent.length - 1, 'middle')),
      width,
      indent,
    ),
    ...(t.notExpanded ?? []).map((note) => cut(`${indent}not expanded: ${note}`, width, 'end')),
  ])];
}

/** `head part, part, …`, broken after a comma where a line would be wider than `width`; the next lines start with `indent`. */
function commaLines(head: string, parts: readonly string[], width: number, indent: string): string[] {
  const lines: string[] = [];
  let current = head;
  parts.forEach((text, i) => {
    const part = i < parts.length - 1 ? `${text},` : text;
    if (current !== indent && current.length + 1 + part.length > width) {
      lines.push(current);
      current = indent;
    }
    current += ` ${part}`;
  });
  lines.push(current);
  return lines;
}

interface Row {
  readonly cells: string[];
  /** Lines printed under the row, indented and wrapped to the width. */
  readonly details: string[];
}

/** One column: how hard it holds its width when the line must shrink. */
interface Column {
  readonly heading: string;
  /** 0: never shrinks (levels, dates, counts); higher: keeps more of its text than a column of lower weight. */
  readonly weight: number;
  /** Cut in the middle (ids, whose ends tell them apart), at the end (prose), or as a resource (its CDK hash first). */
  readonly cut: Cut;
  /** Left out when the line does not fit at its full width (the explanation still shows it). */
  readonly optional?: boolean;
}

const FINDING_COLUMNS: readonly Column[] = [
  { heading: 'LEVEL', weight: 0, cut: 'end' },
  { heading: 'STATUS', weight: 0, cut: 'end' },
  { heading: 'RULE', weight: 2, cut: 'middle' },
  { heading: 'STACK/RESOURCE', weight: 2, cut: 'resource' },
  { heading: 'TYPE', weight: 0.5, cut: 'end', optional: true },
  { heading: 'MESSAGE', weight: 1.5, cut: 'end' },
];

const DEPLOYMENT_COLUMNS: readonly Column[] = [
  { heading: 'COUNTY', weight: 1, cut: 'end' },
  { heading: 'TARGET', weight: 1, cut: 'middle' },
  { heading: 'REGIONS', weight: 0.5, cut: 'end', optional: true },
  { heading: 'PARAMETERS', weight: 1.5, cut: 'end' },
  { heading: 'CHECK', weight: 0, cut: 'end' },
];

const WAIVER_COLUMNS: readonly Column[] = [
  { heading: 'RULE', weight: 2, cut: 'middle' },
  { heading: 'FINDINGS', weight: 0, cut: 'end' },
  { heading: 'STATE', weight: 0, cut: 'end' },
  { heading: 'APPROVED BY', weight: 1, cut: 'end' },
  { heading: 'EXPIRES', weight: 0, cut: 'end' },
  { heading: 'MADE AT', weight: 1.5, cut: 'middle' },
  { heading: 'REASON', weight: 1.5, cut: 'end' },
];

/**
 * The heading and one line per row, each at most `width` characters: an
 * optional column is left out if the rows do not fit whole, then the column
 * widest for its weight gives up a character at a time until they do (so a
 * long message shrinks before a rule id, and levels and dates never); a cut
 * cell shows an ellipsis where text is missing.
 */
function fitted(width: number, columns: readonly Column[], rows: Row[]): string[] {
  const natural = (kept: readonly number[]) => kept.map((c) => Math.max(columns[c].heading.length, ...rows.map((row) => oneLine(row.cells[c]).length)));
  const lineWidth = (widths: readonly number[]) => widths.reduce((sum, w) => sum + w, 0) + GAP.length * (widths.length - 1);
  let kept = columns.map((_, c) => c);
  if (lineWidth(natural(kept)) > width) kept = kept.filter((c) => !columns[c].optional);
  const widths = natural(kept);
  const floors = widths.map((w) => Math.min(w, MIN_COLUMN));
  let total = lineWidth(widths);
  while (total > width) {
    let shrink = -1;
    kept.forEach((c, i) => {
      const { weight } = columns[c];
      if (weight > 0 && widths[i] > floors[i] && (shrink < 0 || widths[i] / weight >= widths[shrink] / columns[kept[shrink]].weight)) shrink = i;
    });
    if (shrink < 0) break;
    widths[shrink]--;
    total--;
  }
  const line = (cells: readonly string[]) => kept.map((c, i) => {
    const text = cut(oneLine(cells[c]), widths[i], columns[c].cut);
    return i === kept.length - 1 ? text : text.padEnd(widths[i]);
  }).join(GAP).trimEnd();
  return [line(columns.map((column) => column.heading)), ...rows.flatMap((row) => [line(row.cells), ...row.details.flatMap((text) => wrapped(text, width))])];
}

type Cut = 'middle' | 'end' | 'resource';

/** CDK's logical ids end in an 8-digit hash of the construct path (`…RecordsBucket8AEA1213`), before the `:line`. */
const CDK_HASH = /^(.*[A-Za-z0-9])[0-9A-F]{8}(:\d+)?$/;

/** `text` in at most `width` characters, an ellipsis standing for what is left out. */
function cut(text: string, width: number, where: Cut): string {
  if (text.length <= width) return text;
  if (where === 'resource') {
    // The hash is what a reader needs least: `ElectionResults/ElectionResultsRecordsBucket…:385`.
    const hashed = CDK_HASH.exec(text);
    return hashed ? cut(`${hashed[1]}${ELLIPSIS}${hashed[2] ?? ''}`, width, 'middle') : cut(text, width, 'middle');
  }
  if (where === 'end' || width < 5) return text.slice(0, width - 1) + ELLIPSIS;
  // The end of an id tells it apart (`…S3BucketTlsOnly`, `…/RecordsBucket`): keep two thirds of it.
  const head = Math.floor((width - 1) / 3);
  return text.slice(0, head) + ELLIPSIS + text.slice(text.length - (width - 1 - head));
}

function findingDetails(report: AuditReport, finding: AuditFinding): string[] {
  const waiver = waiverOf(report, finding);
  const rule = ruleOf(report, finding.ruleId);
  const details = [`message: ${finding.message}`];
  if (finding.status === 'acknowledged') {
    details.push(`waived: ${finding.reason ?? ''} (${waiverSource(waiver, finding.waivedAt)})`);
  } else if (waiver) {
    details.push(`not waived: the waiver at ${waiver.madeAt} holds nothing: ${waiver.problem ?? waiverFlags(waiver).join(', ')}`);
  }
  if (rule && rule.explanation !== finding.message) details.push(`why: ${rule.explanation}`);
  details.push(`controls: ${finding.controls.join(' ') || '(none mapped)'}`);
  details.push(`template: ${finding.template}${finding.line !== undefined ? `:${finding.line}` : ''}`);
  if (finding.propertyPath !== undefined) details.push(`property: ${finding.propertyPath}`);
  return details;
}

/** `agency waiver at construct:…, approved by …, expires …` */
function waiverSource(waiver: AuditWaiver | undefined, madeAt: string | undefined): string {
  if (!waiver) return `waiver at ${madeAt ?? '(unknown)'}`;
  const parts = [`${ORIGIN_TITLES[waiver.origin]} waiver at ${waiver.madeAt}`, `approved by ${waiver.approvedBy ?? '(not said)'}`];
  parts.push(waiver.expires ? `expires ${waiver.expires}${waiver.expiry ? ` (${waiver.expiry})` : ''}` : 'no expiry');
  return parts.join(', ');
}

function waiverDetails(waiver: AuditWaiver): string[] {
  return [
    `reason: ${waiver.reason}`,
    ...(waiver.problem ? [`problem: ${waiver.problem}`] : []),
    `made at: ${waiver.madeAt} (${waiver.template}, stack ${waiver.stack})`,
    `controls: ${waiver.controls.join(' ') || '(none mapped)'}`,
  ];
}

/** Text indented under its row, broken at spaces to the width; a word longer than a line is split, not lost. */
function wrapped(text: string, width: number): string[] {
  const first = '    ';
  const next = '      ';
  const room = width - next.length;
  const words = oneLine(text).split(' ').flatMap((word) => chunks(word, room));
  const lines: string[] = [];
  let current = first;
  for (const word of words) {
    const blank = current === first || current === next;
    if (!blank && current.length + 1 + word.length > width) {
      lines.push(current);
      current = next;
    }
    current += (current === first || current === next ? '' : ' ') + word;
  }
  lines.push(current);
  return lines;
}

/** A word split into pieces of at most `size` characters. */
function chunks(word: string, size: number): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < word.length; i += size) pieces.push(word.slice(i, i + size));
  return pieces.length > 0 ? pieces : [word];
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
