import { AuditReport } from '../audit/model';
import { controlStatusRecords } from './control-status';

/**
 * The audit as one JSON object (`schemas/election-audit-report.schema.json`),
 * two-space indented: the report, plus `controls`, each assessed control's
 * status from `controlStatuses`, as every other format shows it. It is derived
 * here, not stored in the report, so no report can carry a stale one.
 */
export function renderJson(report: AuditReport): string {
  return `${JSON.stringify({ ...report, controls: controlStatusRecords(report) }, null, 2)}\n`;
}
