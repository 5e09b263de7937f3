import * as fs from 'fs';
import * as path from 'path';
import { auditTemplates } from '../../lib/audit/engine';
import { loadTemplates } from '../../lib/audit/inputs';
import { AuditPackName, AuditReport } from '../../lib/audit/model';
import { unqualifiedRuleId } from '../../lib/pack/waivers';
import { ELECTION_RULES } from '../../lib/rules';
import { auditInProcess, fixture, tempDir, removeTempDirs } from '../helpers/audit-harness';

afterAll(removeTempDirs);

/** Waivers read from Metadata.cdk_nag.rules_to_suppress of a bare template. */

const FIXTURES = path.dirname(fixture('x'));
const audit = (file: string, packs: AuditPackName[] = ['election'], cwd = FIXTURES): AuditReport => auditTemplates(loadTemplates([file], cwd), { packs });
const finding = (report: AuditReport, logicalId: string, ruleId: string, findingId?: string) =>
  report.findings.find((f) => f.logicalId === logicalId && f.ruleId === ruleId && f.findingId === findingId);
const waiver = (report: AuditReport, ruleId: string) => report.waivers.find((w) => w.ruleId === ruleId)!;

describe('waivers in the template', () => {
  const report = audit('waivers.json');

  test('a sound waiver acknowledges its finding, with the reason, where it was made and the controls it waives', () => {
    expect(finding(report, 'Scratch', 'ElectionBaseline-S3BucketVersioning')).toMatchObject({
      status: 'acknowledged',
      reason: 'Scratch exports are regenerated nightly from the registration system of record',
      waivedAt: 'metadata:waivers.json#Scratch',
    });
    expect(waiver(report, 'ElectionBaseline-S3BucketVersioning')).toEqual({
      ruleId: 'ElectionBaseline-S3BucketVersioning',
      reason: 'Scratch exports are regenerated nightly from the registration system of record',
      madeAt: 'metadata:waivers.json#Scratch',
      template: 'waivers.json',
      stack: 'waivers',
      controls: [...ELECTION_RULES.find((r) => r.name === 'S3BucketVersioning')!.controls],
      findings: 1,
      origin: 'agency',
    });
  });

  test('a reason under 20 characters is an error, and holds nothing', () => {
    expect(finding(report, 'Scratch', 'ElectionBaseline-S3BucketNoAcls')).toMatchObject({ status: 'open' });
    expect(finding(report, 'Scratch', 'ElectionBaseline-S3BucketNoAcls')!.reason).toBeUndefined();
    expect(waiver(report, 'ElectionBaseline-S3BucketNoAcls').problem).toBe('the reason has 11 characters; a waiver needs at least 20 that an auditor can check');
  });

  test('a waiver of a rule that cannot be waived is an error, and its finding stays open', () => {
    expect(finding(report, 'Scratch', 'ElectionBaseline-S3BucketTlsOnly')).toMatchObject({ status: 'open', level: 'error' });
    expect(waiver(report, 'ElectionBaseline-S3BucketTlsOnly')).toMatchObject({
      problem: 'ElectionBaseline-S3BucketTlsOnly cannot be waived: its findings stay open',
      findings: 1,
    });
  });

  test('the summary counts open errors plus waivers with a problem', () => {
    const openErrors = report.findings.filter((f) => f.status === 'open' && f.level === 'error').length;
    // The export policy's s3:* on "*" fails S3RecordsNoRetentionBypass, IamNoAdminAccess, and IamNoAuditLogTampering once for
    // each of its ten actions on the AccessLogs bucket.
    expect(openErrors).toBe(14);
    expect(report.summary).toMatchObject({ errors: openErrors + 2, acknowledged: 1, warnings: 0 });
  });

  test('a waiver of another pack\'s rule is listed even when that pack did not run', () => {
    expect(waiver(report, 'AwsSolutions-IAM5[Action::s3:*]')).toMatchObject({ madeAt: 'metadata:waivers.json#ExportPolicy', findings: 0 });
  });
});

