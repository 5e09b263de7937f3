import * as path from 'path';
import { runCli } from '../../lib/audit/cli';
import { AuditFinding, AuditReport } from '../../lib/audit/model';
import { DEFAULT_TABLE_WIDTH } from '../../lib/reports';
import { renderTable } from '../../lib/reports/table';
import { PINNED_ENV } from '../helpers/audit-harness';
import { sampleAuditReport } from '../fixtures/audit-report';

const base: AuditFinding = {
  ruleId: 'ElectionBaseline-S3BucketTlsOnly',
  pack: 'election',
  level: 'error',
  status: 'open',
  template: 't.json',
  stack: 'Votes',
  logicalId: 'Rolls',
  resourceType: 'AWS::S3::Bucket',
  message: 'The bucket policy does not deny requests made without TLS.',
  controls: [],
  line: 7,
};

const small: AuditReport = {
  tool: { name: 'election-audit', version: 't' },
  generatedAt: '2026-01-01T00:00:00.000Z',
  asOf: '2026-01-01',
  summary: { errors: 2, warnings: 1, acknowledged: 0, resources: 3, unjudged: 0, templates: 1 },
  packs: ['election', 'aws-solutions'],
  templates: [],
  rules: [],
  findings: [base, { ...base, ruleId: 'AwsSolutions-IAM5', findingId: 'Action::s3:*', pack: 'aws-solutions', level: 'warning', logicalId: 'ExportPolicyLonger', line: undefined, message: 'two\nlines' }],
  waivers: [{ ruleId: 'ElectionBaseline-S3BucketTlsOnly', reason: 'short', madeAt: 'metadata:t.json#Rolls', template: 't.json', stack: 'Votes', controls: [], findings: 1, problem: 'cannot be waived', origin: 'agency' }],
};

/** The sample with a 600-character message, as cdk-nag's NIST rules write them. */
function longMessages(): AuditReport {
  const report = sampleAuditReport();
  return { ...report, findings: report.findings.map((f, i) => (i === 2 ? { ...f, message: `${f.message} ${'The rule explains itself at length. '.repeat(16)}` } : f)) };
}

