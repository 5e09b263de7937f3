import { AuditReport } from '../audit/model';

/** The audit as one JSON object (`schemas/election-audit-report.schema.json`), two-space indented. */
export function renderJson(report: AuditReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
