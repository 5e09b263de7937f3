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

describe('the packed tarball in an outside app', () => {
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
    ], { cwd: appDir, stdio: 'pipe' });
  }, 300_000);

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
