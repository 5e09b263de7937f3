import { AuditReport } from '../audit/model';

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
