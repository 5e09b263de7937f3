import { AuditFinding, AuditReport, AuditWaiver } from '../audit/model';
import { PACK_ORDER, UNJUDGED_MEANING, waiverOf } from './report-data';

/** A column's cell: from the finding, and for an acknowledged one from the waiver that covers it. */
type Cell = (finding: AuditFinding, waiver: AuditWaiver | undefined) => string | number | undefined;

const COLUMNS: ReadonlyArray<[string, Cell]> = [
  ['level', (f) => f.level],
  ['status', (f) => f.status],
  ['ruleId', (f) => f.ruleId],
  ['findingId', (f) => f.findingId],
  ['pack', (f) => f.pack],
  ['template', (f) => f.template],
  ['line', (f) => f.line],
  ['stack', (f) => f.stack],
  ['logicalId', (f) => f.logicalId],
  ['propertyPath', (f) => f.propertyPath],
  ['resourceType', (f) => f.resourceType],
  ['dataClass', (f) => f.dataClass],
  ['controls', (f) => f.controls.join(' ')],
  ['message', (f) => f.message],
  ['reason', (f) => f.reason],
  ['waivedAt', (f) => f.waivedAt],
  ['waiverOrigin', (_, w) => w?.origin],
  ['approvedBy', (_, w) => w?.approvedBy],
  ['expires', (_, w) => w?.expires],
  // Filled only on `unjudged` rows: how many resources of the type no rule judged.
  ['resources', () => undefined],
];

/**
 * One row per finding (the property at fault in `propertyPath` when the rule
 * names one; an acknowledged one with its waiver's reason, where it was made, origin, approver and expiry), then one row per template and
 * resource type that no rule of the packs that ran judged: status `unjudged`,
 * its template, stack and `resourceType`, the count in `resources`, the packs
 * in `pack` and no level or rule. RFC 4180: CRLF line ends, fields with a comma, quote
 * or line break quoted, quotes doubled. A text cell that a spreadsheet would
 * run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) is prefixed
 * with `'`: template text is attacker-controlled when the template is a vendor's.
 */
export function renderCsv(report: AuditReport): string {
  const rows = [COLUMNS.map(([name]) => name), ...report.findings.map((finding) => {
    const waiver = finding.status === 'acknowledged' ? waiverOf(report, finding) : undefined;
    return COLUMNS.map(([, cell]) => cellText(cell(finding, waiver)));
  }), ...unjudgedRows(report)];
  return rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

function unjudgedRows(report: AuditReport): string[][] {
  const packs = PACK_ORDER.filter((pack) => report.packs.includes(pack)).join(' ');
  return report.templates.flatMap((t) => t.unjudged.map((u) => {
    const cells: Record<string, string | number> = {
      status: 'unjudged', pack: packs, template: t.template, stack: t.stack, resourceType: u.type, message: UNJUDGED_MEANING, resources: u.resources,
    };
    return COLUMNS.map(([name]) => cellText(cells[name]));
  }));
}

function cellText(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
