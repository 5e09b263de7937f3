import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { AuditReport } from '../../lib/audit/model';
import { EVIDENCE_MANIFEST_FILE } from '../../lib/audit/evidence-manifest';
import { SYNTH_REPORT_DIR, writeSynthAuditReports } from '../../lib/audit/synth-reports';
import { REPORT_FORMATS } from '../../lib/reports';
import { summaryLine } from '../../lib/reports/summary';
import { COMPONENT_DEFINITION_FILE } from '../../lib/reports/oscal-component';
import { auditInProcess, PINNED_ENV, synthReferenceApp, tempDir, removeTempDirs } from '../helpers/audit-harness';
import { AuditDigest, auditDigest, digestChanges, renderDigest, ruleCatalogueHash } from '../reports/audit-digest';
import { errorsOf, oscalComponentValidator, oscalValidator, sarifValidator } from '../reports/schema-validators';

afterAll(removeTempDirs);

/**
 * The reference app, freshly synthesized, audited with all three packs. Its
 * goldens hold what matters, not the prose:
 * - `test/golden/audit/reference-app.digest.json`: every finding (rule, stack,
 *   logical id, level, status, controls, property path, waiver), every waiver
 *   (reason, approver, expiry, origin, findings covered), each control's status,
 *   the summary and each rule's level, waivability and controls, one per line;
 * - `test/golden/audit/rule-catalogue.sha256`: one hash of every rule's wording
 *   (message, explanation, rationale), so rewording a rule changes one line.
 * A failure lists what changed (`+` appeared, `-` disappeared, `~` changed).
 * Each format is checked apart for rendering every finding, and the JSON,
 * SARIF and OSCAL files against their schemas. After a deliberate change to
 * the app, the rules or the constructs' waivers, rewrite both goldens with:
 *
 *   UPDATE_GOLDEN=1 npx jest test/audit/reference-app.golden.test.ts
 */
const GOLDEN = path.join(__dirname, '../golden/audit');
const DIGEST_FILE = path.join(GOLDEN, 'reference-app.digest.json');
const CATALOGUE_FILE = path.join(GOLDEN, 'rule-catalogue.sha256');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const UPDATE_HINT = 'After a deliberate change: UPDATE_GOLDEN=1 npx jest test/audit/reference-app.golden.test.ts';
const PACKS = 'election,aws-solutions,nist-800-53-r5';

/** The golden file's text, after writing `text` there under UPDATE_GOLDEN=1. */
function golden(file: string, text: string): string {
  if (UPDATE) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  if (!fs.existsSync(file)) throw new Error(`${file} is missing. ${UPDATE_HINT}`);
  return fs.readFileSync(file, 'utf8');
}

