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

const APP = `
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
