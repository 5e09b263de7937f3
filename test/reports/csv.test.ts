import { AuditFinding, AuditReport } from '../../lib/audit/model';
import { renderCsv } from '../../lib/reports/csv';
import { sampleAuditReport } from '../fixtures/audit-report';

const finding: AuditFinding = {
  ruleId: 'AwsSolutions-IAM5',
  findingId: 'Action::s3:*',
  pack: 'aws-solutions',
  level: 'error',
  status: 'acknowledged',
  template: 'vendor, "final".json',
  stack: 'vendor',
  logicalId: 'ExportPolicy',
  resourceType: 'AWS::IAM::Policy',
  message: 'Wildcard permissions,\nsecond line',
  controls: ['NIST-800-53-r5:AC-6', 'CISA-CPG:2.E'],
  reason: '=HYPERLINK("http://evil.example","click")',
  waivedAt: 'metadata:vendor.json#ExportPolicy',
  line: 12,
};
const report = (findings: AuditFinding[]): AuditReport => ({
  tool: { name: 'election-audit', version: 't' },
  generatedAt: '2026-01-01T00:00:00.000Z',
  asOf: '2026-01-01',
  summary: { errors: 0, warnings: 0, acknowledged: findings.length, resources: 1, unjudged: 0, templates: 1 },
  packs: ['aws-solutions'],
  templates: [],
  rules: [],
  findings,
  waivers: [],
});

/** A minimal RFC 4180 reader, to check the writer from the other side. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && c === '"') {
      quoted = false;
    } else if (quoted) {
      cell += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      endCell();
    } else if (c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

describe('the csv report', () => {
  const text = renderCsv(report([finding, { ...finding, findingId: 'Resource::*', reason: '+cmd|calc', status: 'acknowledged', line: undefined }]));
  const rows = parseCsv(text);

  test('has a header and one row per finding, CRLF-terminated, every row as wide as the header', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual(['level', 'status', 'ruleId', 'findingId', 'pack', 'template', 'line', 'stack', 'logicalId', 'propertyPath', 'resourceType', 'dataClass', 'controls', 'message', 'reason', 'waivedAt', 'waiverOrigin', 'approvedBy', 'expires', 'resources']);
    for (const row of rows) expect(row).toHaveLength(rows[0].length);
  });

  test('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    const cell = (name: string, row = 1) => rows[row][rows[0].indexOf(name)];
    expect(cell('template')).toBe('vendor, "final".json');
    expect(cell('message')).toBe('Wildcard permissions,\nsecond line');
    expect(cell('controls')).toBe('NIST-800-53-r5:AC-6 CISA-CPG:2.E');
    expect(cell('line')).toBe('12');
    expect(cell('line', 2)).toBe('');
  });

  test('defuses cells a spreadsheet would run as a formula', () => {
    const reason = rows[0].indexOf('reason');
    expect(rows[1][reason]).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(rows[2][reason]).toBe("'+cmd|calc");
    for (const start of ['-1+1', '@SUM(A1)', '\tx']) {
      const [, row] = parseCsv(renderCsv(report([{ ...finding, logicalId: start }])));
      expect(row[rows[0].indexOf('logicalId')]).toBe(`'${start}`);
    }
  });

  test('an acknowledged finding carries its waiver\'s origin, approver and expiry; an open one leaves them empty', () => {
    const report = sampleAuditReport();
    const [header, ...body] = parseCsv(renderCsv(report));
    const cell = (row: string[], name: string) => row[header.indexOf(name)];
    const expiring = body.find((row) => cell(row, 'waivedAt') === 'construct:RegistrationPortal/VoterExport')!;
    expect([cell(expiring, 'waiverOrigin'), cell(expiring, 'approvedBy'), cell(expiring, 'expires')]).toEqual(['agency', 'County CISO (M. Okafor)', '2026-11-20']);
    const library = body.find((row) => cell(row, 'waivedAt') === 'construct:ElectionResults/AccessLogs/Resource')!;
    expect([cell(library, 'waiverOrigin'), cell(library, 'approvedBy'), cell(library, 'expires')]).toEqual(['library', '', '']);
    for (const row of body.filter((r) => cell(r, 'status') === 'open')) {
      expect([cell(row, 'waiverOrigin'), cell(row, 'approvedBy'), cell(row, 'expires')]).toEqual(['', '', '']);
    }
    expect(body.filter((row) => cell(row, 'status') !== 'unjudged')).toHaveLength(report.findings.length);
  });

  test('after the findings, a row per template and type no rule judged: status unjudged, the count in resources, no level or rule', () => {
    const report = sampleAuditReport();
    const [header, ...body] = parseCsv(renderCsv(report));
    const cell = (row: string[], name: string) => row[header.indexOf(name)];
    const unjudged = body.slice(report.findings.length);
    expect(unjudged.map((row) => [cell(row, 'status'), cell(row, 'template'), cell(row, 'stack'), cell(row, 'resourceType'), cell(row, 'resources')])).toEqual([
      ['unjudged', 'cdk.out/RegistrationPortal.template.json', 'RegistrationPortal', 'AWS::CloudFront::OriginAccessControl', '1'],
      ['unjudged', 'vendor/county-results.yaml', 'county-results', 'AWS::Glue::Database', '1'],
      ['unjudged', 'vendor/county-results.yaml', 'county-results', 'Custom::VoterRollImport', '2'],
    ]);
    for (const row of unjudged) {
      expect([cell(row, 'level'), cell(row, 'ruleId'), cell(row, 'logicalId')]).toEqual(['', '', '']);
      expect(cell(row, 'pack')).toBe('election aws-solutions nist-800-53-r5');
      expect(cell(row, 'message')).toMatch(/^No rule of the packs that ran judged these resources/);
      expect(row).toHaveLength(header.length);
    }
    expect(body.slice(0, report.findings.length).every((row) => cell(row, 'resources') === '')).toBe(true);
  });

  test('a type a vendor named like a formula is defused in its unjudged row too', () => {
    const base = sampleAuditReport();
    const report = { ...base, templates: [{ ...base.templates[0], unjudged: [{ type: '=Custom::Evil', resources: 1 }] }] };
    const [header, row] = parseCsv(renderCsv({ ...report, findings: [] }));
    expect(row[header.indexOf('resourceType')]).toBe("'=Custom::Evil");
  });

  test('an audit without findings is the header alone', () => {
    expect(renderCsv(report([]))).toBe(`${rows[0].join(',')}\r\n`);
  });
});