describe('the table report, wide enough for every cell', () => {
  const lines = renderTable(small, { width: 200 }).split('\n');

  test('aligns every column but the last and cuts nothing', () => {
    expect(lines[0]).toMatch(/^LEVEL {4}STATUS {2}RULE +STACK\/RESOURCE +TYPE +MESSAGE$/);
    const column = (name: string) => lines[0].indexOf(name);
    expect(lines[1].slice(column('STACK/RESOURCE'))).toMatch(/^Votes\/Rolls:7 +AWS::S3::Bucket +The bucket policy does not deny requests made without TLS\.$/);
    expect(lines[2].indexOf('AWS::S3::Bucket')).toBe(column('TYPE'));
    expect(lines[2]).toContain('AwsSolutions-IAM5[Action::s3:*]');
    expect(lines[2].endsWith('two lines')).toBe(true);
    expect(lines.join('\n')).not.toContain('…');
  });

  test('lists the waivers under the date they are judged against, and ends with the summary line', () => {
    expect(lines).toContain('WAIVERS, judged as of 2026-01-01');
    expect(lines).toContain('Made by the agency:');
    expect(lines.find((l) => l.startsWith('ElectionBaseline-S3BucketTlsOnly'))).toMatch(/^ElectionBaseline-S3BucketTlsOnly +1 +problem +- +- +metadata:t\.json#Rolls +short$/);
    expect(lines[lines.length - 2]).toBe('2 errors, 1 warning, 0 acknowledged in 3 resources of 1 template; 0 resources judged by no rule (packs: election, aws-solutions)');
  });

  test('counts the controls in each status on the line before the summary, wrapped after a comma to the width', () => {
    const at = (width: number) => renderTable(sampleAuditReport(), { width }).split('\n');
    const wide = at(200);
    expect(wide[wide.length - 3]).toBe('controls: 7 not satisfied, 3 not satisfied (warnings only), 0 satisfied with accepted risk, 0 satisfied');
    const narrow = at(60);
    expect(narrow.slice(-4, -2)).toEqual(['controls: 7 not satisfied, 3 not satisfied (warnings only),', '          0 satisfied with accepted risk, 0 satisfied']);
    expect(narrow.slice(-4, -2).every((l) => l.length <= 60)).toBe(true);
  });

  test('before the controls, a line per template with resources no rule judged, by type, broken after a comma to the width', () => {
    const wide = renderTable(sampleAuditReport(), { width: 200 }).split('\n');
    const at = wide.indexOf('NOT JUDGED by any rule of the packs that ran:');
    expect(wide.slice(at, at + 4)).toEqual([
      'NOT JUDGED by any rule of the packs that ran:',
      'cdk.out/RegistrationPortal.template.json (1): AWS::CloudFront::OriginAccessControl (1)',
      'vendor/county-results.yaml (3): AWS::Glue::Database (1), Custom::VoterRollImport (2)',
      '',
    ]);
    expect(wide[wide.length - 2]).toMatch(/ in 36 resources of 3 templates; 4 resources judged by no rule \(packs: /);
    const narrow = renderTable(sampleAuditReport(), { width: 60 }).split('\n');
    const from = narrow.indexOf('NOT JUDGED by any rule of the packs that ran:') + 1;
    expect(narrow.slice(from, from + 4)).toEqual([
      'cdk.out/RegistrationPortal.template.json (1):',
      '     AWS::CloudFront::OriginAccessControl (1)',
      'vendor/county-results.yaml (3): AWS::Glue::Database (1),',
      '     Custom::VoterRollImport (2)',
    ]);
    // Every resource judged: no section.
    expect(renderTable(small)).not.toContain('NOT JUDGED');
  });

  test('says so when there are no findings', () => {
    expect(renderTable({ ...small, findings: [], waivers: [] }).split('\n')[0]).toBe('No findings.');
  });
});

describe('the table report fitted to a width', () => {
  test.each([60, 80, DEFAULT_TABLE_WIDTH, 132])('at %i columns: one line per finding and waiver, none longer than the width', (width) => {
    const report = longMessages();
    const lines = renderTable(report, { width }).trimEnd().split('\n');
    const tables = lines.slice(0, -1);
    expect(tables.every((line) => line.length <= width)).toBe(true);
    expect(lines.filter((l) => /^(error|warning) /.test(l))).toHaveLength(report.findings.length);
    expect(lines.filter((l) => /^[^ ]+ +\d+ +(sound|unused|expired|expiring|problem)[ ,]/.test(l))).toHaveLength(report.waivers.length);
  });

  test('cuts with an ellipsis: prose at its end, ids in the middle so their distinct ends stay', () => {
    const lines = renderTable(longMessages(), { width: 100 }).split('\n');
    const tls = lines.find((l) => l.includes('ucketTlsOnly'))!;
    expect(tls).toMatch(/^error {4}open {10}Election…[^ ]*S3BucketTlsOnly +Election…\/ResultsBucket:42 +The S3 bucket does …$/);
    // The type is the first to go when the line does not fit; --explain still shows it.
    expect(lines[0]).not.toContain('TYPE');
  });

  test('a CDK logical id gives up its hash first, keeping the construct\'s name and the line', () => {
    const report = sampleAuditReport();
    const cdk = { ...report, findings: [{ ...report.findings[2], logicalId: 'ResultsRecordsBucketWithAVeryLongConstructPath8AEA1213', line: 385 }] };
    const row = renderTable(cdk, { width: 100 }).split('\n')[1];
    expect(row.length).toBeLessThanOrEqual(100);
    expect(row).toMatch(/ ElectionR…[A-Za-z]*ConstructPath…:385 /);
    expect(row).not.toContain('8AEA1213');
    // When the whole id fits, nothing is cut.
    expect(renderTable(cdk, { width: 300 }).split('\n')[1]).toContain('ElectionResults/ResultsRecordsBucketWithAVeryLongConstructPath8AEA1213:385');
  });

  test('never narrower than 60 columns, and 100 when no width is given', () => {
    const report = longMessages();
    expect(renderTable(report)).toBe(renderTable(report, { width: DEFAULT_TABLE_WIDTH }));
    expect(DEFAULT_TABLE_WIDTH).toBe(100);
    expect(renderTable(report, { width: 10 })).toBe(renderTable(report, { width: 60 }));
  });

  test('separates the agency\'s waivers from the library\'s, with approver, expiry and state', () => {
    const lines = renderTable(sampleAuditReport(), { width: 220 }).split('\n');
    const agency = lines.indexOf('Made by the agency:');
    const library = lines.indexOf('Made by the library\'s constructs (their defaults):');
    expect(agency).toBeGreaterThan(0);
    expect(library).toBeGreaterThan(agency);
    const row = (rule: string, from: number) => lines.slice(from).find((l) => l.startsWith(rule))!;
    expect(row('AwsSolutions-IAM4', agency)).toMatch(/^AwsSolutions-IAM4 +0 +unused +Elections IT change board +- +construct:RegistrationPortal /);
    expect(row('NIST.800.53.R5-S3BucketReplicationEnabled', agency)).toMatch(/ 1 +expired +Elections Director \(A\. Chen\) +2026-10-31 /);
    expect(lines.slice(agency).find((l) => l.includes('2026-11-20'))).toMatch(/^AwsSolutions-S1 +1 +expiring +County CISO \(M\. Okafor\) +2026-11-20 /);
    expect(row('ElectionBaseline-S3BucketServerAccessLogs', library)).toMatch(/ 1 +sound +- +- +construct:ElectionResults\/AccessLogs\/Resource /);
  });
});

describe('the table report with explain', () => {
  const text = renderTable(sampleAuditReport(), { width: 100, explain: true });
  const lines = text.split('\n');

  test('prints under a finding its full message, the waiver with origin, approver and expiry, the rule\'s explanation and controls', () => {
    const row = lines.findIndex((l) => /^error +acknowledged .*portBucket:10/.test(l));
    const details = lines.slice(row + 1, lines.findIndex((l, i) => i > row && !l.startsWith(' '))).join('\n').replace(/\n {6}/g, ' ');
    expect(details).toContain('    message: The S3 Bucket has server access logs disabled.');
    expect(details).toContain('waived: Access logs for the export bucket start with the log archive account, scheduled this month. '
      + '(agency waiver at construct:RegistrationPortal/VoterExport, approved by County CISO (M. Okafor), expires 2026-11-20 (expiring))');
    expect(details).toContain('why: The bucket should have server access logging enabled');
    expect(details).toContain('controls: (none mapped)');
    expect(details).toContain('template: cdk.out/RegistrationPortal.template.json:10');
  });

  test('says why a waiver that names an open finding holds nothing, and prints each waiver\'s reason and problem in full', () => {
    const flat = text.replace(/\n {6}/g, ' ');
    expect(flat).toContain('not waived: the waiver at metadata:vendor/county-results.yaml#RecordsBucket holds nothing: ElectionBaseline-S3RecordsObjectLock cannot be waived');
    expect(flat).toContain('    problem: the waiver expired on 2026-10-31 (judged as of 2026-11-03): its findings are open');
    expect(flat).toContain('    reason: The portal functions keep the AWS managed basic execution policy until the 2027 refactor.');
  });

  test('wraps its details to the width, breaking a word longer than a line instead of losing it', () => {
    const narrow = renderTable(sampleAuditReport(), { width: 60, explain: true });
    expect(narrow.split('\n').slice(0, -2).every((line) => line.length <= 60)).toBe(true);
    expect(narrow.replace(/\n {6}/g, '')).toContain('metadata:cdk.out/ElectionResults.template.json#AccessLogsBucket');
  });
});

describe('election-audit --format table', () => {
  const fixtures = path.join(__dirname, '..', 'audit', 'fixtures');
  const run = (args: string[], stdout: { isTTY?: boolean; columns?: number }) => {
    let out = '';
    runCli(['insecure-buckets.json', '--format', 'table', ...args], {
      cwd: fixtures,
      env: PINNED_ENV,
      stdout: { write: (text: string) => (out += text), ...stdout },
      stderr: { write: () => true },
    });
    return out.trimEnd().split('\n');
  };

  test('fits a terminal\'s columns, and 100 columns when stdout is not a terminal', () => {
    const terminal = run([], { isTTY: true, columns: 72 });
    expect(Math.max(...terminal.slice(0, -1).map((l) => l.length))).toBeLessThanOrEqual(72);
    expect(Math.max(...terminal.slice(0, -1).map((l) => l.length))).toBeGreaterThan(60);
    const piped = run([], { columns: 72 });
    expect(Math.max(...piped.slice(0, -1).map((l) => l.length))).toBe(100);
  });

  test('--explain adds the details under each finding', () => {
    const explained = run(['--explain'], { isTTY: true, columns: 120 });
    const plain = run([], { isTTY: true, columns: 120 });
    expect(explained.filter((l) => l.startsWith('    why: ')).length).toBe(plain.filter((l) => /^(error|warning) /.test(l)).length);
    expect(plain.some((l) => l.startsWith('    '))).toBe(false);
  });
});
