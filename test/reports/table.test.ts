import { AuditFinding, AuditReport } from '../../lib/audit/model';
import { renderTable } from '../../lib/reports/table';

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

describe('the table report', () => {
  const report: AuditReport = {
    tool: { name: 'election-audit', version: 't' },
    generatedAt: '2026-01-01T00:00:00.000Z',
    summary: { errors: 2, warnings: 1, acknowledged: 0, resources: 3, templates: 1 },
    packs: ['election', 'aws-solutions'],
    templates: [],
    rules: [],
    findings: [base, { ...base, ruleId: 'AwsSolutions-IAM5', findingId: 'Action::s3:*', pack: 'aws-solutions', level: 'warning', logicalId: 'ExportPolicyLonger', line: undefined, message: 'two\nlines' }],
    waivers: [{ ruleId: 'ElectionBaseline-S3BucketTlsOnly', reason: 'short', madeAt: 'metadata:t.json#Rolls', template: 't.json', stack: 'Votes', controls: [], findings: 1, problem: 'cannot be waived' }],
  };
  const lines = renderTable(report).split('\n');

  test('aligns every column but the last', () => {
    expect(lines[0]).toMatch(/^LEVEL {4}STATUS {2}RULE +STACK {2}RESOURCE +TYPE +MESSAGE$/);
    const column = (name: string) => lines[0].indexOf(name);
    expect(lines[1].indexOf('Votes')).toBe(column('STACK'));
    expect(lines[2].indexOf('Votes')).toBe(column('STACK'));
    expect(lines[1].slice(column('RESOURCE'))).toMatch(/^Rolls:7 /);
    expect(lines[2]).toContain('AwsSolutions-IAM5[Action::s3:*]');
    expect(lines[2].endsWith('two lines')).toBe(true);
  });

  test('lists the waivers and ends with the summary line', () => {
    expect(lines).toContain('WAIVERS');
    expect(lines.find((l) => l.startsWith('ElectionBaseline-S3BucketTlsOnly'))).toMatch(/metadata:t\.json#Rolls +1 +cannot be waived +short$/);
    expect(lines[lines.length - 2]).toBe('2 errors, 1 warning, 0 acknowledged in 3 resources of 1 template (packs: election, aws-solutions)');
  });

  test('says so when there are no findings', () => {
    expect(renderTable({ ...report, findings: [], waivers: [] }).split('\n')[0]).toBe('No findings.');
  });
});
