import * as fs from 'fs';
import * as path from 'path';
import { App, NestedStack, Stack, Stage, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { auditTemplates } from '../../lib/audit/engine';
import { loadTemplates } from '../../lib/audit/inputs';
import { AuditReport } from '../../lib/audit/model';
import { writeSynthAuditReports } from '../../lib/audit/synth-reports';
import { tempDir, removeTempDirs } from '../helpers/audit-harness';

afterAll(removeTempDirs);

/**
 * A cloud assembly with a nested stack and a Stage (a nested assembly), and
 * CDK acknowledgments at several levels of the construct tree. No pack is
 * registered on the app, so it synthesizes whatever its findings.
 */
function synthesize() {
  const dir = tempDir();
  const app = new App({ outdir: path.join(dir, 'cdk.out') });
  const parent = new Stack(app, 'Parent');
  const child = new NestedStack(parent, 'Child');
  const scratch = new s3.Bucket(child, 'Scratch');
  const inner = new Stack(new Stage(app, 'Prod'), 'Inner');
  new s3.Bucket(inner, 'Plain');
  Validations.of(app).acknowledge({ id: 'ElectionBaseline-S3BucketServerAccessLogs', reason: 'Access logs are shipped by the county SIEM agent' });
  Validations.of(child).acknowledge({ id: 'ElectionBaseline-S3BucketVersioning', reason: 'Nested scratch space, rebuilt from source on every deploy' });
  Validations.of(scratch).acknowledge({ id: 'ElectionBaseline-S3BucketVersioning', reason: 'The bucket-level waiver is the nearer one and wins' });
  Validations.of(inner).acknowledge({ id: 'ElectionBaseline-S3BucketTlsOnly', reason: 'too slow' });
  return { dir, app, assembly: app.synth() };
}

describe('a cloud assembly', () => {
  const { dir, app, assembly } = synthesize();
  const cli = auditTemplates(loadTemplates(['cdk.out'], dir));
  const synth: AuditReport = writeSynthAuditReports(app, assembly, { packs: ['election'], cwd: dir });
  const nestedStack = cli.templates.find((t) => t.stack.startsWith('Parent/'))!;
  const innerStack = cli.templates.find((t) => t.stack.startsWith('ProdInner'))!.stack;

  test('means every stack template, nested stacks and Stages included', () => {
    expect(cli.templates.map((t) => t.stack)).toEqual(['Parent', nestedStack.stack, innerStack]);
    expect(nestedStack.stack).toMatch(/^Parent\/ChildNestedStack/);
    expect(nestedStack.template).toMatch(/^cdk\.out\/ParentChild[0-9A-F]{8}\.nested\.template\.json$/);
    expect(cli.templates[2].template).toBe(`cdk.out/assembly-Prod/${innerStack}.template.json`);
    expect(cli.findings.filter((f) => f.template === nestedStack.template).map((f) => f.ruleId)).toContain('ElectionBaseline-S3BucketVersioning');
  });

  test('audited from the assembly alone, it has every waiver made on a stack or below, as at synth', () => {
    const key = (w: AuditReport['waivers'][number]) => `${w.template} ${w.madeAt} ${w.ruleId} ${w.reason} ${w.findings} ${w.problem ?? ''}`;
    expect(cli.waivers.map(key)).toEqual(synth.waivers.filter((w) => w.madeAt !== 'construct:/').map(key));
    expect(cli.waivers.map((w) => w.madeAt)).toEqual(['construct:Parent/Child', 'construct:Parent/Child/Scratch', 'construct:Prod/Inner']);
  });

  test('a waiver made on the App is in no stack\'s metadata: CDK writes none for the App, so only synth sees it', () => {
    const logs = (report: AuditReport) => report.findings.filter((f) => f.ruleId === 'ElectionBaseline-S3BucketServerAccessLogs').map((f) => f.status);
    expect(logs(cli)).toEqual(['open', 'open']);
    expect(logs(synth)).toEqual(['acknowledged', 'acknowledged']);
    const others = (report: AuditReport) => report.findings.filter((f) => f.ruleId !== 'ElectionBaseline-S3BucketServerAccessLogs');
    expect(others(cli)).toEqual(others(synth));
  });

  test('at synth, the nearest construct waiver acknowledges a finding', () => {
    const versioning = synth.findings.find((f) => f.template === nestedStack.template && f.ruleId === 'ElectionBaseline-S3BucketVersioning')!;
    expect(versioning).toMatchObject({ status: 'acknowledged', waivedAt: 'construct:Parent/Child/Scratch', reason: 'The bucket-level waiver is the nearer one and wins' });
  });

  test('a waiver made on the App covers every stack and is listed with each template it covers', () => {
    const logs = synth.findings.filter((f) => f.ruleId === 'ElectionBaseline-S3BucketServerAccessLogs');
    expect(logs).toHaveLength(2);
    expect(logs.every((f) => f.status === 'acknowledged' && f.waivedAt === 'construct:/')).toBe(true);
    expect(synth.waivers.filter((w) => w.madeAt === 'construct:/').map((w) => [w.stack, w.findings])).toEqual([
      ['Parent', 0],
      [nestedStack.stack, 1],
      [innerStack, 1],
    ]);
  });

  test('a short reason on a rule that cannot be waived is an error twice over, and the finding stays open', () => {
    const tls = synth.findings.find((f) => f.stack === innerStack && f.ruleId === 'ElectionBaseline-S3BucketTlsOnly')!;
    expect(tls.status).toBe('open');
    const waiver = synth.waivers.find((w) => w.madeAt === 'construct:Prod/Inner')!;
    expect(waiver.problem).toBe(
      'ElectionBaseline-S3BucketTlsOnly cannot be waived: its findings stay open; the reason has 8 characters; a waiver needs at least 20 that an auditor can check',
    );
    const openErrors = synth.findings.filter((f) => f.status === 'open' && f.level === 'error').length;
    expect(synth.summary.errors).toBe(openErrors + synth.waivers.filter((w) => w.problem).length);
  });
});

describe('an assembly written to a relative outdir, as `cdk synth` gives the app (CDK_OUTDIR=cdk.out)', () => {
  test('gets its report set inside the assembly, not in a doubled path', () => {
    const dir = tempDir();
    const previous = process.cwd();
    process.chdir(dir);
    try {
      const app = new App({ outdir: 'cdk.out' });
      new s3.Bucket(new Stack(app, 'Plain'), 'Bucket');
      const assembly = app.synth();
      expect(path.isAbsolute(assembly.directory)).toBe(false);
      writeSynthAuditReports(app, assembly, { packs: ['election'] });
      expect(fs.existsSync(path.join(dir, 'cdk.out', 'election-audit', 'election-audit.json'))).toBe(true);
      // `cdk.out/cdk.out` is the assembly's version file, which the doubled path used to run into.
      expect(fs.statSync(path.join(dir, 'cdk.out', 'cdk.out')).isFile()).toBe(true);
    } finally {
      process.chdir(previous);
    }
  });
});