describe('election-audit on the reference app', () => {
  const dir = tempDir();
  const { app, assembly } = synthReferenceApp(dir);
  const run = auditInProcess(['cdk.out', '--packs', PACKS, '--out', 'reports', ...REPORT_FORMATS.flatMap((f) => ['-f', f.name])], dir);
  const written = (file: string) => fs.readFileSync(path.join(dir, 'reports', file), 'utf8');
  const report = JSON.parse(written('election-audit.json')) as AuditReport;
  const synthReport = writeSynthAuditReports(app, assembly, {
    cwd: dir,
    generatedAt: new Date(Number(PINNED_ENV.SOURCE_DATE_EPOCH) * 1000).toISOString(),
    toolVersion: PINNED_ENV.ELECTION_AUDIT_TOOL_VERSION,
  });
  const synthFile = (file: string) => fs.readFileSync(path.join(assembly.directory, SYNTH_REPORT_DIR, file), 'utf8');

  test('passes: nothing open, every finding waived with a reason', () => {
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(report.summary.errors).toBe(0);
    expect(report.summary.acknowledged).toBeGreaterThan(0);
    expect(report.findings.every((f) => f.status === 'acknowledged' && f.reason!.length >= 20)).toBe(true);
    expect(report.templates.map((t) => t.template)).toEqual(assembly.stacks.map((s) => `cdk.out/${s.templateFile}`).sort());
  });

  test('findings, waivers and control statuses match test/golden/audit/reference-app.digest.json', () => {
    const actual = auditDigest(report);
    const expected = JSON.parse(golden(DIGEST_FILE, renderDigest(actual))) as AuditDigest;
    const changes = digestChanges(expected, actual);
    if (changes.length > 0) throw new Error(`The audit of the reference app changed:\n${changes.join('\n')}\n${UPDATE_HINT}`);
  });

  test('the rules\' wording matches the hash in test/golden/audit/rule-catalogue.sha256', () => {
    const actual = ruleCatalogueHash(report.rules);
    const expected = golden(CATALOGUE_FILE, actual);
    if (actual !== expected) {
      throw new Error(`A rule's message, explanation or rationale changed (${expected.trim()} → ${actual.trim()}). ${UPDATE_HINT}`);
    }
  });

  test.each(REPORT_FORMATS.map((f) => [f.name, f.fileName]))('the %s report (%s) renders every finding', (name, file) => {
    const text = written(file);
    const unjudgedRows = report.templates.reduce((n, t) => n + t.unjudged.length, 0);
    switch (name) {
      case 'table': return expect(text).toContain(summaryLine(report));
      case 'json': return expect(JSON.parse(text)).toEqual({ ...report, controls: expect.any(Array) });
      case 'csv': return expect(text.split('\r\n').filter(Boolean)).toHaveLength(1 + report.findings.length + unjudgedRows);
      case 'sarif': {
        const results = (JSON.parse(text).runs as Array<{ results: Array<{ ruleId: string }> }>).flatMap((r) => r.results);
        const findingResults = results.filter((r) => !r.ruleId.startsWith('ElectionAudit-'));
        return expect(findingResults.map((r) => r.ruleId).sort()).toEqual(report.findings.map((f) => f.ruleId).sort());
      }
      case 'oscal': {
        const oscal = oscalValidator();
        return expect(oscal(JSON.parse(text)) || errorsOf(oscal)).toBe(true);
      }
      case 'html': return report.findings.forEach((f) => expect(text).toContain(`data-rule="${f.ruleId}"`));
      default: throw new Error(`no rendering check for the ${name} format: add one here`);
    }
  });

  test('the json report is valid against the shipped schema', () => {
    const ajv = new Ajv({ allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(__dirname, '../../schemas/election-audit-report.schema.json'), 'utf8')));
    expect(validate.errors ?? validate(report)).toBe(true);
    expect(validate({ ...report, findings: [{ ...report.findings[0], status: 'done' }] })).toBe(false);
  });

  test('synth writes the same findings and waivers as the CLI, each waiver where it was made in the construct tree', () => {
    expect(synthReport.findings).toEqual(report.findings);
    expect(synthReport.waivers).toEqual(report.waivers);
    expect(synthReport.summary).toEqual(report.summary);
    expect(synthReport.waivers.length).toBeGreaterThan(0);
    expect(synthReport.waivers.every((w) => w.madeAt.startsWith('construct:') && w.findings > 0)).toBe(true);
    expect(synthReport.findings.every((f) => f.waivedAt!.startsWith('construct:'))).toBe(true);
    const files = fs.readdirSync(path.join(assembly.directory, SYNTH_REPORT_DIR)).sort();
    expect(files).toEqual([...REPORT_FORMATS.map((f) => f.fileName), COMPONENT_DEFINITION_FILE, EVIDENCE_MANIFEST_FILE].sort());
    // One writer: `election-audit --out` writes the same set of files.
    expect(fs.readdirSync(path.join(dir, 'reports')).sort()).toEqual(files);
    expect(JSON.parse(synthFile('election-audit.json')).findings).toEqual(synthReport.findings);
  });

  test('the SARIF, OSCAL and component definition that synth writes are valid against their shipped schemas', () => {
    const sarif = sarifValidator();
    expect(sarif(JSON.parse(synthFile('election-audit.sarif'))) || errorsOf(sarif)).toBe(true);
    const oscal = oscalValidator();
    expect(oscal(JSON.parse(synthFile('election-audit.oscal.json'))) || errorsOf(oscal)).toBe(true);
    const component = oscalComponentValidator();
    expect(component(JSON.parse(synthFile(COMPONENT_DEFINITION_FILE))) || errorsOf(component)).toBe(true);
  });
});
