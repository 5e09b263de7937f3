import * as fs from 'fs';
import * as path from 'path';
import { App, CfnResource, Stack, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks, NagMessageLevel, NagPack, NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { electionJudgesType, withVerdictsObserved } from '../../lib/audit/coverage';
import { auditTemplates } from '../../lib/audit/engine';
import { loadTemplates } from '../../lib/audit/inputs';
import { AuditPackName, AuditReport } from '../../lib/audit/model';
import { SynthFindings } from '../../lib/audit/synth-findings';
import { writeSynthAuditReports } from '../../lib/audit/synth-reports';
import { auditInProcess, fixture, removeTempDirs, tempDir } from '../helpers/audit-harness';

afterAll(removeTempDirs);

const FIXTURES = path.dirname(fixture('x'));
const PINNED = { generatedAt: '2026-11-06T00:00:00.000Z', toolVersion: '0.0.0-test' };
const audit = (packs: AuditPackName[]): AuditReport => auditTemplates(loadTemplates(['vendor-etl.json'], FIXTURES), { packs, ...PINNED });

describe('what the packs that ran did not judge, per template', () => {
  test('the election pack judges the types its rules list: the bucket is judged, the Glue jobs, database and custom resource are not', () => {
    const report = audit(['election']);
    expect(report.templates[0].unjudged).toEqual([
      { type: 'AWS::Glue::Database', resources: 1 },
      { type: 'AWS::Glue::Job', resources: 2 },
      { type: 'Custom::VoterRollImport', resources: 1 },
    ]);
    expect(report.summary).toMatchObject({ resources: 5, unjudged: 4 });
    expect(electionJudgesType('AWS::S3::Bucket')).toBe(true);
    expect(electionJudgesType('AWS::Glue::Job')).toBe(false);
  });

  test('a cdk-nag pack judges what one of its rules gave a verdict on: AwsSolutions judges the Glue jobs, NIST 800-53 does not', () => {
    const all = audit(['election', 'aws-solutions', 'nist-800-53-r5']);
    expect(all.findings.some((f) => f.logicalId === 'CleanJob' && f.ruleId === 'AwsSolutions-GL1')).toBe(true);
    expect(all.templates[0].unjudged).toEqual([
      { type: 'AWS::Glue::Database', resources: 1 },
      { type: 'Custom::VoterRollImport', resources: 1 },
    ]);
    expect(all.summary.unjudged).toBe(2);
    const nist = audit(['nist-800-53-r5']);
    expect(nist.findings.filter((f) => f.resourceType === 'AWS::Glue::Job')).toEqual([]);
    expect(nist.templates[0].unjudged).toEqual([
      { type: 'AWS::Glue::Database', resources: 1 },
      { type: 'AWS::Glue::Job', resources: 2 },
      { type: 'Custom::VoterRollImport', resources: 1 },
    ]);
  });

  test('the CDK\'s version-reporting resource (AWS::CDK::Metadata) deploys nothing to judge and is never listed', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'cdk.json'), JSON.stringify({
      Resources: { CDKMetadata: { Type: 'AWS::CDK::Metadata', Properties: { Analytics: 'v2:deflate64:x' } }, Job: { Type: 'AWS::Glue::Job', Properties: { Role: 'etl', Command: { Name: 'glueetl' } } } },
    }));
    const report = auditTemplates(loadTemplates(['cdk.json'], dir), { packs: ['election'], ...PINNED });
    expect(report.templates[0].unjudged).toEqual([{ type: 'AWS::Glue::Job', resources: 1 }]);
    expect(report.summary).toMatchObject({ resources: 2, unjudged: 1 });
  });

  test('a template whose every resource a rule judged has an empty list', () => {
    const report = auditTemplates(loadTemplates(['secure-buckets.json'], FIXTURES), { packs: ['election'], ...PINNED });
    expect(report.templates[0].unjudged).toEqual([]);
    expect(report.summary.unjudged).toBe(0);
  });
});

describe('observing the verdicts of a cdk-nag pack', () => {
  const stackOf = () => {
    const stack = new Stack(new App(), 'County');
    new s3.CfnBucket(stack, 'Rolls');
    new CfnResource(stack, 'Catalog', { type: 'AWS::Glue::Database', properties: { CatalogId: '111111111111', DatabaseInput: {} } });
    return stack;
  };

  test('records the resources a rule judged, leaves the report as it was, and restores the pack', () => {
    const stack = stackOf();
    const pack = new AwsSolutionsChecks();
    const plain = pack.validateScope(stack);
    const judged = new Set<string>();
    const observed = withVerdictsObserved(pack, judged, () => pack.validateScope(stack));
    expect(observed).toEqual(plain);
    expect([...judged]).toEqual(['County/Rolls']);
    expect(Object.getOwnPropertyDescriptor(pack, 'applyRule')).toBeUndefined();
    expect(pack.validateScope(stack)).toEqual(plain);
  });

  test('a rule that throws judged the resource (cdk-nag reports it as a finding); one not applicable did not', () => {
    const stack = stackOf();
    const pack = new ScriptedPack((node) => {
      if (node.cfnResourceType === 'AWS::S3::Bucket') throw new Error('cannot resolve');
      return NagRuleCompliance.NOT_APPLICABLE;
    });
    const judged = new Set<string>();
    const report = withVerdictsObserved(pack, judged, () => pack.validateScope(stack));
    expect(report.violations.map((v) => v.ruleName)).toEqual(['Scripted-scriptedRule']);
    expect([...judged]).toEqual(['County/Rolls']);
  });
});

