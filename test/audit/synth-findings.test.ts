import * as fs from 'fs';
import * as path from 'path';
import { App, IPolicyValidationContext, PolicyValidationPluginReport, Stack, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks, NagPack } from 'cdk-nag';
import { buildReferenceApp } from '../../bin/reference-app';
import { AuditReport } from '../../lib/audit/model';
import { SynthFindings } from '../../lib/audit/synth-findings';
import { writeSynthAuditReports } from '../../lib/audit/synth-reports';
import { ElectionBaselineChecks } from '../../lib/election-baseline-checks';
import { removeTempDirs, tempDir } from '../helpers/audit-harness';

afterAll(removeTempDirs);

const PINNED = { generatedAt: '2026-11-06T00:00:00.000Z', toolVersion: '0.0.0-test' };
const cdkContext = JSON.parse(fs.readFileSync(path.join(__dirname, '../../cdk.json'), 'utf8')).context;

/** The reference app's report set, written after its synth, with or without reusing what the packs found during it. */
function referenceReport(reuse: boolean): AuditReport {
  const dir = tempDir();
  const app = new App({ outdir: path.join(dir, 'cdk.out'), context: cdkContext });
  const synthFindings = reuse ? new SynthFindings() : undefined;
  buildReferenceApp(app, { synthFindings });
  return writeSynthAuditReports(app, app.synth(), { ...PINNED, cwd: dir, synthFindings });
}

describe('the report set reuses what the packs found during the synth', () => {
  test('the reference app gets the same report either way: findings, waivers, statuses', () => {
    const reused = referenceReport(true);
    const rerun = referenceReport(false);
    expect(reused.findings.length).toBeGreaterThan(0);
    expect(reused.findings.filter((f) => f.status === 'acknowledged').length).toBeGreaterThan(0);
    expect(reused).toEqual(rerun);
  });

  test('a recorded pack keeps its name and its verdict: synth still fails on an open finding and passes on a waived one', () => {
    const recorder = new SynthFindings();
    const app = new App({ outdir: tempDir() });
    const pack = new AwsSolutionsChecks(app);
    const recorded = recorder.record(pack);
    expect(recorded.name).toBe(pack.name);
    Validations.of(app).addPlugins(recorded);
    const bucket = new s3.Bucket(new Stack(app, 'S'), 'Plain');
    expect(() => app.synth({ force: true })).toThrow(/AwsSolutions-S1/);
    const open = recorder.violations('aws-solutions')!;
    expect(open.map((v) => v.ruleName)).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']));
    expect(recorder.violations('election')).toBeUndefined();
    // Waived: the pack, recorded, still lets CDK pass the synth; the record keeps the waived findings for the report.
    Validations.of(bucket).acknowledge(...open.map((v) => ({ id: v.ruleName, reason: 'scratch bucket of this test, deleted with the test run' })));
    expect(() => app.synth({ force: true })).not.toThrow();
    expect(recorder.violations('aws-solutions')!.map((v) => v.ruleName)).toEqual(open.map((v) => v.ruleName));
  });

  test('what the recorder holds is what the report says: a violation only the synth saw is reported', () => {
    const dir = tempDir();
    const app = new App({ outdir: path.join(dir, 'cdk.out') });
    new s3.Bucket(new Stack(app, 'County'), 'Plain');
    const recorder = new SynthFindings();
    // A pack that reports the bucket under a rule of its own: proves the report read the recording, not a second run.
    recorder.record(new PlantedPack('County/Plain/Resource')).validate(contextOf(app));
    const report = writeSynthAuditReports(app, app.synth(), { ...PINNED, cwd: dir, packs: ['election'], synthFindings: recorder });
    expect(report.findings.map((f) => [f.ruleId, f.logicalId, f.stack])).toEqual([['ElectionBaseline-PlantedForTest', expect.stringMatching(/^Plain/), 'County']]);
  });

  test('a pack the recorder did not see, or a finding it cannot place, makes the packs run again', () => {
    const dir = tempDir();
    const app = new App({ outdir: path.join(dir, 'cdk.out') });
    new s3.Bucket(new Stack(app, 'County'), 'Plain');
    const assembly = app.synth();
    const unplaced = new SynthFindings();
    unplaced.record(new PlantedPack('Elsewhere/Thing')).validate(contextOf(app));
    const rerun = writeSynthAuditReports(app, assembly, { ...PINNED, cwd: dir, packs: ['election'], synthFindings: unplaced });
    const fresh = new ElectionBaselineChecks().validateScope(app).violations.map((v) => v.ruleName);
    expect(rerun.findings.map((f) => f.ruleId)).not.toContain('ElectionBaseline-PlantedForTest');
    expect(new Set(rerun.findings.map((f) => f.ruleId))).toEqual(new Set(fresh));
    const missingPack = writeSynthAuditReports(app, assembly, { ...PINNED, cwd: dir, packs: ['election'], synthFindings: new SynthFindings() });
    expect(missingPack.findings).toEqual(rerun.findings);
  });

  test('a plugin that is no cdk-nag pack is registered as it is, and not recorded', () => {
    const plugin = { name: 'ElectionBaseline', validate: () => ({ success: true, violations: [] }) };
    const recorder = new SynthFindings();
    expect(recorder.record(plugin)).toBe(plugin);
  });
});

/** A pack named as ours that reports one violation at `constructPath`, whatever the tree. */
class PlantedPack extends NagPack {
  public readonly name = 'ElectionBaseline';

  constructor(private readonly constructPath: string) {
    super();
    this.packName = 'ElectionBaseline';
  }

  public validateScope(): PolicyValidationPluginReport {
    return {
      success: false,
      violations: [{ ruleName: 'ElectionBaseline-PlantedForTest', description: 'planted', severity: 'error', violatingResources: [{ constructPath: this.constructPath, locations: ['Properties'] }] }],
    };
  }

  protected checkResource(): void {}
}

function contextOf(app: App): IPolicyValidationContext {
  return { templatePaths: [], stackTemplates: [], appConstruct: app } as IPolicyValidationContext;
}
