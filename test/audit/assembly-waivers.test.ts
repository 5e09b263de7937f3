import * as fs from 'fs';
import * as path from 'path';
import { auditTemplates } from '../../lib/audit/engine';
import { AuditInputError } from '../../lib/audit/input-error';
import { loadTemplates } from '../../lib/audit/inputs';
import { AuditReport } from '../../lib/audit/model';
import { auditInProcess, removeTempDirs, tempDir } from '../helpers/audit-harness';

afterAll(removeTempDirs);

/**
 * Hand-written cloud assemblies: the CDK acknowledgments a stack's construct
 * metadata records (`<stack>.metadata.json`, or inline in the manifest), read
 * by the auditor from the assembly alone.
 */
const RULE = 'ElectionBaseline-S3BucketVersioning';
const REASON = 'Scratch exports are rebuilt nightly from the registration system of record';
const BUCKET = { Type: 'AWS::S3::Bucket' };
const acknowledged = (rules: Record<string, string>) => ({ type: 'aws:cdk:acknowledged-rules', data: rules });
const logicalId = (id: string) => ({ type: 'aws:cdk:logicalId', data: id });
const templateFile = (file: string) => ({ type: 'aws:cdk:templateFile', data: file });
/** The metadata CDK writes for stack County with bucket Scratch, acknowledged on the bucket construct. */
const COUNTY_METADATA = {
  '/County': [templateFile('County.template.json')],
  '/County/Scratch': [acknowledged({ [`Annotation::${RULE}`]: REASON })],
  '/County/Scratch/Resource': [logicalId('ScratchF72D2ED6')],
};

interface Assembly {
  /** The stack artifact's fields besides type and properties (`additionalMetadataFile`, `metadata`, `displayName`). */
  readonly artifact?: Record<string, unknown>;
  /** Files to write beside the manifest, by name: a string as is, anything else as JSON. */
  readonly files?: Record<string, unknown>;
  readonly resources?: Record<string, unknown>;
}

/** Writes `cdk.out` with one stack, County, and returns the directory above it. */
function writeAssembly({ artifact = {}, files = {}, resources = { ScratchF72D2ED6: BUCKET } }: Assembly): string {
  const dir = tempDir();
  const out = path.join(dir, 'cdk.out');
  fs.mkdirSync(out);
  const manifest = { version: '55.0.0', artifacts: { County: { type: 'aws:cloudformation:stack', properties: { templateFile: 'County.template.json' }, ...artifact } } };
  const all: Record<string, unknown> = { 'manifest.json': manifest, 'County.template.json': { Resources: resources }, ...files };
  for (const [name, content] of Object.entries(all)) fs.writeFileSync(path.join(out, name), typeof content === 'string' ? content : JSON.stringify(content));
  return dir;
}

const audit = (dir: string): AuditReport => auditTemplates(loadTemplates(['cdk.out'], dir));
const statusOf = (report: AuditReport, template: string) =>
  report.findings.find((f) => f.template === `cdk.out/${template}` && f.ruleId === RULE)?.status;

describe('acknowledgments in a stack\'s metadata file', () => {
  const report = audit(writeAssembly({ artifact: { additionalMetadataFile: 'County.metadata.json' }, files: { 'County.metadata.json': COUNTY_METADATA } }));

  test('acknowledge the findings of the resources at and below the construct, made at its path', () => {
    expect(report.findings.find((f) => f.ruleId === RULE)).toMatchObject({ status: 'acknowledged', reason: REASON, waivedAt: 'construct:County/Scratch' });
    expect(report.waivers).toEqual([expect.objectContaining({ ruleId: RULE, reason: REASON, madeAt: 'construct:County/Scratch', findings: 1, stack: 'County' })]);
  });

  test('cover nothing else: the bucket\'s other findings stay open', () => {
    expect(report.findings.filter((f) => f.status === 'open').length).toBeGreaterThan(0);
    expect(report.summary.acknowledged).toBe(1);
  });
});

