import { AuditReport } from '../audit/model';

/**
 * A table for the terminal: one aligned row per finding (the message last,
 * unpadded), the waivers with their reasons, and a summary line.
 */
export function renderTable(report: AuditReport): string {
  const out: string[] = [];
  if (report.findings.length === 0) {
    out.push('No findings.');
  } else {
    out.push(...aligned([
      ['LEVEL', 'STATUS', 'RULE', 'STACK', 'RESOURCE', 'TYPE', 'MESSAGE'],
      ...report.findings.map((f) => [
        f.level,
        f.status,
        f.findingId ? `${f.ruleId}[${f.findingId}]` : f.ruleId,
        f.stack,
        f.line !== undefined ? `${f.logicalId}:${f.line}` : f.logicalId,
        f.resourceType,
        f.message,
      ]),
    ]));
  }
  if (report.waivers.length > 0) {
    out.push('', 'WAIVERS');
    out.push(...aligned([
      ['RULE', 'MADE AT', 'FINDINGS', 'PROBLEM', 'REASON'],
      ...report.waivers.map((w) => [w.ruleId, w.madeAt, String(w.findings), w.problem ?? '-', w.reason]),
    ]));
  }
  const { errors, warnings, acknowledged, resources, templates } = report.summary;
  out.push('', `${count(errors, 'error')}, ${count(warnings, 'warning')}, ${acknowledged} acknowledged in ${count(resources, 'resource')} of ${count(templates, 'template')} (packs: ${report.packs.join(', ')})`);
  return out.join('\n') + '\n';
}

/** Rows with every column but the last padded to its widest cell; line breaks in cells become spaces. */
function aligned(rows: string[][]): string[] {
  const clean = rows.map((row) => row.map((cell) => cell.replace(/\s+/g, ' ')));
  const widths = clean[0].map((_, column) => Math.max(...clean.map((row) => row[column].length)));
  return clean.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ').trimEnd());
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