describe('cdk-nag packs and granular findings', () => {
  const report = audit('waivers.json', ['election', 'aws-solutions', 'nist-800-53-r5']);

  test('applies_to waives only the finding it names', () => {
    expect(finding(report, 'ExportPolicy', 'AwsSolutions-IAM5', 'Action::s3:*')).toMatchObject({
      status: 'acknowledged',
      pack: 'aws-solutions',
      reason: 'The export job reads and writes every object of the scratch bucket',
    });
    expect(finding(report, 'ExportPolicy', 'AwsSolutions-IAM5', 'Resource::*')).toMatchObject({ status: 'open' });
  });

  test('NIST rules carry the catalogue controls named in cdk-nag\'s rule text, and the CIS and CPG ids that apply', () => {
    const nist = report.findings.filter((f) => f.pack === 'nist-800-53-r5');
    expect(nist.length).toBeGreaterThan(0);
    for (const f of nist) expect(f.controls.some((id) => /^NIST-800-53-r5:[A-Z]{2}-\d+(\(\d+\))?$/.test(id))).toBe(true);
    for (const f of nist) for (const id of f.controls) expect(id).toMatch(/^(NIST-800-53-r5:[A-Z]{2}-\d+(\(\d+\))?|CIS-v8:\d+\.\d+|CISA-CPG:\d+\.[A-Z]+)$/);
    expect(report.rules.find((r) => r.ruleId === 'NIST.800.53.R5-S3BucketReplicationEnabled')?.controls).toEqual(
      expect.arrayContaining(['NIST-800-53-r5:AU-9(2)', 'NIST-800-53-r5:CP-9', 'NIST-800-53-r5:CP-10']),
    );
  });

  test('every pack run lists its rules; findings are sorted by template, resource, pack and rule', () => {
    expect(report.packs).toEqual(['election', 'aws-solutions', 'nist-800-53-r5']);
    expect(new Set(report.rules.map((r) => r.pack))).toEqual(new Set(report.packs));
    const keys = report.findings.map((f) => [f.logicalId, ['election', 'aws-solutions', 'nist-800-53-r5'].indexOf(f.pack), f.ruleId, f.findingId ?? ''].join('\u0000'));
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  test('--packs through the CLI', () => {
    const run = auditInProcess(['waivers.json', '--packs', 'aws-solutions', '-f', 'json'], FIXTURES);
    const json = JSON.parse(run.stdout) as AuditReport;
    expect(json.packs).toEqual(['aws-solutions']);
    expect(json.findings.every((f) => f.pack === 'aws-solutions')).toBe(true);
    expect(json.findings.map((f) => `${f.ruleId}[${f.findingId ?? ''}] ${f.status}`)).toEqual(
      expect.arrayContaining(['AwsSolutions-IAM5[Action::s3:*] acknowledged', 'AwsSolutions-IAM5[Resource::*] open']),
    );
    expect(run.code).toBe(1);
  });
});

describe('the forms cdk-nag v2 wrote', () => {
  function withSuppressions(rules: unknown[]): AuditReport {
    const dir = tempDir();
    const template = JSON.parse(fs.readFileSync(fixture('waivers.json'), 'utf8'));
    template.Resources.ExportPolicy.Metadata.cdk_nag.rules_to_suppress = rules;
    fs.writeFileSync(path.join(dir, 'v2.json'), JSON.stringify(template));
    return audit('v2.json', ['aws-solutions'], dir);
  }
  const reason = 'The export job owns the scratch bucket outright';

  test('an id without applies_to covers every granular finding of the rule', () => {
    const report = withSuppressions([{ id: 'AwsSolutions-IAM5', reason }]);
    expect(report.findings.filter((f) => f.ruleId === 'AwsSolutions-IAM5').map((f) => f.status)).toEqual(['acknowledged', 'acknowledged']);
    expect(waiver(report, 'AwsSolutions-IAM5').findings).toBe(2);
  });

  test('applies_to as a regex covers the findings it matches', () => {
    const report = withSuppressions([{ id: 'AwsSolutions-IAM5', reason, applies_to: [{ regex: '/^Resource::.*$/g' }] }]);
    expect(finding(report, 'ExportPolicy', 'AwsSolutions-IAM5', 'Resource::*')!.status).toBe('acknowledged');
    expect(finding(report, 'ExportPolicy', 'AwsSolutions-IAM5', 'Action::s3:*')!.status).toBe('open');
    expect(waiver(report, 'AwsSolutions-IAM5[/^Resource::.*$/g]').findings).toBe(1);
  });

  test('the v3 form, the finding in the id, covers that finding only', () => {
    const report = withSuppressions([{ id: 'AwsSolutions-IAM5[Resource::*]', reason }]);
    expect(finding(report, 'ExportPolicy', 'AwsSolutions-IAM5', 'Resource::*')!.status).toBe('acknowledged');
    expect(finding(report, 'ExportPolicy', 'AwsSolutions-IAM5', 'Action::s3:*')!.status).toBe('open');
  });

  test('a v3 copy that keeps the pack\'s namespace on the id names the same rule', () => {
    const report = withSuppressions([{ id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]', reason }]);
    expect(finding(report, 'ExportPolicy', 'AwsSolutions-IAM5', 'Resource::*')!.status).toBe('acknowledged');
    expect(waiver(report, 'AwsSolutions-IAM5[Resource::*]').findings).toBe(1);
  });
});

describe('unqualifiedRuleId', () => {
  test.each([
    ['Annotation::AwsSolutions-S1', 'AwsSolutions-S1'],
    ['AwsSolutions::AwsSolutions-IAM5[Action::s3:*]', 'AwsSolutions-IAM5[Action::s3:*]'],
    ['AwsSolutions-IAM5[Action::s3:*]', 'AwsSolutions-IAM5[Action::s3:*]'],
    ['ElectionBaseline-S3BucketVersioning', 'ElectionBaseline-S3BucketVersioning'],
  ])('%s names %s', (id, ruleId) => {
    expect(unqualifiedRuleId(id)).toBe(ruleId);
  });
});
