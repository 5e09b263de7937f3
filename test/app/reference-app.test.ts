import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import { buildReferenceApp } from '../../bin/reference-app';
import { ElectionBaselineChecks } from '../../lib/election-baseline-checks';

function referenceApp(context: Record<string, unknown> = {}) {
  const app = new App({ context });
  const stacks = buildReferenceApp(app);
  return { app, ...stacks };
}

describe('the reference app', () => {
  const { app, results } = referenceApp();

  test.each([
    ['ElectionBaseline', () => new ElectionBaselineChecks()],
    ['AwsSolutions', () => new AwsSolutionsChecks()],
    ['NIST.800.53.R5', () => new NIST80053R5Checks()],
  ])('has zero violations under %s', (_, pack) => {
    expect(pack().validateScope(app).violations).toEqual([]);
  });

  test('synthesizes with every registered plugin, CDK CloudFormation validation included, reporting nothing', () => {
    const assembly = app.synth();
    const report = JSON.parse(fs.readFileSync(path.join(assembly.directory, 'validation-report.json'), 'utf8'));
    expect(report.pluginReports).toEqual([]);
    expect(assembly.stacks.map((s) => s.stackName)).toEqual(expect.arrayContaining(['ElectionResults', 'ResultsSite', 'SecurityBaseline']));
    expect(Stack.of(results).environment).toBe('aws://unknown-account/unknown-region');
  });

  test('every acknowledgment in every template carries a reason of at least 20 characters, and a construct page lists it', () => {
    const pages = path.join(__dirname, '../../docs/constructs');
    const acknowledgments = fs.readdirSync(pages).map((page) => fs.readFileSync(path.join(pages, page), 'utf8')).join('\n');
    const acks = app.synth().stacks.flatMap((stack) =>
      Object.values(stack.template.Resources as Record<string, { Metadata?: { cdk_nag?: { rules_to_suppress: Array<{ id: string; reason: string }> } } }>)
        .flatMap((r) => r.Metadata?.cdk_nag?.rules_to_suppress ?? []));
    expect(acks.length).toBeGreaterThan(0);
    const unlisted = [...new Set(acks.filter((ack) => !acknowledgments.includes(`\`${ack.id}\``)).map((ack) => ack.id))];
    expect(unlisted).toEqual([]);
    for (const ack of acks) expect(ack.reason.length).toBeGreaterThanOrEqual(20);
  });
});

describe('cdk.json', () => {
  const cdkJson = JSON.parse(fs.readFileSync(path.join(__dirname, '../../cdk.json'), 'utf8'));

  test('synth makes no network call: no notices, no telemetry', () => {
    expect(cdkJson.notices).toBe(false);
    expect(cdkJson.context['cli-telemetry']).toBe(false);
  });

  test('runs the app without type-checking it on every synth, and keeps CDK validation strict', () => {
    expect(cdkJson.app).toContain('ts-node/register/transpile-only');
    expect(cdkJson.app).toContain('bin/app.ts');
    expect(cdkJson.context['@aws-cdk/core:validateAgainstDefaultRules']).toBe(true);
    expect(cdkJson.context['@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy']).toBe(true);
  });
});

describe('settings from context', () => {
  test('retention and alert email are applied', () => {
    const { results } = referenceApp({ recordsRetentionDays: '1000', alertEmail: 'soc@county.example.gov', agencyName: 'Adams County' });
    const template = Template.fromStack(results);
    template.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 1000 } } },
    });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'soc@county.example.gov' });
    template.hasResourceProperties('AWS::S3::Bucket', { Tags: [{ Key: 'election:agency', Value: 'Adams County' }, { Key: 'election:data-class', Value: 'election-records' }] });
  });

  test('no alert email means no subscription', () => {
    Template.fromStack(referenceApp().results).resourceCountIs('AWS::SNS::Subscription', 0);
  });

  test.each([
    [{ recordsRetentionDays: '30' }, "ElectionRecordsBucket 'ElectionResults/ResultsRecords': retention is 30 days"],
    [{ recordsRetentionDays: 'two years' }, "Context 'recordsRetentionDays' is 'two years': give a whole number of days, at least 672"],
    [{ alertEmail: 'not-an-address' }, "Context 'alertEmail' is 'not-an-address'"],
    [{ agencyName: '<script>' }, "Context 'agencyName' is '<script>'"],
    [{ agencyName: "Clerk's Office, Adams County" }, 'AWS tag values allow no other characters'],
    [{ agencyName: 'x'.repeat(81) }, 'use 1 to 80 letters'],
  ])('bad context %o is a clear error', (context, message) => {
    expect(() => referenceApp(context)).toThrow(message);
  });
});

describe('bin/app.ts, as `cdk synth` runs it', () => {
  test('ends by saying where the report set went and its summary line', () => {
    // Relative, as `cdk synth` gives it (CDK_OUTDIR=cdk.out), below the working directory.
    const root = path.join(__dirname, '../..');
    fs.mkdirSync(path.join(root, 'test/__artifacts__'), { recursive: true });
    const outdir = fs.mkdtempSync(path.join(root, 'test/__artifacts__', 'ref-app-'));
    const run = spawnSync('node', ['-r', 'ts-node/register/transpile-only', 'bin/app.ts'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, CDK_OUTDIR: path.relative(root, outdir) },
    });
    expect(run.status).toBe(0);
    const lines = run.stderr.trim().split('\n');
    expect(lines[lines.length - 1]).toMatch(
      /^election-audit: report set written to \S*election-audit\/ \(election-audit\.txt, election-audit\.json, .*election-audit\.html, evidence-manifest\.json, election-audit\.component-definition\.json\): 0 errors, 0 warnings, \d+ acknowledged in \d+ resources of 4 templates; \d+ resources judged by no rule \(packs: election, aws-solutions, nist-800-53-r5\)$/);
    expect(fs.existsSync(path.join(outdir, 'election-audit', 'election-audit.html'))).toBe(true);
    fs.rmSync(outdir, { recursive: true, force: true });
  });
});
