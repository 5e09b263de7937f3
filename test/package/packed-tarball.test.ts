import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * A stranger's CDK app installs the tarball `npm pack` makes and imports the
 * library by name: the package entry, the compiled output and the declared
 * dependencies are what users get, not this repository's source tree.
 */
const root = path.join(__dirname, '../..');
const versionOf = (name: string) => JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;

const HANDLER_ACKS = [
  'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
  'AwsSolutions-L1', 'NIST.800.53.R5-LambdaConcurrency', 'NIST.800.53.R5-LambdaDLQ', 'NIST.800.53.R5-LambdaInsideVPC',
  'NIST.800.53.R5-IAMNoInlinePolicy',
];

const APP = `
const HANDLER_ACKS = ${JSON.stringify(HANDLER_ACKS)};
const { App, Duration, Stack, Validations } = require('aws-cdk-lib');
const s3 = require('aws-cdk-lib/aws-s3');
const { AwsSolutionsChecks, NIST80053R5Checks } = require('cdk-nag');
const { DataClass, ElectionBaselineChecks, ElectionRecordsBucket, SecureBucket } = require('cdk-election-baseline');
const app = new App({ outdir: process.env.OUTDIR });
Validations.of(app).addPlugins(new ElectionBaselineChecks(app), new AwsSolutionsChecks(app), new NIST80053R5Checks(app));
const stack = new Stack(app, 'Outside');
const records = new ElectionRecordsBucket(stack, 'Records');
new SecureBucket(stack, 'Pii', { dataClass: DataClass.VOTER_PII, serverAccessLogsBucket: records.serverAccessLogsBucket });
if (process.env.PLAIN) new s3.Bucket(stack, 'Plain');
if (process.env.EVERY) {
  // Every construct with only its required props, as issues 3 and 4 judge them.
  const lib = require('cdk-election-baseline');
  const lambda = require('aws-cdk-lib/aws-lambda');
  const edge = new Stack(app, 'OutsideEdge', { env: { region: 'us-east-1' } });
  new lib.ResultsReportingSite(edge, 'Results');
  new lib.ElectionWebAcl(edge, 'Acl', { scope: lib.WebAclScope.REGIONAL, preset: lib.WebAclPreset.PORTAL });
  const handler = new lambda.Function(edge, 'Handler', {
    runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 201 });'),
  });
  // The agency's own function is the agency's to harden; the portal around it must add no finding of its own.
  Validations.of(handler).acknowledge(...HANDLER_ACKS.map((id) => ({ id, reason: 'Test handler of the outside app: the agency hardens its own function.' })));
  new lib.RegistrationPortal(edge, 'Portal', { handler });
  const audit = new Stack(app, 'OutsideAudit');
  const trail = new lib.ElectionAuditTrail(audit, 'Trail');
  new lib.LogArchiveBucket(audit, 'Archive');
  new lib.SecurityAlarms(audit, 'Alarms', { trail });
  new lib.SecurityMonitoring(audit, 'Monitoring');
}
if (process.env.SHORT) new ElectionRecordsBucket(stack, 'Short', { retention: Duration.days(30) });
app.synth();
console.log('SYNTH OK');
`;

let appDir: string;

beforeAll(() => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ebc-pack-'));
  const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop()!;
  appDir = path.join(work, 'app');
  fs.mkdirSync(appDir);
  fs.writeFileSync(path.join(appDir, 'package.json'), JSON.stringify({ name: 'outside-app', version: '1.0.0', private: true }));
  fs.writeFileSync(path.join(appDir, 'app.js'), APP);
  execFileSync('npm', [
    'install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error',
    path.join(work, packed),
    `aws-cdk-lib@${versionOf('aws-cdk-lib')}`, `constructs@${versionOf('constructs')}`, `cdk-nag@${versionOf('cdk-nag')}`,
    `@types/node@${versionOf('@types/node')}`,
  ], { cwd: appDir, stdio: 'pipe' });
}, 300_000);

