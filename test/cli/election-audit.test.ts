import * as fs from 'fs';
import * as path from 'path';
import { formatNames } from '../../lib/reports';
import { auditChild, auditInProcess, CliRun, fixture, tempDir, removeTempDirs } from '../helpers/audit-harness';

afterAll(removeTempDirs);

/**
 * The real binary (bin/election-audit.ts through ts-node, transpile only) as
 * a child process: its exit codes, and one clear line on stderr for bad
 * input, never a stack trace. The child processes start together.
 */
const work = tempDir();
const write = (name: string, text: string) => {
  const file = path.join(work, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return name;
};
const secure = fixture('secure-buckets.json');
const insecure = fixture('insecure-buckets.json');
const waivers = fixture('waivers.json');

write('malformed.json', '{\n  "Resources": {\n    "Bucket": { "Type": "AWS::S3::Bucket", }\n  }\n}\n');
write('malformed.yaml', 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n  Bucket:\n    Type: AWS::S3::Bucket\n');
write('unknown-tag.yaml', 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Concat [a, b]\n');
write('not-a-template.json', JSON.stringify({ name: 'package.json lookalike', version: '1.0.0' }));
write('no-type.json', JSON.stringify({ Resources: { Bucket: { Properties: {} } } }));
write('dangling-ref.json', JSON.stringify({
  Resources: {
    Key: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } },
    Bucket: { Type: 'AWS::S3::Bucket', Properties: { BucketName: { Ref: 'NoSuchParameter' } } },
  },
}));
fs.mkdirSync(path.join(work, 'not-an-assembly'));
write('broken-assembly/manifest.json', '{ "artifacts": ');

const BAD_INPUT: ReadonlyArray<[string, string[], string]> = [
  ['a missing path', ['missing.json'], 'election-audit: missing.json: no such file or directory'],
  ['malformed JSON', ['malformed.json'], 'election-audit: malformed.json: malformed JSON at line 3: '],
  ['malformed YAML', ['malformed.yaml'], 'election-audit: malformed.yaml: malformed YAML at line 4: Map keys must be unique'],
  ['an unknown YAML tag', ['unknown-tag.yaml'], 'election-audit: unknown-tag.yaml: malformed YAML at line 5: '],
  ['a file that is not a CloudFormation template', ['not-a-template.json'], 'election-audit: not-a-template.json: not a CloudFormation template (it has no Resources object)'],
  ['a resource without a Type', ['no-type.json'], "election-audit: no-type.json: resource 'Bucket' has no Type"],
  ['a template cloudformation-include cannot load', ['dangling-ref.json'], "election-audit: dangling-ref.json: cloudformation-include cannot load resource 'Bucket' (AWS::S3::Bucket): "],
  ['a directory that is not a cloud assembly', ['not-an-assembly'], 'election-audit: not-an-assembly: a directory, but not a cloud assembly (it has no manifest.json)'],
  ['a malformed assembly manifest', ['broken-assembly'], 'election-audit: broken-assembly/manifest.json: malformed cloud assembly manifest: '],
  ['an unknown format', [secure, '--format', 'xml'], `election-audit: unknown format 'xml' (available: ${formatNames().join(', ')}) (see election-audit --help)`],
  ['an unknown pack', [secure, '--packs', 'election,pci-dss'], "election-audit: unknown pack 'pci-dss' (available: election, aws-solutions, nist-800-53-r5) (see election-audit --help)"],
  ['an unknown --fail-on', [secure, '--fail-on', 'critical'], "election-audit: unknown --fail-on 'critical' (use error, warning or none) (see election-audit --help)"],
  ['an unknown option', [secure, '--colour'], "election-audit: Unknown option '--colour'"],
  ['no path at all', ['--format', 'json'], 'election-audit: give at least one cloud assembly directory or template file (see election-audit --help)'],
  ['several formats without --out', [secure, '-f', 'json', '-f', 'csv'], 'election-audit: several formats (json, csv) need --out DIR; stdout takes one (see election-audit --help)'],
];

/** Bad inputs run as real processes; the rest in-process, through the same `runCli`, to keep the suite quick. */
const AS_PROCESS = new Set(['a missing path', 'malformed JSON', 'a template cloudformation-include cannot load', 'an unknown format']);
const runs = new Map<string, Promise<CliRun>>();
const start = (name: string, args: string[]) => runs.set(name, AS_PROCESS.has(name) || !BAD_INPUT.some(([bad]) => bad === name)
  ? auditChild(args, work) : Promise.resolve(auditInProcess(args, work)));
for (const [name, args] of BAD_INPUT) start(name, args);
start('secure', [secure]);
start('insecure', [insecure, '-f', 'json']);
start('waivers fail-on none', [waivers, '--fail-on', 'none', '-f', 'csv']);
const result = (name: string) => runs.get(name)!;

describe('bad input: exit 2 and one line on stderr', () => {
  test.each(BAD_INPUT)('%s', async (name, _args, message) => {
    const run = await result(name);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.endsWith('\n')).toBe(true);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at |Error:|TSError/);
  });

  test('an unreadable file', () => {
    if (process.getuid?.() === 0) {
      console.info('skipped: running as root, which reads a file whatever its mode');
      return;
    }
    const file = write('unreadable.json', '{"Resources":{}}');
    fs.chmodSync(path.join(work, file), 0o000);
    expect(auditInProcess([file], work)).toEqual({ code: 2, stdout: '', stderr: 'election-audit: unreadable.json: cannot read the file (permission denied)\n' });
  });
});

