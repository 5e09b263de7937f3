import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { App } from 'aws-cdk-lib';
import { buildStatewideApp, COUNTY_OU, STATE_SOC_EMAIL } from '../../bin/statewide';
import { EVIDENCE_MANIFEST_FILE, EvidenceManifest } from '../../lib/audit/evidence-manifest';
import { AuditReport } from '../../lib/audit/model';
import { SYNTH_REPORT_DIR, writeSynthAuditReports } from '../../lib/audit/synth-reports';
import { MIN_RECORDS_RETENTION_DAYS } from '../../lib/baseline/records-retention';
import { auditInProcess, removeTempDirs, tempDir } from '../helpers/audit-harness';
import { OpenFinding, openFindingsAtSynth } from '../helpers/three-packs';

/** The statewide reference app (bin/statewide.ts), synthesized once, then audited by the CLI as a state would. */

jest.setTimeout(300_000);

const ROOT = path.join(__dirname, '../..');
const COUNTIES = 4;
let assembly: string;
let open: OpenFinding[];
let app: App;

beforeAll(() => {
  const context = JSON.parse(fs.readFileSync(path.join(ROOT, 'cdk.json'), 'utf8')).context;
  assembly = path.join(tempDir(), 'cdk.out');
  app = new App({ outdir: assembly, context });
  buildStatewideApp(app, { counties: COUNTIES });
  open = openFindingsAtSynth(app);
});
afterAll(removeTempDirs);

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

test('the statewide app synthesizes clean under the three packs', () => {
  expect(open).toEqual([]);
  expect(fs.readdirSync(assembly).filter((f) => f.endsWith('.template.json')).sort())
    .toEqual(['CountyBaseline.template.json', 'StateLogArchive.template.json', 'StateManagement.template.json', 'StateSecurityTooling.template.json']);
});

test('election-audit judges the county template once and reports each county\'s parameters', () => {
  const out = tempDir();
  const run = auditInProcess([assembly, '--out', out, '--packs', 'election,aws-solutions,nist-800-53-r5']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const report = readJson<AuditReport>(path.join(out, 'election-audit.json'));
  expect(report.templates.filter((t) => t.template.endsWith('CountyBaseline.template.json'))).toHaveLength(1);
  const [deployment] = report.deployments!;
  expect(deployment).toMatchObject({ stack: 'StateManagement', permissionModel: 'SERVICE_MANAGED', problems: [] });
  expect(deployment.deploys).toMatch(/CountyBaseline\.template\.json$/);
  const counties = deployment.targets.filter((t) => t.accountFilterType === 'INTERSECTION');
  expect(counties.map((t) => t.county)).toEqual(['County 001', 'County 002', 'County 003', 'County 004']);
  expect(counties[0]).toMatchObject({
    accounts: ['200000000001'],
    organizationalUnitIds: [COUNTY_OU],
    parameters: { CountyName: 'County 001', AlertEmail: 'security@county001.example.gov', RecordsRetentionDays: '730' },
    problems: [],
  });
  // Every other account of the OU: the stack set's defaults.
  expect(deployment.targets[0]).toMatchObject({ county: 'Unassigned', accountFilterType: 'DIFFERENCE', parameters: { AlertEmail: STATE_SOC_EMAIL } });
  expect(fs.readFileSync(path.join(out, 'election-audit.txt'), 'utf8')).toMatch(/County 004\s+account 200000000004/);
});

test('the evidence manifest holds each template\'s SHA-256, the packs, the counties and the waivers, and its schema validates it', () => {
  const out = tempDir();
  auditInProcess([assembly, '--out', out, '--packs', 'election,aws-solutions']);
  const manifest = readJson<EvidenceManifest>(path.join(out, EVIDENCE_MANIFEST_FILE));
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(readJson<object>(path.join(ROOT, 'schemas/evidence-manifest.schema.json')));
  const valid = validate(manifest);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);

  expect(manifest.templates).toHaveLength(4);
  for (const t of manifest.templates) {
    const bytes = fs.readFileSync(path.resolve(ROOT, t.template));
    expect(t.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  }
  expect(manifest.packs.map((p) => p.name)).toEqual(['election', 'aws-solutions']);
  expect(manifest.packs.every((p) => p.rules > 0 && p.version.length > 0)).toBe(true);
  const [deployment] = manifest.deployments;
  expect(deployment.deploysSha256).toBe(manifest.templates.find((t) => t.template === deployment.deploys)?.sha256);
  expect(deployment.targets.map((t) => t.county)).toContain('County 003');
  expect(manifest.waivers.length).toBeGreaterThan(0);
  expect(manifest.waivers.every((w) => w.reason.length > 0 && ['library', 'agency'].includes(w.origin))).toBe(true);
});

test('the synth-time report set writes the evidence manifest too, hashing the files synth wrote', () => {
  const dir = tempDir();
  const copy = new App({ outdir: path.join(dir, 'cdk.out'), context: app.node.getAllContext() });
  buildStatewideApp(copy, { counties: COUNTIES });
  writeSynthAuditReports(copy, copy.synth(), { cwd: dir });
  const manifest = readJson<EvidenceManifest>(path.join(dir, 'cdk.out', SYNTH_REPORT_DIR, EVIDENCE_MANIFEST_FILE));
  expect(manifest.packs.map((p) => p.name)).toEqual(['election', 'aws-solutions', 'nist-800-53-r5']);
  for (const t of manifest.templates) {
    expect(t.sha256).toBe(createHash('sha256').update(fs.readFileSync(path.join(dir, t.template))).digest('hex'));
  }
  expect(manifest.deployments[0].targets.filter((t) => t.county?.startsWith('County '))).toHaveLength(COUNTIES);
});

test('a county whose retention override is under the floor fails the statewide audit, naming the county', () => {
  const copy = path.join(tempDir(), 'cdk.out');
  fs.cpSync(assembly, copy, { recursive: true });
  const file = path.join(copy, 'StateManagement.template.json');
  const template = readJson<{ Resources: Record<string, { Type: string; Properties: { StackInstancesGroup: Array<{ ParameterOverrides?: Array<{ ParameterKey: string; ParameterValue: string }> }> } }> }>(file);
  const stackSet = Object.values(template.Resources).find((r) => r.Type === 'AWS::CloudFormation::StackSet')!;
  const county3 = stackSet.Properties.StackInstancesGroup.find((g) => g.ParameterOverrides?.some((p) => p.ParameterValue === 'County 003'))!;
  county3.ParameterOverrides!.find((p) => p.ParameterKey === 'RecordsRetentionDays')!.ParameterValue = '300';
  fs.writeFileSync(file, JSON.stringify(template, null, 1));

  const run = auditInProcess([copy, '--format', 'json']);
  expect(run.code).toBe(1);
  const report = JSON.parse(run.stdout) as AuditReport;
  const findings = report.findings.filter((f) => f.ruleId === 'ElectionBaseline-StackSetCountyParameters');
  expect(findings).toHaveLength(1);
  expect(findings[0]).toMatchObject({ level: 'error', status: 'open', stack: 'StateManagement', findingId: "County::'County 003' (account 200000000003)" });
  expect(findings[0].message).toContain(`under the ${MIN_RECORDS_RETENTION_DAYS}-day floor`);
  expect(findings[0].message).toContain("below the template's MinValue");
});
