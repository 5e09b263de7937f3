import { AuditedTemplate, AuditFinding, AuditReport, AuditWaiver } from '../audit/model';

/** The audit's counts (`AuditReport.summary`), which every format shows. */
export type AuditSummary = AuditReport['summary'];

/** Findings by what they count as: open errors, open warnings, acknowledged. */
export interface FindingCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly acknowledged: number;
}

/** How some findings count (a stack's, a control family's, the whole audit's before its waivers). */
export function findingCounts(findings: readonly AuditFinding[]): FindingCounts {
  let errors = 0;
  let warnings = 0;
  let acknowledged = 0;
  for (const f of findings) {
    if (f.status === 'acknowledged') acknowledged++;
    else if (f.level === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings, acknowledged };
}

/**
 * The audit's summary, the one place its counts are made: a waiver with a
 * problem is an error (its findings are open too), a sound waiver that ends
 * within 30 days a warning (one with a problem is already an error).
 */
export function auditSummary(findings: readonly AuditFinding[], waivers: readonly AuditWaiver[], templates: readonly AuditedTemplate[]): AuditSummary {
  const counts = findingCounts(findings);
  return {
    errors: counts.errors + waivers.filter((w) => w.problem !== undefined).length,
    warnings: counts.warnings + waivers.filter((w) => w.expiry === 'expiring' && w.problem === undefined).length,
    acknowledged: counts.acknowledged,
    resources: templates.reduce((sum, t) => sum + t.resources, 0),
    unjudged: templates.reduce((sum, t) => sum + t.unjudged.reduce((n, u) => n + u.resources, 0), 0),
    templates: templates.length,
  };
}

/** `1 error`, `2 errors`. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * The audit in one line, the same wherever it is shown (the table report,
 * `cdk synth`): `0 errors, 1 warning, 31 acknowledged in 170 resources of 4 templates;
 * 8 resources judged by no rule (packs: election, …)`. The last count says what
 * a clean result does not cover.
 */
export function summaryLine(report: AuditReport): string {
  const { errors, warnings, acknowledged, resources, unjudged, templates } = report.summary;
  return `${count(errors, 'error')}, ${count(warnings, 'warning')}, ${acknowledged} acknowledged in ${count(resources, 'resource')} ` +
    `of ${count(templates, 'template')}; ${count(unjudged, 'resource')} judged by no rule (packs: ${report.packs.join(', ')})`;
}