describe('where the acknowledgments are recorded', () => {
  test('inline in the manifest, which the assembly schema allows beside the file', () => {
    expect(statusOf(audit(writeAssembly({ artifact: { metadata: COUNTY_METADATA } })), 'County.template.json')).toBe('acknowledged');
  });

  test('without a template-file entry, the stack is placed by the artifact\'s displayName', () => {
    const metadata = { ...COUNTY_METADATA, '/County': [] };
    const report = audit(writeAssembly({ artifact: { displayName: 'County', metadata } }));
    expect(statusOf(report, 'County.template.json')).toBe('acknowledged');
  });

  test('a waiver made in a nested stack covers its template only, though the parent has a resource of the same logical id', () => {
    const nested = 'CountyInner1A2B3C4D.nested.template.json';
    const dir = writeAssembly({
      artifact: {
        metadata: {
          '/County': [templateFile('County.template.json')],
          '/County/Scratch/Resource': [logicalId('ScratchF72D2ED6')],
          '/County/Inner': [templateFile(nested)],
          '/County/Inner/Scratch': [acknowledged({ [`Annotation::${RULE}`]: REASON })],
          '/County/Inner/Scratch/Resource': [logicalId('ScratchF72D2ED6')],
          '/County/Inner.NestedStack/Inner.NestedStackResource': [logicalId('InnerNestedStackResource')],
        },
      },
      resources: {
        ScratchF72D2ED6: BUCKET,
        InnerNestedStackResource: { Type: 'AWS::CloudFormation::Stack', Metadata: { 'aws:asset:path': nested }, Properties: { TemplateURL: 'https://s3.amazonaws.com/assets/inner.json' } },
      },
      files: { [nested]: { Resources: { ScratchF72D2ED6: BUCKET } } },
    });
    const report = audit(dir);
    expect(statusOf(report, nested)).toBe('acknowledged');
    expect(statusOf(report, 'County.template.json')).toBe('open');
    expect(report.waivers.map((w) => [w.template, w.madeAt, w.findings])).toEqual([[`cdk.out/${nested}`, 'construct:County/Inner/Scratch', 1]]);
  });

  test('a waiver that covers no resource is listed with its own stack\'s template', () => {
    const metadata = { ...COUNTY_METADATA, '/County/Scratch/Resource': [] };
    const report = audit(writeAssembly({ artifact: { metadata } }));
    expect(report.waivers).toEqual([expect.objectContaining({ madeAt: 'construct:County/Scratch', template: 'cdk.out/County.template.json', findings: 0 })]);
    expect(statusOf(report, 'County.template.json')).toBe('open');
  });

  test('cdk-nag\'s copy in the template (writeSuppressionsToCloudFormation) is not counted twice', () => {
    const copied = { ...BUCKET, Metadata: { cdk_nag: { rules_to_suppress: [{ id: RULE, reason: REASON }] } } };
    const report = audit(writeAssembly({ artifact: { metadata: COUNTY_METADATA }, resources: { ScratchF72D2ED6: copied } }));
    expect(report.waivers.map((w) => w.madeAt)).toEqual(['construct:County/Scratch']);
    expect(statusOf(report, 'County.template.json')).toBe('acknowledged');
  });

  test('a template waiver with no acknowledgment behind it still counts', () => {
    const own = { ...BUCKET, Metadata: { cdk_nag: { rules_to_suppress: [{ id: RULE, reason: REASON }] } } };
    const report = audit(writeAssembly({ resources: { ScratchF72D2ED6: own } }));
    expect(report.waivers.map((w) => w.madeAt)).toEqual(['metadata:cdk.out/County.template.json#ScratchF72D2ED6']);
  });
});

describe('metadata the auditor passes over or refuses', () => {
  test('a metadata file the manifest names but the assembly lacks is skipped', () => {
    const report = audit(writeAssembly({ artifact: { additionalMetadataFile: 'County.metadata.json' } }));
    expect(report.waivers).toEqual([]);
    expect(statusOf(report, 'County.template.json')).toBe('open');
  });

  test('entries of the wrong shape are not waivers, and do not stop the audit', () => {
    const metadata = {
      '/County/Odd': 'not a list',
      '/County/Scratch': [null, 'text', { type: 'aws:cdk:acknowledged-rules', data: 'not an object' }, { type: 'aws:cdk:acknowledged-rules', data: [RULE] }],
      '/County/Scratch/Resource': [logicalId('ScratchF72D2ED6'), { type: 'aws:cdk:logicalId', data: { Ref: 'X' } }],
    };
    const report = audit(writeAssembly({ artifact: { displayName: 'County', metadata }, files: {} }));
    expect(report.waivers).toEqual([]);
    expect(audit(writeAssembly({ artifact: { metadata: [COUNTY_METADATA] } })).waivers).toEqual([]);
  });

  test('a metadata file that is not JSON is bad input, named', () => {
    const dir = writeAssembly({ artifact: { additionalMetadataFile: 'County.metadata.json' }, files: { 'County.metadata.json': '{"/County": [' } });
    expect(() => loadTemplates(['cdk.out'], dir)).toThrow(AuditInputError);
    expect(() => loadTemplates(['cdk.out'], dir)).toThrow(/^cdk\.out\/County\.metadata\.json: malformed construct metadata file: /);
    const run = auditInProcess(['cdk.out', '-f', 'json'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^election-audit: cdk\.out\/County\.metadata\.json: malformed construct metadata file: .*\n$/);
  });

  test('a metadata file outside the assembly is refused unread', () => {
    const dir = writeAssembly({ artifact: { additionalMetadataFile: '../outside.metadata.json' } });
    fs.writeFileSync(path.join(dir, 'outside.metadata.json'), JSON.stringify(COUNTY_METADATA));
    expect(() => loadTemplates(['cdk.out'], dir)).toThrow(
      'cdk.out/manifest.json: stack \'County\' names "../outside.metadata.json", which is outside the cloud assembly',
    );
  });

  test('a metadata file that is a directory is bad input, through the same limits as a template', () => {
    const dir = writeAssembly({ artifact: { additionalMetadataFile: 'County.metadata.json' } });
    fs.mkdirSync(path.join(dir, 'cdk.out', 'County.metadata.json'));
    expect(() => loadTemplates(['cdk.out'], dir)).toThrow(/^cdk\.out\/County\.metadata\.json: not a regular file \(a directory\)/);
  });
});
