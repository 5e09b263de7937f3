import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { auditTemplates } from '../../lib/audit/engine';
import { loadTemplates } from '../../lib/audit/inputs';
import { AuditFinding, AuditReport } from '../../lib/audit/model';
import { ELECTION_RULES } from '../../lib/rules';
import { auditInProcess, fixture, lineOfKey, tempDir, removeTempDirs } from '../helpers/audit-harness';

afterAll(removeTempDirs);

/** Hand-written templates with no CDK metadata, judged from the file alone. */

const FIXTURES = path.dirname(fixture('x'));
const audit = (file: string, packs: string[] = ['election']): AuditReport =>
  auditTemplates(loadTemplates([file], FIXTURES), { packs: packs as never, generatedAt: '2026-01-01T00:00:00.000Z', toolVersion: 't' });
const brief = (f: AuditFinding) => `${f.logicalId} ${f.findingId ? `${f.ruleId}[${f.findingId}]` : f.ruleId} ${f.status}`;
const controlsOf = (name: string) => ELECTION_RULES.find((r) => r.name === name)!.controls;

const PLAIN_BUCKET_RULES = [
  'DataStoreClassified', 'RetainStatefulResources', 'S3BucketCustomerManagedKey', 'S3BucketNoAcls', 'S3BucketPublicAccessBlocked',
  'S3BucketServerAccessLogs', 'S3BucketTlsOnly', 'S3BucketVersioning', 'S3RecordsObjectLock', 'S3SensitiveBucketRetained',
];
const INSECURE = [
  ...PLAIN_BUCKET_RULES.map((rule) => `Plain ElectionBaseline-${rule} open`),
  'VoterRolls ElectionBaseline-S3BucketCustomerManagedKey open',
  'VoterRolls ElectionBaseline-S3BucketTlsOnly open',
];

describe('a hardened template', () => {
  test('has no findings, and the CLI exits 0', () => {
    const report = audit('secure-buckets.json');
    expect(report.findings).toEqual([]);
    expect(report.summary).toEqual({ errors: 0, warnings: 0, acknowledged: 0, resources: 5, unjudged: 0, templates: 1 });
    expect(report.templates).toEqual([{ template: 'secure-buckets.json', stack: 'secure-buckets', resources: 5, unjudged: [] }]);
    expect(auditInProcess(['secure-buckets.json', '-f', 'json'], FIXTURES).code).toBe(0);
  });
});

describe('a template weakened in known ways', () => {
  const report = audit('insecure-buckets.json');

  test('gets exactly the findings its weaknesses call for', () => {
    expect(report.findings.map(brief)).toEqual(INSECURE);
    expect(report.summary).toEqual({ errors: 12, warnings: 0, acknowledged: 0, resources: 5, unjudged: 0, templates: 1 });
  });

  test('each finding names the file, the line of its logical id, the data class and the rule\'s controls', () => {
    const tls = report.findings.find((f) => f.logicalId === 'VoterRolls' && f.ruleId === 'ElectionBaseline-S3BucketTlsOnly')!;
    expect(tls).toEqual({
      ruleId: 'ElectionBaseline-S3BucketTlsOnly',
      pack: 'election',
      level: 'error',
      status: 'open',
      template: 'insecure-buckets.json',
      stack: 'insecure-buckets',
      logicalId: 'VoterRolls',
      resourceType: 'AWS::S3::Bucket',
      message: expect.stringContaining('does not deny requests made without TLS'),
      controls: [...controlsOf('S3BucketTlsOnly')],
      dataClass: 'voter-pii',
      line: lineOfKey(fixture('insecure-buckets.json'), 'VoterRolls'),
    });
    const plain = report.findings.filter((f) => f.logicalId === 'Plain');
    expect(plain.every((f) => f.dataClass === undefined && f.line === lineOfKey(fixture('insecure-buckets.json'), 'Plain'))).toBe(true);
  });

  test('the CLI exits 1 at the default --fail-on error', () => {
    const run = auditInProcess(['insecure-buckets.json', '-f', 'csv'], FIXTURES);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\r\n').filter((row) => row.length > 0)).toHaveLength(1 + INSECURE.length);
  });
});