describe('exit codes of an audit', () => {
  test('0 for a hardened template; piped stdout gets json by default', async () => {
    const run = await result('secure');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toMatchObject({ tool: { name: 'election-audit', version: '0.0.0-test' }, summary: { errors: 0, templates: 1 }, findings: [] });
  });

  test('1 when an open finding is at or above --fail-on (default error)', async () => {
    const run = await result('insecure');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).summary).toEqual({ errors: 12, warnings: 0, acknowledged: 0, resources: 5, unjudged: 0, templates: 1 });
  });

  test('--fail-on none reports and exits 0', async () => {
    const run = await result('waivers fail-on none');
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('level,status,ruleId,')).toBe(true);
  });

  test('--fail-on warning fails on an open warning that --fail-on error lets pass', () => {
    const dir = tempDir();
    const template = JSON.parse(fs.readFileSync(secure, 'utf8'));
    // AwsSolutions-CFR1 (no geo restriction) is a warning.
    template.Resources.Site = {
      Type: 'AWS::CloudFront::Distribution',
      Properties: { DistributionConfig: { Enabled: true, DefaultCacheBehavior: { TargetOriginId: 'o', ViewerProtocolPolicy: 'https-only' }, Origins: [] } },
    };
    fs.writeFileSync(path.join(dir, 'site.json'), JSON.stringify(template));
    const report = (failOn: string) => auditInProcess(['site.json', '--packs', 'aws-solutions', '--fail-on', failOn, '-f', 'json'], dir);
    const asWarning = report('warning');
    const summary = JSON.parse(asWarning.stdout).summary;
    expect(summary.warnings).toBeGreaterThan(0);
    expect(asWarning.code).toBe(1);
    expect(report('error').code).toBe(summary.errors > 0 ? 1 : 0);
    expect(report('none').code).toBe(0);
  });
});

describe('output', () => {
  test('--out DIR writes each format to its file there, the evidence manifest and the component definition, and nothing else, creating DIR', () => {
    const dir = tempDir();
    const run = auditInProcess([insecure, '--out', 'reports/today', '-f', 'json', '-f', 'csv', '-f', 'table'], dir);
    expect(run).toEqual({ code: 1, stdout: '', stderr: '' });
    expect(fs.readdirSync(dir)).toEqual(['reports']);
    expect(fs.readdirSync(path.join(dir, 'reports/today')).sort()).toEqual(['election-audit.component-definition.json', 'election-audit.csv', 'election-audit.json', 'election-audit.txt', 'evidence-manifest.json']);
  });

  test('--out DIR without --format writes every format of the registry', () => {
    const dir = tempDir();
    auditInProcess([secure, '--out', 'all'], dir);
    expect(fs.readdirSync(path.join(dir, 'all')).length).toBe(formatNames().length + 2);
  });

  test('a terminal gets the table by default, and progress on stderr when there are several templates', () => {
    const run = auditInProcess(['secure-buckets.json', 'insecure-buckets.json'], path.dirname(secure), {}, true);
    expect(run.stdout).toMatch(/^LEVEL +STATUS +RULE +STACK\/RESOURCE +(TYPE +)?MESSAGE\n/);
    expect(run.stdout.trimEnd().split('\n').pop()).toBe('12 errors, 0 warnings, 0 acknowledged in 10 resources of 2 templates; 0 resources judged by no rule (packs: election)');
    expect(run.stderr).toContain('election-audit: judging 2/2 insecure-buckets.json');
    expect(auditInProcess(['secure-buckets.json', 'insecure-buckets.json'], path.dirname(secure)).stderr).toBe('');
  });

  test('--help lists every format of the registry; --version prints the version', () => {
    const help = auditInProcess(['--help']);
    expect(help.code).toBe(0);
    for (const name of formatNames()) expect(help.stdout).toMatch(new RegExp(`^ +${name} `, 'm'));
    expect(auditInProcess(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});
