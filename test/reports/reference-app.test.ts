import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { buildReferenceApp } from '../../bin/reference-app';
import { waiversAboveStacks } from '../../lib/audit/construct-waivers';
import { auditTemplates } from '../../lib/audit/engine';
import { loadTemplates } from '../../lib/audit/inputs';
import { AuditReport } from '../../lib/audit/model';
import { renderHtml } from '../../lib/reports/html';
import { renderOscal } from '../../lib/reports/oscal';
import { renderSarif } from '../../lib/reports/sarif';
import { errorsOf, oscalValidator, sarifValidator } from './schema-validators';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** The reference app synthesized and audited under all three packs, as `cdk synth` would report it. */
function auditReferenceApp(): AuditReport {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'election-audit-reports-'));
  const app = new App({ outdir: path.join(dir, 'cdk.out') });
  buildReferenceApp(app);
  app.synth();
  return auditTemplates(loadTemplates(['cdk.out'], dir), {
    packs: ['election', 'aws-solutions', 'nist-800-53-r5'],
    aboveStackWaivers: waiversAboveStacks(app),
    generatedAt: '2026-11-03T12:00:00.000Z',
    toolVersion: '0.0.0-test',
  });
}

describe('the reports of the reference app\'s real audit', () => {
  let report: AuditReport;
  beforeAll(() => {
    report = auditReferenceApp();
  });

  test('the audit has something to report: acknowledged findings with reasons, nothing open', () => {
    expect(report.summary.templates).toBeGreaterThanOrEqual(3);
    expect(report.summary.errors + report.summary.warnings).toBe(0);
    expect(report.summary.acknowledged).toBeGreaterThan(0);
  });

  test('SARIF is valid, and every acknowledged finding is an accepted suppression with its reason', () => {
    const validate = sarifValidator();
    const log = JSON.parse(renderSarif(report));
    const valid = validate(log);
    expect(errorsOf(validate)).toEqual([]);
    expect(valid).toBe(true);
    expect(log.runs.map((run: any) => run.properties.pack)).toEqual(['election', 'aws-solutions', 'nist-800-53-r5']);
    const results = log.runs.flatMap((run: any) => run.results);
    expect(results).toHaveLength(report.findings.length + report.waivers.filter((w) => w.problem).length);
    for (const result of results.filter((r: any) => r.properties.status === 'acknowledged')) {
      expect(result.suppressions).toEqual([expect.objectContaining({ status: 'accepted', justification: expect.stringMatching(/.{20,}/) })]);
    }
  });

  test('OSCAL is valid, with an observation per finding and a risk per waiver', () => {
    const validate = oscalValidator();
    const document = JSON.parse(renderOscal(report));
    const valid = validate(document);
    expect(errorsOf(validate)).toEqual([]);
    expect(valid).toBe(true);
    const result = document['assessment-results'].results[0];
    expect(result.observations ?? []).toHaveLength(report.findings.length);
    expect(result.risks ?? []).toHaveLength(report.waivers.length);
    expect(result['reviewed-controls']['control-selections'][0]['include-controls']).toContainEqual({ 'control-id': 'au-9.2' });
  });

  test('HTML lists every finding and every waiver', () => {
    const html = renderHtml(report);
    expect(html.match(/<tr data-level=/g) ?? []).toHaveLength(report.findings.length);
    expect(/<table id="waivers">[\s\S]*?<\/table>/.exec(html)?.[0].match(/<tr[ >]/g)).toHaveLength(report.waivers.length + 1);
  });
});
