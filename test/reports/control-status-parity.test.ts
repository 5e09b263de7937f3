import Ajv from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { AuditReport } from '../../lib/audit/model';
import {
  CONTROL_STATE_LABELS, CONTROL_STATES, ControlState, controlStateCounts, controlStatuses, controlStatusRecords,
} from '../../lib/reports/control-status';
import { renderHtml } from '../../lib/reports/html';
import { renderJson } from '../../lib/reports/json';
import { renderOscal } from '../../lib/reports/oscal';
import { renderSarif } from '../../lib/reports/sarif';
import { renderTable } from '../../lib/reports/table';
import { sampleAuditReport, statewideAuditReport } from '../fixtures/audit-report';
import { auditReferenceApp } from './reference-app-audit';
import { errorsOf, readSchema, sarifValidator } from './schema-validators';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** `[id, state, open errors, open warnings, acknowledged]` for each control, in the order a format lists them. */
type Row = [string, ControlState, number, number, number];

const stateOfLabel = new Map(CONTROL_STATES.map((state) => [CONTROL_STATE_LABELS[state], state]));

function expected(report: AuditReport): Row[] {
  return controlStatuses(report).map((s) => [s.control.id, s.state, s.openErrors.length, s.openWarnings.length, s.acknowledged.length]);
}

const fromRecords = (records: any[]): Row[] => records.map((r) => [r.id, r.status, r.openErrors, r.openWarnings, r.acknowledged]);

function fromJson(report: AuditReport): Row[] {
  return fromRecords(JSON.parse(renderJson(report)).controls);
}

/** The rows of the page's controls table, each state read from the label a reader sees. */
function fromHtml(report: AuditReport): Row[] {
  const table = /<table id="controls">([\s\S]*?)<\/table>/.exec(renderHtml(report))?.[1] ?? '';
  const row = /<tr class="control-[a-z-]+" data-state="([a-z-]+)"><td><code>([^<]*)<\/code><\/td><td>[^<]*<\/td><td class="state"><span class="badge ([a-z-]+)">([^<]*)<\/span><\/td><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td><\/tr>/g;
  return [...table.matchAll(row)].map((m) => {
    const state = stateOfLabel.get(m[4]);
    expect([m[1], m[3]]).toEqual([state, state]);
    return [m[2].replace(/&amp;/g, '&'), state!, Number(m[5]), Number(m[6]), Number(m[7])];
  });
}

/** The table report's counts per state, from its `controls:` line (wrapped or not). */
function fromTable(report: AuditReport, width: number): Record<ControlState, number> {
  const lines = renderTable(report, { width }).split('\n');
  const start = lines.findIndex((l) => l.startsWith('controls: '));
  const end = lines.findIndex((l, i) => i > start && !l.startsWith(' '));
  const text = lines.slice(start, end).join(' ').slice('controls: '.length).replace(/\s+/g, ' ');
  return Object.fromEntries(text.split(', ').map((part) => {
    const [, n, label] = /^(\d+) (.+)$/.exec(part)!;
    return [stateOfLabel.get(label), Number(n)];
  })) as Record<ControlState, number>;
}

/** Each run's `controlStatuses` property. */
function fromSarif(report: AuditReport): Row[][] {
  return JSON.parse(renderSarif(report)).runs.map((run: any) => fromRecords(run.properties.controlStatuses));
}

/** OSCAL's findings, one per control, by their `control` and `control-status` props. */
function fromOscal(report: AuditReport): Array<[string, ControlState]> {
  const findings = JSON.parse(renderOscal(report))['assessment-results'].results[0].findings ?? [];
  const prop = (f: any, name: string) => f.props.find((p: any) => p.name === name)?.value;
  return findings.map((f: any) => [prop(f, 'control'), prop(f, 'control-status')]);
}

const jsonSchema = (() => {
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv);
  return ajv.compile(readSchema('election-audit-report.schema.json'));
})();

function expectParity(report: AuditReport): void {
  const rows = expected(report);
  expect(rows.length).toBeGreaterThan(0);
  expect(fromJson(report)).toEqual(rows);
  expect(fromHtml(report)).toEqual(rows);
  const counts = controlStateCounts(controlStatuses(report));
  for (const width of [60, 100, 200]) expect(fromTable(report, width)).toEqual(counts);
  const runs = fromSarif(report);
  expect(runs).toHaveLength(report.packs.length);
  for (const run of runs) expect(run).toEqual(rows);
  expect(fromOscal(report)).toEqual(rows.map(([id, state]) => [id, state]));
}

describe('one status per control, the same in every format', () => {
  test.each([
    ['the sample audit', sampleAuditReport],
    ['the statewide audit', statewideAuditReport],
  ])('%s: JSON, HTML, table, SARIF and OSCAL all show controlStatuses', (_name, build) => {
    expectParity(build());
  });

  test('a report with a control in every state: each format shows each state', () => {
    const sample = sampleAuditReport();
    const openError = sample.findings.find((f) => f.status === 'open' && f.level === 'error')!;
    const openWarning = sample.findings.find((f) => f.status === 'open' && f.level === 'warning')!;
    const acknowledged = sample.findings.find((f) => f.status === 'acknowledged')!;
    const report: AuditReport = { ...sample, findings: [openError, openWarning, { ...acknowledged, controls: ['NIST-800-53-r5:CP-9'] }] };
    expect(new Set(controlStatuses(report).map((s) => s.state))).toEqual(new Set(CONTROL_STATES));
    expectParity(report);
  });

  describe('the reference app\'s real audit', () => {
    let report: AuditReport;
    beforeAll(() => {
      report = auditReferenceApp();
    });

    test('every format shows controlStatuses; nothing is open, so no control is unsatisfied', () => {
      expectParity(report);
      const counts = controlStateCounts(controlStatuses(report));
      expect([counts['not-satisfied'], counts['open-warnings']]).toEqual([0, 0]);
      expect(counts['satisfied-with-risk']).toBeGreaterThan(0);
    });

    test('the JSON and SARIF that carry the statuses stay valid against their schemas', () => {
      const json = JSON.parse(renderJson(report));
      expect(jsonSchema(json) || jsonSchema.errors).toBe(true);
      const sarif = sarifValidator();
      expect(sarif(JSON.parse(renderSarif(report))) || errorsOf(sarif)).toBe(true);
    });
  });
});

describe('the JSON report\'s controls', () => {
  const json = JSON.parse(renderJson(sampleAuditReport()));

  test('are valid against the shipped schema, and are required by it', () => {
    expect(jsonSchema(json) || jsonSchema.errors).toBe(true);
    expect(json.controls).toEqual(controlStatusRecords(sampleAuditReport()));
    const { controls: _controls, ...withoutControls } = json;
    expect(jsonSchema(withoutControls)).toBe(false);
  });

  test('the schema refuses a status it does not know, and not satisfied without an open error', () => {
    const withControl = (control: object) => ({ ...json, controls: [control] });
    const failing = json.controls.find((c: any) => c.status === 'not-satisfied');
    const satisfied = json.controls.find((c: any) => c.status === 'satisfied');
    expect(jsonSchema(withControl(failing))).toBe(true);
    expect(jsonSchema(withControl({ ...satisfied, status: 'passed' }))).toBe(false);
    expect(jsonSchema(withControl({ ...failing, openErrors: 0 }))).toBe(false);
    expect(jsonSchema(withControl({ ...satisfied, openErrors: 1 }))).toBe(false);
  });
});