describe('the report set written after a synth', () => {
  /** An app with a bucket and a Glue database, AwsSolutions registered through `recorder` (or as it is). */
  function synthApp(dir: string, pack: NagPack, recorder?: SynthFindings) {
    const app = new App({ outdir: path.join(dir, 'cdk.out') });
    Validations.of(app).addPlugins(recorder ? recorder.record(pack) : pack);
    const stack = new Stack(app, 'County');
    const bucket = new s3.Bucket(stack, 'Rolls');
    Validations.of(bucket).acknowledge(...['AwsSolutions-S1', 'AwsSolutions-S10'].map((id) => ({ id, reason: 'scratch bucket of this test, deleted with the test run' })));
    new CfnResource(stack, 'Catalog', { type: 'AWS::Glue::Database', properties: { CatalogId: '111111111111', DatabaseInput: {} } });
    return { app, assembly: app.synth() };
  }

  test('reuses the verdicts recorded during the synth, and says the same as judging the templates again', () => {
    const dir = tempDir();
    const recorder = new SynthFindings();
    const { app, assembly } = synthApp(dir, new AwsSolutionsChecks(), recorder);
    expect([...recorder.judgedPaths('aws-solutions')!]).toContain('County/Rolls/Resource');
    const options = { ...PINNED, cwd: dir, packs: ['aws-solutions'] as AuditPackName[] };
    const reused = writeSynthAuditReports(app, assembly, { ...options, synthFindings: recorder });
    const rerun = writeSynthAuditReports(app, assembly, options);
    expect(reused.templates[0].unjudged).toEqual([{ type: 'AWS::Glue::Database', resources: 1 }]);
    expect(reused.templates).toEqual(rerun.templates);
    expect(reused.summary).toEqual(rerun.summary);
  });

  test('what the recorder holds is what the report says: a pack that judged every resource during the synth leaves nothing unjudged', () => {
    const dir = tempDir();
    const recorder = new SynthFindings();
    const { app, assembly } = synthApp(dir, new ScriptedPack(() => NagRuleCompliance.COMPLIANT, 'AwsSolutions'), recorder);
    const report = writeSynthAuditReports(app, assembly, { ...PINNED, cwd: dir, packs: ['aws-solutions'], synthFindings: recorder });
    expect(report.templates[0].unjudged).toEqual([]);
    expect(recorder.judgedPaths('election')).toBeUndefined();
  });
});

describe('election-audit on a vendor template', () => {
  test('every format says what was not judged; the packs given decide what was', () => {
    const table = auditInProcess(['vendor-etl.json', '--packs', 'election', '-f', 'table', '--fail-on', 'none'], FIXTURES);
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines).toContain('vendor-etl.json (4): AWS::Glue::Database (1), AWS::Glue::Job (2), Custom::VoterRollImport (1)');
    expect(lines[lines.length - 1]).toMatch(/ in 5 resources of 1 template; 4 resources judged by no rule \(packs: election\)$/);
    const json = JSON.parse(auditInProcess(['vendor-etl.json', '--packs', 'election,aws-solutions', '-f', 'json', '--fail-on', 'none'], FIXTURES).stdout);
    expect(json.templates[0].unjudged).toEqual([{ type: 'AWS::Glue::Database', resources: 1 }, { type: 'Custom::VoterRollImport', resources: 1 }]);
    expect(json.summary.unjudged).toBe(2);
    const csv = auditInProcess(['vendor-etl.json', '-f', 'csv', '--fail-on', 'none'], FIXTURES).stdout.trimEnd().split('\r\n');
    expect(csv.filter((row) => row.includes(',unjudged,'))).toHaveLength(3);
  });
});

/** A pack of one rule, applied to every resource, answering as `verdict` does. */
class ScriptedPack extends NagPack {
  public readonly name: string;

  constructor(private readonly verdict: (node: CfnResource) => NagRuleResult, packName = 'Scripted') {
    super();
    this.name = packName;
    this.packName = packName;
  }

  protected checkResource(node: CfnResource): void {
    const verdict = this.verdict;
    this.applyRule({
      info: 'scripted', explanation: 'scripted for this test', level: NagMessageLevel.ERROR, node,
      rule: function scriptedRule(resource: CfnResource) { return verdict(resource); },
    });
  }
}