describe('the packed tarball in an outside app', () => {
  function run(env: Record<string, string> = {}) {
    const result = spawnSync('node', ['app.js'], {
      cwd: appDir,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production', OUTDIR: fs.mkdtempSync(path.join(os.tmpdir(), 'ebc-out-')), ...env },
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  }

  test('ships compiled code and declarations only', () => {
    const installed = path.join(appDir, 'node_modules', 'cdk-election-baseline');
    expect(fs.existsSync(path.join(installed, 'dist/lib/index.js'))).toBe(true);
    expect(fs.existsSync(path.join(installed, 'dist/lib/index.d.ts'))).toBe(true);
    expect(fs.existsSync(path.join(installed, 'LICENSE'))).toBe(true);
    expect(fs.existsSync(path.join(installed, 'test'))).toBe(false);
    expect(fs.existsSync(path.join(installed, 'lib/index.ts'))).toBe(false);
  });

  test('builds the constructs with the three packs and synthesizes clean', () => {
    const { status, output } = run();
    expect(output).toContain('SYNTH OK');
    expect(status).toBe(0);
  });

  test('builds every construct with only its required props and synthesizes clean under the three packs', () => {
    const { status, output } = run({ EVERY: '1' });
    expect(output).toContain('SYNTH OK');
    expect(status).toBe(0);
  });

  test('ships the election-audit command, which audits a template as an auditor would', () => {
    const installed = path.join(appDir, 'node_modules', 'cdk-election-baseline');
    expect(fs.existsSync(path.join(installed, 'schemas/election-audit-report.schema.json'))).toBe(true);
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ebc-out-'));
    expect(spawnSync('node', ['app.js'], { cwd: appDir, env: { ...process.env, OUTDIR: outdir } }).status).toBe(0);
    const audit = spawnSync('npx', ['--no-install', 'election-audit', outdir, '--format', 'json'], { cwd: appDir, encoding: 'utf8' });
    expect(audit.stderr).toBe('');
    expect(audit.status).toBe(0);
    expect(JSON.parse(audit.stdout)).toMatchObject({ tool: { name: 'election-audit' }, summary: { errors: 0, templates: 1 } });
  });

  test('a plain bucket fails the synth, naming the rule and the construct', () => {
    const { status, output } = run({ PLAIN: '1' });
    expect(status).not.toBe(0);
    expect(output).toContain('ElectionBaseline-DataStoreClassified');
    expect(output).toContain('Outside/Plain/Resource');
  });

  test('a 30-day retention throws at construction', () => {
    const { status, output } = run({ SHORT: '1' });
    expect(status).not.toBe(0);
    expect(output).toContain("ElectionRecordsBucket 'Outside/Short': retention is 30 days");
  });
});

/**
 * A county's own TypeScript app, written from the documentation alone (the
 * README's example and the construct pages it links: two counties, production
 * and staging, a portal backend, custom domains, an existing key, an admin
 * allow-list, paid WAF features): compiled against the installed package's
 * declarations, synthesized with the packs as the README registers them, and
 * audited by the auditor's CLI on the same assembly.
 */
describe('a county app written from the documentation, on the packed tarball', () => {
  const countyApp = path.join(__dirname, 'county-app', 'county-app.ts');
  let outdir: string;
  let synth: { status: number | null; output: string };

  beforeAll(() => {
    fs.copyFileSync(countyApp, path.join(appDir, 'county-app.ts'));
    fs.writeFileSync(path.join(appDir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true, esModuleInterop: true, skipLibCheck: true, outDir: 'dist', types: ['node'] },
      files: ['county-app.ts'],
    }));
    const tsc = spawnSync('node', [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', appDir], { encoding: 'utf8' });
    if (tsc.status !== 0) throw new Error(`the county app does not compile against the package's declarations:\n${tsc.stdout}${tsc.stderr}`);
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ebc-county-'));
    const run = spawnSync('node', ['dist/county-app.js'], { cwd: appDir, encoding: 'utf8', env: { ...process.env, OUTDIR: outdir } });
    synth = { status: run.status, output: `${run.stdout}${run.stderr}` };
  }, 300_000);

  function audit(...flags: string[]) {
    const run = spawnSync('npx', ['--no-install', 'election-audit', outdir, '--packs', 'election,aws-solutions,nist-800-53-r5', '--format', 'json', ...flags],
      { cwd: appDir, encoding: 'utf8', maxBuffer: 1 << 28 });
    return { status: run.status, stderr: run.stderr, report: JSON.parse(run.stdout) };
  }

  test('synthesizes four county stacks clean under the three packs', () => {
    expect(synth.output).toContain('SYNTH OK');
    expect(synth.status).toBe(0);
    expect(fs.readdirSync(outdir).filter((f) => f.endsWith('.template.json')).sort())
      .toEqual(['AdamsProd.template.json', 'AdamsStaging.template.json', 'BrownProd.template.json', 'BrownStaging.template.json']);
  });

  test("the auditor agrees with the synth: given the state's account, nothing open, and every waiver the synth applied", () => {
    const { status, stderr, report } = audit('--trusted-accounts', '999999999999');
    expect(stderr).toBe('');
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0, templates: 4 });
    expect(report.summary.acknowledged).toBeGreaterThan(100);
    expect(status).toBe(0);
    const waived = new Set(report.waivers.map((w: { ruleId: string }) => w.ruleId));
    for (const rule of ['ElectionBaseline-RetainStatefulResources', 'ElectionBaseline-WafLoggingUnfiltered', 'NIST.800.53.R5-LambdaDLQ']) expect(waived).toContain(rule);
  });

  test("without the state's account, the auditor names it as the one foreign account, once per county stack", () => {
    const { status, report } = audit();
    const open = report.findings.filter((f: { status: string }) => f.status === 'open');
    expect(open.map((f: { ruleId: string; findingId?: string }) => `${f.ruleId}[${f.findingId}]`))
      .toEqual(Array(4).fill('ElectionBaseline-IamRoleTrustNoForeignAccount[Account::999999999999]'));
    expect(open[0].message).toContain('999999999999');
    expect(status).toBe(1);
  });
});
