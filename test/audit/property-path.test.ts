import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { auditTemplates } from '../../lib/audit/engine';
import { loadTemplates } from '../../lib/audit/inputs';
import { AuditFinding, AuditReport } from '../../lib/audit/model';
import { SynthFindings } from '../../lib/audit/synth-findings';
import { writeSynthAuditReports } from '../../lib/audit/synth-reports';
import { ElectionBaselineChecks } from '../../lib/election-baseline-checks';
import { auditInProcess, fixture, removeTempDirs, tempDir } from '../helpers/audit-harness';

afterAll(removeTempDirs);

/** A finding names the property at fault (`propertyPath`) when its rule does (`ElectionRule.faultPath`), on both paths. */

const PINNED = { generatedAt: '2026-11-06T00:00:00.000Z', toolVersion: '0.0.0-test' };
const FIXTURES = path.dirname(fixture('x'));
const findingOf = (findings: readonly AuditFinding[], logicalId: string, rule: string) =>
  findings.find((f) => f.logicalId === logicalId && f.ruleId === `ElectionBaseline-${rule}`);

describe('election-audit on a bare template', () => {
  const report = auditTemplates(loadTemplates(['insecure-buckets.json'], FIXTURES), { packs: ['election', 'aws-solutions'], ...PINNED });

  test('a finding of a rule that names its property carries the path, even where the property is absent', () => {
    expect(findingOf(report.findings, 'Plain', 'S3BucketVersioning')?.propertyPath).toBe('Properties.VersioningConfiguration.Status');
    expect(findingOf(report.findings, 'Plain', 'S3BucketCustomerManagedKey')?.propertyPath).toBe('Properties.BucketEncryption');
    expect(findingOf(report.findings, 'Plain', 'RetainStatefulResources')?.propertyPath).toBe('DeletionPolicy');
  });

  test('a rule without faultPath, and a cdk-nag pack, give none', () => {
    const tls = findingOf(report.findings, 'Plain', 'S3BucketTlsOnly');
    expect(tls).toBeDefined();
    expect(tls).not.toHaveProperty('propertyPath');
    const solutions = report.findings.filter((f) => f.pack === 'aws-solutions');
    expect(solutions.length).toBeGreaterThan(0);
    expect(solutions.filter((f) => f.propertyPath !== undefined)).toEqual([]);
  });

  test('the CLI\'s JSON report carries it', () => {
    const run = auditInProcess(['insecure-buckets.json', '-f', 'json'], FIXTURES);
    const printed = JSON.parse(run.stdout) as AuditReport;
    expect(findingOf(printed.findings, 'Plain', 'S3BucketVersioning')?.propertyPath).toBe('Properties.VersioningConfiguration.Status');
  });
});

describe('at synth', () => {
  /** A stack whose function URL takes anyone (LambdaFunctionUrlAuth at `Properties.AuthType`), every finding waived so the synth passes. */
  function publicUrlStack(app: App): Stack {
    const stack = new Stack(app, 'County');
    new lambda.CfnUrl(stack, 'Url', { authType: 'NONE', targetFunctionArn: 'arn:aws:lambda:us-east-1:111111111111:function:lookup' });
    const found = new ElectionBaselineChecks().validateScope(stack).violations.map((v) => v.ruleName);
    Validations.of(stack).acknowledge(...found.map((id) => ({ id, reason: 'fixture of the property path test, never deployed' })));
    return stack;
  }

  test('the pack\'s plugin report locates the violation at the property; cdk-nag\'s own packs keep the resource', () => {
    const stack = new Stack(new App(), 'County');
    new lambda.CfnUrl(stack, 'Url', { authType: 'NONE', targetFunctionArn: 'arn:aws:lambda:us-east-1:111111111111:function:lookup' });
    const election = new ElectionBaselineChecks().validateScope(stack).violations;
    expect(election.find((v) => v.ruleName === 'ElectionBaseline-LambdaFunctionUrlAuth')?.violatingResources)
      .toEqual([{ constructPath: 'County/Url', locations: ['Properties.AuthType'] }]);
    new s3.CfnBucket(stack, 'Plain');
    const solutions = new AwsSolutionsChecks().validateScope(stack).violations.flatMap((v) => v.violatingResources.flatMap((r) => r.locations ?? []));
    expect(solutions.length).toBeGreaterThan(0);
    expect(new Set(solutions)).toEqual(new Set(['Properties']));
  });

  test('the report set written after the synth carries the path, from the recorded findings and from judging again', () => {
    const dir = tempDir();
    const app = new App({ outdir: path.join(dir, 'cdk.out') });
    const recorder = new SynthFindings();
    Validations.of(app).addPlugins(recorder.record(new ElectionBaselineChecks()));
    publicUrlStack(app);
    const assembly = app.synth();
    const options = { ...PINNED, cwd: dir, packs: ['election' as const] };
    const reused = writeSynthAuditReports(app, assembly, { ...options, synthFindings: recorder });
    const rerun = writeSynthAuditReports(app, assembly, options);
    for (const report of [reused, rerun]) {
      const finding = report.findings.find((f) => f.ruleId === 'ElectionBaseline-LambdaFunctionUrlAuth');
      expect(finding).toMatchObject({ status: 'acknowledged', propertyPath: 'Properties.AuthType' });
    }
    expect(reused.findings).toEqual(rerun.findings);
  });
});
