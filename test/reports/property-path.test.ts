import { AuditFinding, AuditReport } from '../../lib/audit/model';
import { renderCsv } from '../../lib/reports/csv';
import { renderHtml } from '../../lib/reports/html';
import { renderSarif } from '../../lib/reports/sarif';
import { renderTable } from '../../lib/reports/table';
import { TemplateRegions } from '../../lib/reports/template-region';
import { errorsOf, sarifValidator } from './schema-validators';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Sarif = any;

const JSON_TEMPLATE = `{
  "Resources": {
    "Listener": {
      "Type": "AWS::ElasticLoadBalancingV2::Listener",
      "Properties": {
        "Port": 443,
        "SslPolicy": "ELBSecurityPolicy-2016-08",
        "Certificates": [{ "CertificateArn": "arn" }, { "CertificateArn": { "Ref": "Cert" } }]
      }
    }
  }
}
`;

const YAML_TEMPLATE = `Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub '\${AWS::StackName}-records'
      VersioningConfiguration:
        Status: Suspended
`;

const TEXTS: Record<string, string> = { 'app/lb.template.json': JSON_TEMPLATE, 'vendor/records.yaml': YAML_TEMPLATE };
const regions = () => new TemplateRegions((template) => TEXTS[template]);

describe('TemplateRegions', () => {
  test('finds a property\'s key in JSON, and an item of a list by its index', () => {
    expect(regions().regionOf('app/lb.template.json', 'Listener', 'Properties.SslPolicy')).toEqual({ startLine: 7, startColumn: 9 });
    expect(regions().regionOf('app/lb.template.json', 'Listener', 'Properties.Certificates.1')).toEqual({ startLine: 8, startColumn: 55 });
  });

  test('finds a property in YAML with CloudFormation\'s short tags', () => {
    expect(regions().regionOf('vendor/records.yaml', 'Bucket', 'Properties.VersioningConfiguration.Status')).toEqual({ startLine: 7, startColumn: 9 });
  });

  test('a missing property gives the deepest part of its path the file holds; no path, the resource', () => {
    expect(regions().regionOf('app/lb.template.json', 'Listener', 'Properties.DefaultActions.0')).toEqual({ startLine: 5, startColumn: 7 });
    expect(regions().regionOf('vendor/records.yaml', 'Bucket', undefined)).toEqual({ startLine: 2, startColumn: 3 });
  });

  test('nothing for a resource the file does not declare, a file it cannot read, or text that does not parse', () => {
    expect(regions().regionOf('app/lb.template.json', 'ListenerMadeBySam', 'Properties.SslPolicy')).toBeUndefined();
    expect(regions().regionOf('gone.json', 'Listener', 'Properties.SslPolicy')).toBeUndefined();
    expect(new TemplateRegions(() => '{ "Resources": ').regionOf('bad.json', 'Listener', 'Properties')).toBeUndefined();
  });
});

const base: Omit<AuditFinding, 'ruleId' | 'logicalId' | 'template' | 'stack' | 'resourceType'> = {
  pack: 'election', level: 'error', status: 'open', message: 'Wrong.', controls: ['NIST-800-53-r5:SC-8'],
};
const withPath: AuditFinding = {
  ...base, ruleId: 'ElectionBaseline-ElbListenerTlsPolicy', template: 'app/lb.template.json', stack: 'lb', logicalId: 'Listener',
  resourceType: 'AWS::ElasticLoadBalancingV2::Listener', line: 3, propertyPath: 'Properties.SslPolicy',
};
const withoutPath: AuditFinding = {
  ...base, ruleId: 'ElectionBaseline-S3BucketVersioning', template: 'vendor/records.yaml', stack: 'records', logicalId: 'Bucket', resourceType: 'AWS::S3::Bucket',
};
const report: AuditReport = {
  tool: { name: 'election-audit', version: 't' },
  generatedAt: '2026-11-03T12:00:00.000Z',
  asOf: '2026-11-03',
  summary: { errors: 2, warnings: 0, acknowledged: 0, resources: 2, unjudged: 0, templates: 2 },
  packs: ['election'],
  templates: [
    { template: 'app/lb.template.json', stack: 'lb', resources: 1, unjudged: [] },
    { template: 'vendor/records.yaml', stack: 'records', resources: 1, unjudged: [] },
  ],
  rules: [],
  findings: [withPath, withoutPath],
  waivers: [],
};

