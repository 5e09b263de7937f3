import * as path from 'path';
import { auditTemplates } from '../../lib/audit/engine';
import { loadTemplates } from '../../lib/audit/inputs';
import { AuditFinding, AuditReport } from '../../lib/audit/model';
import { CORPUS_DIR, corpusFiles, INSECURE } from './corpus';

/** The election pack, as `election-audit` runs by default. */
const audit = (half: string, file: string): AuditReport =>
  auditTemplates(loadTemplates([file], path.join(CORPUS_DIR, half)), { packs: ['election'], generatedAt: '2026-01-01T00:00:00.000Z', toolVersion: 't' });
const openErrors = (report: AuditReport): AuditFinding[] => report.findings.filter((f) => f.level === 'error' && f.status === 'open');
const shown = (findings: AuditFinding[]) => findings.map((f) => `${f.logicalId} ${f.ruleId}${f.findingId ? `[${f.findingId}]` : ''}`);
const ruleName = (f: AuditFinding) => f.ruleId.replace(/^ElectionBaseline-/, '');

test('every insecure template of the corpus has its expectation, and every expectation its template', () => {
  expect(corpusFiles('insecure')).toEqual(Object.keys(INSECURE).sort());
});

describe('secure setups: no error', () => {
  test.each(corpusFiles('secure'))('%s', (file) => {
    const report = audit('secure', file);
    expect(report.summary.resources).toBeGreaterThan(0);
    expect(shown(openErrors(report))).toEqual([]);
  });
});

describe('insecure setups: an open error on the resource at fault', () => {
  test.each(corpusFiles('insecure'))('%s', (file) => {
    const expected = INSECURE[file];
    const errors = openErrors(audit('insecure', file));
    // A resource SAM made is at fault where the vendor wrote the SAM resource it came from.
    const atFault = errors.filter((f) => expected.at.includes(f.madeFrom ?? f.logicalId));
    expect(shown(atFault)).not.toEqual([]);
    if (expected.rules) expect(atFault.map(ruleName)).toEqual(expect.arrayContaining([...expected.rules]));
  });
});