describe('YAML with short-form intrinsics', () => {
  const [loaded] = loadTemplates(['insecure-buckets.yaml'], FIXTURES);

  test('reads every short form as its long form', () => {
    const props = (id: string) => loaded.resources[id].Properties as Record<string, unknown>;
    expect(props('AccessLogsPolicy').Bucket).toEqual({ Ref: 'AccessLogs' });
    expect(props('VoterRolls').BucketName).toEqual({ 'Fn::If': ['IsProduction', { 'Fn::Sub': 'voter-rolls-${AWS::AccountId}' }, { Ref: 'AWS::NoValue' }] });
    expect(props('RecordsKey').Description).toEqual({
      'Fn::Join': ['-', [{ 'Fn::FindInMap': ['Regions', 'us-east-1', 'Suffix'] }, { 'Fn::Select': [0, { 'Fn::Split': [',', 'a,b'] }] }]],
    });
    const statement = ((props('AccessLogsPolicy').PolicyDocument as { Statement: Array<Record<string, unknown>> }).Statement);
    expect(statement[0].Resource).toEqual([{ 'Fn::GetAtt': ['AccessLogs', 'Arn'] }, { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['AccessLogs', 'Arn'] }, '/*']] }]);
    expect(loaded.template.Conditions).toEqual({
      IsProduction: { 'Fn::Equals': [{ Ref: 'AWS::AccountId' }, '111111111111'] },
      NotProduction: { 'Fn::Not': [{ Condition: 'IsProduction' }] },
      Anywhere: { 'Fn::Or': [{ Condition: 'IsProduction' }, { 'Fn::And': [{ Condition: 'NotProduction' }, { 'Fn::Equals': ['a', 'a'] }] }] },
    });
    expect(loaded.template.Outputs).toEqual({
      RollsArn: { Value: { 'Fn::GetAtt': ['VoterRolls', 'Arn'] } },
      Zones: { Value: { 'Fn::Join': [',', { 'Fn::GetAZs': '' }] } },
      Encoded: { Value: { 'Fn::Base64': 'plain' } },
      Blocks: { Value: { 'Fn::Select': [0, { 'Fn::Cidr': ['10.0.0.0/16', 4, 8] }] } },
      Imported: { Value: { 'Fn::ImportValue': 'shared-network-vpc' } },
    });
    expect(loaded.template.AWSTemplateFormatVersion).toBe('2010-09-09');
  });

  test('gets the same findings as the JSON template, with the YAML lines', () => {
    const report = audit('insecure-buckets.yaml');
    expect(report.findings.map(brief)).toEqual(INSECURE);
    const lines = fs.readFileSync(fixture('insecure-buckets.yaml'), 'utf8').split('\n');
    for (const finding of report.findings) expect(lines[finding.line! - 1]).toBe(`  ${finding.logicalId}:`);
  });

  test('leaves no copy behind in the temporary directory', () => {
    // A temporary directory of its own: other suites' audits run in parallel and use the shared one.
    const own = fs.mkdtempSync(path.join(os.tmpdir(), 'yaml-copy-'));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = own;
    try {
      audit('insecure-buckets.yaml');
      expect(fs.readdirSync(own).filter((name) => name.startsWith('election-audit-'))).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      fs.rmSync(own, { recursive: true, force: true });
    }
  });
});

describe('templates that CDK writes with newer intrinsics', () => {
  test('a weak cross-stack reference (Fn::GetStackOutput) is judged, not refused', () => {
    const dir = tempDir();
    const template = JSON.parse(fs.readFileSync(fixture('insecure-buckets.json'), 'utf8'));
    template.Resources.VoterRolls.Properties.LoggingConfiguration.DestinationBucketName = {
      'Fn::GetStackOutput': { StackName: 'Logging', OutputName: 'AccessLogsBucketName', Region: { Ref: 'AWS::Region' } },
    };
    fs.writeFileSync(path.join(dir, 'weak.json'), JSON.stringify(template, null, 1));
    const report = auditTemplates(loadTemplates(['weak.json'], dir), { packs: ['election', 'aws-solutions'] });
    expect(report.findings.filter((f) => f.pack === 'election').map(brief)).toEqual(INSECURE);
    expect(report.findings.filter((f) => f.pack === 'aws-solutions').map(brief)).toContain('VoterRolls AwsSolutions-S10 open');
  });
});
