import { AuditReport } from '../../lib/audit/model';
import { renderHtml } from '../../lib/reports/html';
import { renderOscal } from '../../lib/reports/oscal';
import { renderSarif } from '../../lib/reports/sarif';
import { auditReferenceApp } from './reference-app-audit';
import { errorsOf, oscalValidator, sarifValidator } from './schema-validators';

/* eslint-disable @typescript-eslint/no-explicit-any */

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
    expect(results).toHaveLength(report.findings.length + report.waivers.filter((w) => w.problem !== undefined || w.expiry === 'expiring').length);
    for (const result of results.filter((r: any) => r.properties.status === 'acknowledged')) {
      expect(result.suppressions).toEqual([expect.objectContaining({ status: 'accepted', justification: expect.stringMatching(/.{20,}/) })]);
    }
  });

  test('OSCAL is valid, with an observation per finding and per type no rule judged, and a risk per waiver', () => {
    const validate = oscalValidator();
    const document = JSON.parse(renderOscal(report));
    const valid = validate(document);
    expect(errorsOf(validate)).toEqual([]);
    expect(valid).toBe(true);
    const result = document['assessment-results'].results[0];
    const unjudgedTypes = report.templates.reduce((count, t) => count + t.unjudged.length, 0);
    expect(unjudgedTypes).toBeGreaterThan(0);
    expect(result.observations ?? []).toHaveLength(report.findings.length + unjudgedTypes);
    expect(result.risks ?? []).toHaveLength(report.waivers.length);
    expect(result['reviewed-controls']['control-selections'][0]['include-controls']).toContainEqual({ 'control-id': 'au-9.2' });
  });

  test('OSCAL fails no control of an audit with no open finding: waived controls are satisfied, with their risks', () => {
    expect(report.summary.errors).toBe(0);
    const findings = JSON.parse(renderOscal(report))['assessment-results'].results[0].findings;
    expect(findings.filter((f: any) => f.target.status.state !== 'satisfied')).toEqual([]);
    const waived = findings.filter((f: any) => f['related-risks'] !== undefined);
    expect(waived.length).toBeGreaterThan(0);
    expect(waived.every((f: any) => f.props.some((p: any) => p.name === 'control-status' && p.value === 'satisfied-with-risk'))).toBe(true);
  });

  test('HTML lists every finding and every waiver, the library\'s apart from the agency\'s, and filters by the stacks\' tags', () => {
    const html = renderHtml(report);
    expect(html.match(/<tr class="(open|acknowledged)" data-level=/g) ?? []).toHaveLength(report.findings.length);
    const rows = (origin: string) => new RegExp(`<table class="waivers" id="waivers-${origin}">[\\s\\S]*?</table>`).exec(html)?.[0].match(/<tr class=/g) ?? [];
    expect(rows('library')).toHaveLength(report.waivers.filter((w) => w.origin === 'library').length);
    expect(rows('agency')).toHaveLength(report.waivers.filter((w) => w.origin === 'agency').length);
    // The app tags every stack (Tags.of(app)), so every template carries it and the page can filter by it.
    expect(report.templates.every((t) => t.tags?.['election:agency'] !== undefined)).toBe(true);
    expect(html).toContain('<label>Stack tag: election:agency<select data-filter="tag0"');
  });
});
