import { AuditReport } from '../../lib/audit/model';
import { sampleAuditReport } from '../fixtures/audit-report';
import { AuditDigest, auditDigest, digestChanges, renderDigest, ruleCatalogueHash } from './audit-digest';

/** The golden digest's own checks: what it keeps, what a failure says, what the catalogue hash covers. */
describe('the audit digest of the golden tests', () => {
  const sample = sampleAuditReport();

  test('keeps the verdicts, one record per line, and round-trips through its text', () => {
    const digest = auditDigest(sample);
    const text = renderDigest(digest);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(digest)));
    expect(text.split('\n').filter((line) => line.startsWith('    {'))).toHaveLength(
      digest.findings.length + digest.waivers.length + digest.controls.length + digest.rules.length,
    );
    expect(digest.findings[0]).not.toHaveProperty('message');
    expect(digest.rules[0]).not.toHaveProperty('explanation');
  });

  test('a change lists the findings that appeared, disappeared or changed, and the summary counts that moved', () => {
    const [gone, changed, ...rest] = sample.findings;
    const moved: AuditReport = {
      ...sample,
      summary: { ...sample.summary, errors: sample.summary.errors + 1 },
      findings: [{ ...changed, status: 'open', reason: undefined, waivedAt: undefined, propertyPath: 'Properties.LoggingConfiguration' }, ...rest,
        { ...gone, logicalId: 'NewBucket' }],
    };
    const changes = digestChanges(auditDigest(sample), auditDigest(moved));
    expect(changes).toEqual(expect.arrayContaining([
      `~ summary errors: ${sample.summary.errors} → ${sample.summary.errors + 1}`,
      expect.stringMatching(new RegExp(`^- finding ${gone.ruleId}\\S* ${gone.stack}/${gone.logicalId} `)),
      expect.stringMatching(new RegExp(`^\\+ finding ${gone.ruleId}\\S* ${gone.stack}/NewBucket `)),
      expect.stringMatching(/^~ finding .*status "acknowledged" → "open".*propertyPath \(absent\) → "Properties.LoggingConfiguration"/),
    ]));
    expect(digestChanges(auditDigest(sample), auditDigest(sampleAuditReport()))).toEqual([]);
  });

  test('a waiver\'s and a control\'s changes are named too', () => {
    const golden = auditDigest(sample);
    const renewed: AuditDigest = { ...golden, waivers: golden.waivers.map((w, i) => (i === 0 ? { ...w, expires: '2099-01-01' } : w)) };
    expect(digestChanges(golden, renewed)).toEqual([expect.stringMatching(/^~ waiver .*expires .* → "2099-01-01"$/)]);
    const control = golden.controls[0];
    const failing: AuditDigest = { ...golden, controls: [{ ...control, status: 'not-satisfied' }, ...golden.controls.slice(1)] };
    expect(digestChanges(golden, failing)).toEqual([`~ control ${control.key}: status ${JSON.stringify(control.status)} → "not-satisfied"`]);
  });

  test('the catalogue hash changes with a rule\'s wording and nothing else, whatever the rules\' order', () => {
    const hash = ruleCatalogueHash(sample.rules);
    expect(hash).toMatch(/^[0-9a-f]{64} {2}\d+ rules\n$/);
    expect(ruleCatalogueHash([...sample.rules].reverse())).toBe(hash);
    const [first, ...rest] = sample.rules;
    expect(ruleCatalogueHash([{ ...first, explanation: `${first.explanation} Reworded.` }, ...rest])).not.toBe(hash);
    expect(ruleCatalogueHash([{ ...first, rationale: 'Why, at length.' }, ...rest])).not.toBe(hash);
    expect(ruleCatalogueHash([{ ...first, controls: [] }, ...rest])).toBe(hash);
  });
});
