import { AuditFinding, AuditReport } from '../audit/model';
import { Control, ControlCatalogue } from '../controls/catalogue';

/**
 * Where a control stands after an audit. Every format reads it from
 * `controlStatuses`, so no two reports can give one control two statuses.
 *
 * - `not-satisfied`: an open error maps to it (the audit fails on it).
 * - `open-warnings`: no open error, but an open warning maps to it.
 * - `satisfied-with-risk`: every finding that maps to it is covered by a sound
 *   waiver: a deviation accepted, reported as a risk, not as a failure.
 * - `satisfied`: no finding maps to it.
 *
 * A waiver that cannot be trusted (expired, too short a reason, a rule that
 * cannot be waived) covers nothing: its findings are open, so they count above.
 */
export type ControlState = 'not-satisfied' | 'open-warnings' | 'satisfied-with-risk' | 'satisfied';

/** What a reader is shown for each state. */
export const CONTROL_STATE_LABELS: Readonly<Record<ControlState, string>> = {
  'not-satisfied': 'not satisfied',
  'open-warnings': 'not satisfied (warnings only)',
  'satisfied-with-risk': 'satisfied with accepted risk',
  'satisfied': 'satisfied',
};

/** One control's status, with the findings behind it. */
export interface ControlStatus {
  readonly control: Control;
  readonly state: ControlState;
  readonly openErrors: readonly AuditFinding[];
  readonly openWarnings: readonly AuditFinding[];
  /** Findings covered by a sound waiver. */
  readonly acknowledged: readonly AuditFinding[];
}

/**
 * The status of every control the audit assessed (those the rules that ran, or
 * the findings, map to), in catalogue order.
 */
export function controlStatuses(report: AuditReport): ControlStatus[] {
  const assessed = new Set([...report.rules, ...report.findings].flatMap((r) => r.controls));
  return ControlCatalogue.all().filter((c) => assessed.has(c.id)).map((control) => {
    const related = report.findings.filter((f) => f.controls.includes(control.id));
    const openErrors = related.filter((f) => f.status === 'open' && f.level === 'error');
    const openWarnings = related.filter((f) => f.status === 'open' && f.level === 'warning');
    const acknowledged = related.filter((f) => f.status === 'acknowledged');
    return { control, state: stateOf(openErrors.length, openWarnings.length, acknowledged.length), openErrors, openWarnings, acknowledged };
  });
}

function stateOf(openErrors: number, openWarnings: number, acknowledged: number): ControlState {
  if (openErrors > 0) return 'not-satisfied';
  if (openWarnings > 0) return 'open-warnings';
  return acknowledged > 0 ? 'satisfied-with-risk' : 'satisfied';
}

/** Every state, worst first: the order counts are given in. */
export const CONTROL_STATES: readonly ControlState[] = ['not-satisfied', 'open-warnings', 'satisfied-with-risk', 'satisfied'];

/**
 * One control's status as the JSON report and SARIF carry it: counts, not the
 * findings themselves, which each report lists once, in its findings.
 */
export interface ControlStatusRecord {
  /** The catalogue id, e.g. `NIST-800-53-r5:AU-9(2)`. */
  readonly id: string;
  readonly title: string;
  readonly status: ControlState;
  readonly openErrors: number;
  readonly openWarnings: number;
  readonly acknowledged: number;
}

/** `controlStatuses(report)` as plain records. */
export function controlStatusRecords(report: AuditReport): ControlStatusRecord[] {
  return controlStatuses(report).map((s) => ({
    id: s.control.id,
    title: s.control.title,
    status: s.state,
    openErrors: s.openErrors.length,
    openWarnings: s.openWarnings.length,
    acknowledged: s.acknowledged.length,
  }));
}

/** How many controls are in each state. */
export function controlStateCounts(statuses: readonly ControlStatus[]): Record<ControlState, number> {
  const counts: Record<ControlState, number> = { 'not-satisfied': 0, 'open-warnings': 0, 'satisfied-with-risk': 0, 'satisfied': 0 };
  for (const status of statuses) counts[status.state]++;
  return counts;
}