describe('a finding\'s property path in SARIF', () => {
  const results = (text?: (t: string) => string | undefined): Sarif[] => JSON.parse(renderSarif(report, { templateText: text })).runs[0].results;

  test('with the templates\' text: the property\'s line and column, the property as a logical location, and the path in properties', () => {
    const [result] = results((t) => TEXTS[t]);
    expect(result.locations[0].physicalLocation.region).toEqual({ startLine: 7, startColumn: 9 });
    expect(result.locations[0].logicalLocations[1]).toEqual({ name: 'SslPolicy', fullyQualifiedName: 'lb/Listener/Properties.SslPolicy', kind: 'property' });
    expect(result.properties.propertyPath).toBe('Properties.SslPolicy');
  });

  test('without the text: the resource\'s line, still naming the property', () => {
    const [result] = results();
    expect(result.locations[0].physicalLocation.region).toEqual({ startLine: 3 });
    expect(result.locations[0].logicalLocations.map((l: Sarif) => l.kind)).toEqual(['resource', 'property']);
  });

  test('a finding without a path points at its resource only, and the log is valid SARIF either way', () => {
    const [, result] = results((t) => TEXTS[t]);
    expect(result.locations[0].logicalLocations).toEqual([{ name: 'Bucket', fullyQualifiedName: 'records/Bucket', kind: 'resource', properties: { resourceType: 'AWS::S3::Bucket' } }]);
    expect(result.properties.propertyPath).toBeUndefined();
    const validate = sarifValidator();
    expect(validate(JSON.parse(renderSarif(report, { templateText: (t) => TEXTS[t] }))) || errorsOf(validate)).toBe(true);
  });
});

describe('a finding\'s property path in HTML, CSV and the explained table', () => {
  test('the table with --explain names it under the finding, and only when there is one', () => {
    const table = renderTable(report, { explain: true, width: 120 });
    expect(table).toContain('property: Properties.SslPolicy');
    expect(table.match(/property: /g)).toHaveLength(1);
  });

  test('HTML shows it under the logical id, escaped, and only when there is one', () => {
    const html = renderHtml({ ...report, findings: [{ ...withPath, propertyPath: 'Properties.<b>' }, withoutPath] });
    expect(html).toContain('<small class="property-path">at <code>Properties.&lt;b&gt;</code></small>');
    expect(html.match(/class="property-path"/g)).toHaveLength(1);
  });

  test('HTML gives the property\'s own line when it has the template\'s text (as SARIF\'s region), else the resource\'s', () => {
    expect(renderHtml(report, { templateText: (t) => TEXTS[t] })).toContain('<small>app/lb.template.json:7</small>');
    expect(renderHtml(report)).toContain('<small>app/lb.template.json:3</small>');
  });

  test('SARIF and HTML rendered with the same options read (and parse) each template once between them', () => {
    const reads: string[] = [];
    const templateText = (t: string) => { reads.push(t); return TEXTS[t]; };
    renderSarif(report, { templateText });
    renderHtml(report, { templateText });
    expect(reads).toEqual(['app/lb.template.json']);
  });

  test('CSV has a propertyPath column, empty for a finding without one', () => {
    const [header, first, second] = renderCsv(report).split('\r\n').map((row) => row.split(','));
    const column = header.indexOf('propertyPath');
    expect(column).toBe(header.indexOf('logicalId') + 1);
    expect([first[column], second[column]]).toEqual(['Properties.SslPolicy', '']);
  });
});
