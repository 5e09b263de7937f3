import * as fs from 'fs';
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import { AuditReport } from '../../lib/audit/model';
import { writeSynthAuditReports } from '../../lib/audit/synth-reports';
import { ElectionBaselineChecks } from '../../lib/election-baseline-checks';
import { readmeCountyResults } from '../helpers/readme-app';
import { auditInProcess, PINNED_ENV, removeTempDirs, tempDir } from '../helpers/audit-harness';

afterAll(removeTempDirs);

/**
 * The app a county writes from the README: the three packs registered with no
 * options, the library's constructs (which acknowledge their own findings) and
 * the agency's own waivers on its role. It synthesizes clean, so
 * `election-audit cdk.out` must report what the synth saw: every finding
 * acknowledged, with the same waivers, read from the cloud assembly's
 * construct metadata whether or not cdk-nag also copies them into the
 * templates (`writeSuppressionsToCloudFormation`).
 */
const PACKS = 'election,aws-solutions,nist-800-53-r5';
const METRICS_REASON = 'cloudwatch:PutMetricData supports no resource-level permissions; the publisher writes results metrics only';
const INLINE_REASON = 'The publisher role has one policy, written with the role and reviewed with it by the county clerk';

function synthesizeCountyApp(writeSuppressionsToCloudFormation: boolean) {
  const dir = tempDir();
  const app = new App({ outdir: path.join(dir, 'cdk.out') });
  const options = writeSuppressionsToCloudFormation ? { writeSuppressionsToCloudFormation } : undefined;
  Validations.of(app).addPlugins(new ElectionBaselineChecks(app, options), new AwsSolutionsChecks(app, options), new NIST80053R5Checks(app, options));
  const publisher = readmeCountyResults(new Stack(app, 'CountyResults'));
  // One id as CDK's validation report spells it (the pack's namespace), one bare.
  Validations.of(publisher).acknowledge(
    { id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]', reason: METRICS_REASON },
    { id: 'NIST.800.53.R5-IAMNoInlinePolicy', reason: INLINE_REASON },
  );
  // Throws if any pack reports a finding that no acknowledgment covers.
  const assembly = app.synth();
  return { dir, app, assembly };
}

const findingKey = (f: AuditReport['findings'][number]) => [f.template, f.logicalId, f.ruleId, f.findingId ?? '', f.status, f.reason ?? '', f.waivedAt ?? ''].join(' | ');
const waiverKey = (w: AuditReport['waivers'][number]) => [w.template, w.ruleId, w.reason, w.madeAt, w.findings, w.problem ?? ''].join(' | ');

describe.each([false, true])('the README\'s app, writeSuppressionsToCloudFormation %s', (writeSuppressions) => {
  const { dir, app, assembly } = synthesizeCountyApp(writeSuppressions);
  const synth = writeSynthAuditReports(app, assembly, { cwd: dir, generatedAt: '2026-11-03T12:00:00.000Z', toolVersion: PINNED_ENV.ELECTION_AUDIT_TOOL_VERSION });
  const run = auditInProcess(['cdk.out', '--packs', PACKS, '-f', 'json'], dir);
  const cli = JSON.parse(run.stdout) as AuditReport;

  test('the templates carry cdk-nag\'s copies of the waivers only when asked to', () => {
    const template = fs.readFileSync(path.join(assembly.directory, 'CountyResults.template.json'), 'utf8');
    expect(template.includes('rules_to_suppress')).toBe(writeSuppressions);
  });

  test('the CLI passes as the synth did: every finding acknowledged, none open', () => {
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(cli.summary).toMatchObject({ errors: 0, warnings: 0 });
    expect(cli.summary.acknowledged).toBeGreaterThanOrEqual(7);
    expect(cli.findings.every((f) => f.status === 'acknowledged')).toBe(true);
  });

  test('the CLI reports the same findings and the same waivers as the synth', () => {
    expect(cli.findings.map(findingKey)).toEqual(synth.findings.map(findingKey));
    expect(cli.waivers.map(waiverKey)).toEqual(synth.waivers.map(waiverKey));
    expect(cli.summary).toEqual(synth.summary);
  });

  test('each waiver is listed once, where it was made: the agency\'s on its role, the library\'s in its constructs', () => {
    expect(cli.waivers.every((w) => w.madeAt.startsWith('construct:') && w.findings === 1)).toBe(true);
    expect(cli.waivers.filter((w) => w.madeAt === 'construct:CountyResults/ResultsPublisher').map((w) => [w.ruleId, w.reason])).toEqual([
      ['AwsSolutions-IAM5[Resource::*]', METRICS_REASON],
      ['NIST.800.53.R5-IAMNoInlinePolicy', INLINE_REASON],
    ]);
    expect(cli.waivers.filter((w) => w.ruleId === 'NIST.800.53.R5-S3BucketReplicationEnabled').map((w) => w.madeAt)).toEqual([
      'construct:CountyResults/RegistrationUploads/Bucket',
      'construct:CountyResults/Results/AccessLogs',
      'construct:CountyResults/Results/Bucket',
    ]);
  });
});
