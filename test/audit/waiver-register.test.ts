import * as fs from 'fs';
import * as path from 'path';
import { App, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import Ajv from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import { BUCKET_REPLICATION_ACK } from '../../constructs/defaults/acknowledgments';
import { SecureBucket } from '../../constructs/secure-bucket';
import { AuditReport, AuditWaiver } from '../../lib/audit/model';
import { writeSynthAuditReports } from '../../lib/audit/synth-reports';
import { DataClass } from '../../lib/baseline/data-class';
import { ElectionBaselineChecks } from '../../lib/election-baseline-checks';
import { ElectionWaivers } from '../../lib/election-waivers';
import { renderJson } from '../../lib/reports/json';
import { sampleAuditReport } from '../fixtures/audit-report';
import { readmeCountyResults } from '../helpers/readme-app';
import { auditInProcess, fixture, PINNED_ENV, removeTempDirs, synthReferenceApp, tempDir } from '../helpers/audit-harness';

afterAll(removeTempDirs);

/**
 * The waiver register end to end: a county app whose agency waivers carry an
 * approver and an expiry (one used, one ending soon, one that matches
 * nothing) beside the library's own, synthesized with the three packs on a
 * pinned date, then audited by `election-audit` from the cloud assembly, from
 * the bare template, and on other dates.
 */
const PACKS = 'election,aws-solutions,nist-800-53-r5';
const AS_OF = '2026-11-03';
const METRICS = { id: 'AwsSolutions-IAM5[Resource::*]', reason: 'cloudwatch:PutMetricData supports no resource-level permissions; metrics only', approvedBy: 'County CISO', expires: '2027-06-30' };
const INLINE = { id: 'NIST.800.53.R5-IAMNoInlinePolicy', reason: 'The publisher role has one policy, reviewed with the role by the county clerk', approvedBy: 'Elections IT change board', expires: '2026-11-20' };
const UNUSED = { id: 'AwsSolutions-S1', reason: 'Left from the old results bucket, which the publisher role used to own', approvedBy: 'County CISO' };

function synthesizeCountyApp(writeSuppressionsToCloudFormation: boolean) {
  const dir = tempDir();
  const app = new App({ outdir: path.join(dir, 'cdk.out') });
  const options = { writeSuppressionsToCloudFormation };
  Validations.of(app).addPlugins(
    new ElectionBaselineChecks(app, { ...options, asOf: AS_OF }), new AwsSolutionsChecks(app, options), new NIST80053R5Checks(app, options),
  );
  const publisher = readmeCountyResults(new Stack(app, 'CountyResults'));
  ElectionWaivers.of(publisher).waive(METRICS, INLINE, UNUSED);
  return { dir, app, assembly: app.synth() };
}

const audit = (dir: string, ...args: string[]) => auditInProcess([...args, '--packs', PACKS, '-f', 'json'], dir);
const reportOf = (run: { stdout: string }) => JSON.parse(run.stdout) as AuditReport;
const byRule = (report: AuditReport, ruleId: string) => report.waivers.filter((w) => w.ruleId === ruleId);
const register = (w: AuditWaiver) => ({ ruleId: w.ruleId, approvedBy: w.approvedBy, expires: w.expires, origin: w.origin, expiry: w.expiry, findings: w.findings });

describe.each([false, true])('a county app\'s waiver register, writeSuppressionsToCloudFormation %s', (writeSuppressions) => {
  const { dir, app, assembly } = synthesizeCountyApp(writeSuppressions);
  const run = audit(dir, 'cdk.out', '--as-of', AS_OF);
  const cli = reportOf(run);

  test('approver, expiry and origin reach the report from the cloud assembly, as the synth-time report has them', () => {
    const synth = writeSynthAuditReports(app, assembly, { cwd: dir, generatedAt: '2026-11-03T12:00:00.000Z', asOf: AS_OF, toolVersion: 'x' });
    expect(cli.asOf).toBe(AS_OF);
    expect(cli.waivers.filter((w) => w.madeAt === 'construct:CountyResults/ResultsPublisher').map(register)).toEqual([
      { ruleId: METRICS.id, approvedBy: 'County CISO', expires: '2027-06-30', origin: 'agency', expiry: undefined, findings: 1 },
      { ruleId: UNUSED.id, approvedBy: 'County CISO', expires: undefined, origin: 'agency', expiry: undefined, findings: 0 },
      { ruleId: INLINE.id, approvedBy: 'Elections IT change board', expires: '2026-11-20', origin: 'agency', expiry: 'expiring', findings: 1 },
    ]);
    expect(synth.waivers).toEqual(cli.waivers);
    expect(synth.summary).toEqual(cli.summary);
  });

  test('the library\'s waivers are the library\'s, with its reason; no other waiver claims to be', () => {
    const replication = byRule(cli, BUCKET_REPLICATION_ACK.id);
    expect(replication.length).toBeGreaterThan(0);
    expect(replication.every((w) => w.origin === 'library' && w.reason === BUCKET_REPLICATION_ACK.reason && w.approvedBy === undefined)).toBe(true);
    expect(cli.waivers.filter((w) => w.origin === 'agency').map((w) => w.ruleId).sort()).toEqual([METRICS.id, INLINE.id, UNUSED.id].sort());
  });

  test('a waiver ending within 30 days is a warning: the audit passes at --fail-on error and fails at warning', () => {
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(cli.summary).toMatchObject({ errors: 0, warnings: 1 });
    expect(cli.findings.every((f) => f.status === 'acknowledged')).toBe(true);
    expect(audit(dir, 'cdk.out', '--as-of', AS_OF, '--fail-on', 'warning').code).toBe(1);
  });

  test('after its date the waiver holds nothing: its finding reopens and the waiver names the date', () => {
    const later = reportOf(audit(dir, 'cdk.out', '--as-of', '2026-11-21'));
    expect(byRule(later, INLINE.id)).toEqual([expect.objectContaining({
      expiry: 'expired', expires: '2026-11-20', findings: 1,
      problem: 'the waiver expired on 2026-11-20 (judged as of 2026-11-21): its findings are open',
    })]);
    expect(later.findings.filter((f) => f.status === 'open').map((f) => [f.ruleId, f.logicalId])).toEqual([
      [INLINE.id, expect.stringMatching(/^ResultsPublisherDefaultPolicy/)],
    ]);
    expect(later.summary).toMatchObject({ errors: 2, warnings: 0, acknowledged: cli.summary.acknowledged - 1 });
    expect(audit(dir, 'cdk.out', '--as-of', '2026-11-21').code).toBe(1);
  });

  test('--as-of makes the audit reproducible; without it, the day of SOURCE_DATE_EPOCH is used', () => {
    expect(audit(dir, 'cdk.out', '--as-of', AS_OF).stdout).toBe(run.stdout);
    const pinned = reportOf(audit(dir, 'cdk.out'));
    expect(pinned.asOf).toBe(new Date(Number(PINNED_ENV.SOURCE_DATE_EPOCH) * 1000).toISOString().slice(0, 10));
    expect(byRule(pinned, INLINE.id)[0].expiry).toBeUndefined();
  });

  test('the bare template gives the same register only when cdk-nag copied the waivers into it', () => {
    const bare = path.join(dir, 'bare');
    fs.mkdirSync(bare, { recursive: true });
    fs.copyFileSync(path.join(assembly.directory, 'CountyResults.template.json'), path.join(bare, 'county.json'));
    const fromTemplate = reportOf(audit(bare, 'county.json', '--as-of', AS_OF));
    const inAssembly = cli.waivers.map(register);
    if (writeSuppressions) {
      expect(fromTemplate.waivers.every((w) => w.madeAt.startsWith('metadata:county.json#'))).toBe(true);
      // A template copy is per resource, so a construct's waiver appears once per resource it covers.
      const unique = (ws: ReturnType<typeof register>[]) => [...new Set(ws.map((w) => JSON.stringify({ ...w, findings: undefined })))].sort();
      expect(unique(fromTemplate.waivers.map(register))).toEqual(unique(inAssembly));
      // Each resource's copy is a waiver of its own, so each copy of the one ending soon warns.
      expect(fromTemplate.summary).toMatchObject({ errors: 0, acknowledged: cli.summary.acknowledged });
      expect(fromTemplate.summary.warnings).toBe(fromTemplate.waivers.filter((w) => w.expiry === 'expiring').length);
      expect(fromTemplate.summary.warnings).toBeGreaterThan(0);
    } else {
      expect(fromTemplate.waivers).toEqual([]);
    }
  });
});

describe('the reference app', () => {
  test('makes no waiver of its own: every waiver is the library\'s, in the assembly and in the templates cdk-nag writes', () => {
    const dir = tempDir();
    const { assembly } = synthReferenceApp(dir);
    const report = reportOf(audit(dir, 'cdk.out'));
    expect(report.waivers.length).toBeGreaterThan(0);
    expect(report.waivers.filter((w) => w.origin !== 'library')).toEqual([]);
    expect(byRule(report, BUCKET_REPLICATION_ACK.id).every((w) => w.reason === BUCKET_REPLICATION_ACK.reason)).toBe(true);
    const stack = assembly.stacks.find((s) => JSON.stringify(s.template).includes('rules_to_suppress'))!;
    const bare = path.join(dir, 'bare');
    fs.mkdirSync(bare);
    fs.writeFileSync(path.join(bare, 'stack.json'), JSON.stringify(stack.template));
    const fromTemplate = reportOf(audit(bare, 'stack.json'));
    expect(fromTemplate.waivers.length).toBeGreaterThan(0);
    expect(fromTemplate.waivers.filter((w) => w.origin !== 'library')).toEqual([]);
  });
});

describe('opt-outs the agency takes through a construct prop', () => {
  test('are the agency\'s, with its reason; the library\'s own defaults beside them stay the library\'s', () => {
    const dir = tempDir();
    const app = new App({ outdir: path.join(dir, 'cdk.out') });
    Validations.of(app).addPlugins(new ElectionBaselineChecks(app, { asOf: AS_OF }), new AwsSolutionsChecks(app), new NIST80053R5Checks(app));
    const stack = new Stack(app, 'Staging');
    new SecureBucket(stack, 'Scratch', {
      dataClass: DataClass.OPERATIONAL,
      removalPolicy: RemovalPolicy.DESTROY,
      stagingTeardown: { reason: 'staging scratch space rebuilt from the repository on every deploy' },
    });
    app.synth();
    const report = reportOf(audit(dir, 'cdk.out'));
    expect(byRule(report, 'ElectionBaseline-RetainStatefulResources').map((w) => [w.origin, w.findings])).toEqual([['agency', 1]]);
    expect(byRule(report, 'ElectionBaseline-RetainStatefulResources')[0].reason).toContain('staging scratch space rebuilt');
    expect(byRule(report, BUCKET_REPLICATION_ACK.id).every((w) => w.origin === 'library')).toBe(true);
  });
});

describe('a vendor\'s bare template carries the register in rules_to_suppress', () => {
  const dir = tempDir();
  const template = JSON.parse(fs.readFileSync(fixture('secure-buckets.json'), 'utf8'));
  const entry = (fields: object) => ({ cdk_nag: { rules_to_suppress: [{ id: 'NIST.800.53.R5-S3BucketReplicationEnabled', reason: BUCKET_REPLICATION_ACK.reason, ...fields }] } });
  template.Resources.AccessLogs.Metadata = entry({ approvedBy: 'Vendor security lead', expires: '2027-06-30', origin: 'library' });
  template.Resources.Records.Metadata = entry({ approvedBy: 42, expires: 'next spring', origin: 'vendor' });
  template.Resources.RecordsKey.Metadata = entry({ expires: '2026-11-10' });
  fs.writeFileSync(path.join(dir, 'vendor.json'), JSON.stringify(template, null, 2));
  const vendor = (asOf: string) => reportOf(auditInProcess(['vendor.json', '--packs', 'nist-800-53-r5', '--as-of', asOf, '-f', 'json'], dir));
  const report = vendor(AS_OF);
  const at = (r: AuditReport, logicalId: string) => r.waivers.find((w) => w.madeAt === `metadata:vendor.json#${logicalId}`)!;

  test('approvedBy, expires and origin: library are read beside id and reason', () => {
    expect(at(report, 'AccessLogs')).toMatchObject({ approvedBy: 'Vendor security lead', expires: '2027-06-30', origin: 'library', findings: 1 });
    expect(at(report, 'AccessLogs').problem).toBeUndefined();
    expect(report.findings.find((f) => f.logicalId === 'AccessLogs' && f.ruleId === BUCKET_REPLICATION_ACK.id)!.status).toBe('acknowledged');
  });

  test('an expiry that is not a date holds nothing, and is named, not reported as a date; any other origin is the agency\'s', () => {
    const records = at(report, 'Records');
    expect(records).toMatchObject({ origin: 'agency', findings: 1, problem: "its expiry 'next spring' is not an ISO date YYYY-MM-DD, so it holds nothing" });
    expect(records.expires).toBeUndefined();
    expect(records.approvedBy).toBeUndefined();
    expect(report.findings.find((f) => f.logicalId === 'Records' && f.ruleId === BUCKET_REPLICATION_ACK.id)!.status).toBe('open');
  });

  test('a waiver on a resource without such a finding is listed, unused, and still judged for expiry', () => {
    expect(at(report, 'RecordsKey')).toMatchObject({ findings: 0, origin: 'agency', expires: '2026-11-10', expiry: 'expiring' });
    expect(at(vendor('2026-11-11'), 'RecordsKey')).toMatchObject({ findings: 0, expiry: 'expired', problem: expect.stringContaining('expired on 2026-11-10') });
    expect(at(vendor('2027-07-01'), 'AccessLogs')).toMatchObject({ expiry: 'expired', origin: 'library' });
  });
});

describe('--as-of', () => {
  test.each(['2026-02-30', 'today', '2026-1-5'])('%j is refused as bad input', (asOf) => {
    const run = auditInProcess([fixture('secure-buckets.json'), '--as-of', asOf, '-f', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`election-audit: --as-of '${asOf}' is not ${asOf === '2026-02-30' ? 'a calendar date' : 'an ISO date YYYY-MM-DD'} `
      + '(give the day to judge waiver expiry against, e.g. 2026-11-03) (see election-audit --help)\n');
  });

  test('--help documents it', () => {
    expect(auditInProcess(['--help']).stdout).toContain('--as-of YYYY-MM-DD');
  });
});

describe('the report schema', () => {
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(__dirname, '../../schemas/election-audit-report.schema.json'), 'utf8')));
  // The schema is of the JSON report: the model plus each control's status, added as it is rendered.
  const sample = JSON.parse(renderJson(sampleAuditReport())) as AuditReport;
  const expired = sample.waivers.findIndex((w) => w.expiry === 'expired');
  const withWaiver = (index: number, waiver: object) => ({ ...sample, waivers: sample.waivers.map((w, i) => (i === index ? waiver : w)) });

  test('accepts waivers of every kind: library and agency, approved, expiring, expired, unused', () => {
    expect(validate(sample) || validate.errors).toBe(true);
    expect(new Set(sample.waivers.flatMap((w) => [w.origin, w.expiry ?? 'current', w.findings === 0 ? 'unused' : 'used']))).toEqual(
      new Set(['library', 'agency', 'current', 'expiring', 'expired', 'used', 'unused']),
    );
  });

  test('refuses a waiver without origin, an expired one without its problem, and an expiry that is not a date', () => {
    const { origin: _origin, ...noOrigin } = sample.waivers[0];
    const { problem: _problem, ...noProblem } = sample.waivers[expired];
    expect(validate(withWaiver(0, noOrigin))).toBe(false);
    expect(validate(withWaiver(expired, noProblem))).toBe(false);
    expect(validate(withWaiver(expired, { ...sample.waivers[expired], expires: '2026-10-32' }))).toBe(false);
    const { asOf: _asOf, ...noAsOf } = sample;
    expect(validate(noAsOf)).toBe(false);
  });
});
