import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { AuditReport } from '../../lib/audit/model';
import { EVIDENCE_MANIFEST_FILE } from '../../lib/audit/evidence-manifest';
import { SYNTH_REPORT_DIR, writeSynthAuditReports } from '../../lib/audit/synth-reports';
import { REPORT_FORMATS } from '../../lib/reports';
import { COMPONENT_DEFINITION_FILE } from '../../lib/reports/oscal-component';
import { auditInProcess, PINNED_ENV, synthReferenceApp, tempDir, removeTempDirs } from '../helpers/audit-harness';
import { errorsOf, oscalComponentValidator, oscalValidator, sarifValidator } from '../reports/schema-validators';

afterAll(removeTempDirs);

/**
 * The reference app, freshly synthesized, audited with all three packs: every
 * report format (json, csv, table, sarif, oscal, html) must match its golden file. After a deliberate
 * change to the app or the rules: `UPDATE_GOLDEN=1 npx jest test/audit/reference-app.golden.test.ts`.
 */
const GOLDEN = path.join(__dirname, '../golden/audit');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const PACKS = 'election,aws-solutions,nist-800-53-r5';

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

  test.each(REPORT_FORMATS.map((f) => [f.fileName, f.fileName.replace('election-audit', 'reference-app')]))('%s matches test/golden/audit/%s', (file, golden) => {
    const goldenFile = path.join(GOLDEN, golden);
    if (UPDATE) {
      fs.mkdirSync(GOLDEN, { recursive: true });
      fs.writeFileSync(goldenFile, written(file));
    }
    if (!fs.existsSync(goldenFile)) throw new Error(`${goldenFile} is missing: run UPDATE_GOLDEN=1 npx jest test/audit/reference-app.golden.test.ts`);
    expect(written(file)).toBe(fs.readFileSync(goldenFile, 'utf8'));
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
