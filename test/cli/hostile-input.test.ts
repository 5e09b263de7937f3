import { execFileSync, spawn } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { parseCloudFormationYaml } from '../../lib/audit/cfn-yaml';
import { INPUT_LIMITS } from '../../lib/audit/input-limits';
import { auditInProcess, fixture, PINNED_ENV, removeTempDirs, tempDir } from '../helpers/audit-harness';

afterAll(removeTempDirs);

/**
 * Hostile files fed to the real binary, one child process per case (the CLI
 * stops at the first bad input, so each message needs its own run), with a
 * 512 MB heap and a 60 s limit: each exits 2 with one line on stderr, or 0/1
 * when the file is a template after all; none hangs, overflows its stack,
 * runs out of memory, pollutes Object.prototype or writes outside `--out`.
 */
const ROOT = path.join(__dirname, '../..');
// Generous for a shared, loaded machine; a hang (a FIFO, /dev/zero) would never end at all.
const CHILD_TIMEOUT_MS = 60_000;
const PARALLEL = 3;
const MB = 1024 * 1024;

const root = tempDir('election-audit-hostile-');
const work = path.join(root, 'work');
const outside = path.join(root, 'outside');
const childTmp = path.join(root, 'tmp');
for (const dir of [work, outside, childTmp]) fs.mkdirSync(dir);
const at = (name: string) => path.join(work, name);
const write = (name: string, data: string | Buffer) => {
  fs.mkdirSync(path.dirname(at(name)), { recursive: true });
  fs.writeFileSync(at(name), data);
  return name;
};
const json = (name: string, value: unknown) => write(name, JSON.stringify(value));
const secureTemplate = JSON.parse(fs.readFileSync(fixture('secure-buckets.json'), 'utf8'));
write('secure.json', JSON.stringify(secureTemplate));
const topic = { Type: 'AWS::SNS::Topic' };

// Empty, truncated, binary, not UTF-8.
write('empty.json', '');
write('truncated.json', JSON.stringify(secureTemplate).slice(0, 300));
write('random.bin', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
write('image.json', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from('IHDR')]));
write('utf16.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(secureTemplate), 'utf16le')]));
const latin1 = Buffer.from('Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: Comt\xe9\n', 'latin1');
write('latin1.yaml', latin1);

// Huge: 50 MB each, made here rather than committed.
json('huge-template.json', { Resources: { Topic: { ...topic, Metadata: { Blob: 'x'.repeat(50 * MB) } } } });
write('huge-log.txt', 'GET /results HTTP/1.1 200\n'.repeat(Math.ceil((50 * MB) / 26)));

// Deep and wide.
write('deep.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
write('deep-property.json', `{"Resources":{"Topic":{"Type":"AWS::SNS::Topic","Metadata":{"Deep":${'['.repeat(100_000)}${']'.repeat(100_000)}}}}}`);
write('deep.yaml', `Resources: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
write('dense.yaml', `Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Metadata: {L: [${Array(1_000_000).fill('1').join(',')}]}\n`);

// YAML aliases: nine to a level, ten levels (3.8 billion strings), a host of anchors, an alias inside its own anchor.
const laughs = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
for (let i = 1; i < 10; i++) laughs.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
write('laughs.yaml', `Metadata:\n${laughs.map((line) => `  ${line}`).join('\n')}\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Metadata: *a9\n`);
write('anchors.yaml', `Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Metadata:\n${Array.from({ length: 5000 }, (_, i) => `      k${i}: &x${i} v${i}\n      r${i}: *x${i}\n`).join('')}`);
write('recursive-alias.yaml', 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Metadata: &loop\n      Self: *loop\n');

// Prototype pollution.
write('proto-id.json', '{"Resources":{"__proto__":{"Type":"AWS::SNS::Topic","Properties":{"polluted":"yes"}}}}');
write('proto-metadata.json', '{"Resources":{"Topic":{"Type":"AWS::SNS::Topic","Metadata":{"__proto__":{"polluted":"yes"}}}}}');
write('proto-property.yaml', 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      constructor:\n        prototype:\n          polluted: yes\n      __proto__:\n        polluted: yes\n');
json('constructor-id.json', { Resources: { constructor: topic } });
json('prototype-id.json', { Resources: { prototype: topic } });

// Not a template in shape.
json('resources-list.json', { Resources: [topic] });
json('resources-string.json', { Resources: 'AWS::SNS::Topic' });

// Paths that are not regular files.
fs.mkdirSync(at('no-manifest'));
fs.symlinkSync('loop-b.json', at('loop-a.json'));
fs.symlinkSync('loop-a.json', at('loop-b.json'));
execFileSync('mkfifo', [at('pipe.json')]);
json('self-nesting/manifest.json', { artifacts: { Again: { type: 'cdk:cloud-assembly', properties: { directoryName: '.' } } } });
json('escaping/manifest.json', { artifacts: { Stack: { type: 'aws:cloudformation:stack', properties: { templateFile: '../outside.template.json' } } } });

// --out: an existing file, a path through a symbolic link, `..` through a link, a report name planted as a link.
write('report.txt', 'keep me');
fs.symlinkSync(outside, at('linked'));
fs.mkdirSync(path.join(outside, 'deep'));
fs.symlinkSync(path.join(outside, 'deep'), at('linked-deep'));
fs.mkdirSync(at('planted'));
fs.writeFileSync(path.join(outside, 'victim.json'), 'keep me');
fs.symlinkSync(path.join(outside, 'victim.json'), at('planted/election-audit.json'));

interface Case {
  readonly name: string;
  readonly args: string[];
  readonly code: number;
  /** Run as a child process: the cases that could hang, overflow the stack, exhaust memory or pollute a prototype. */
  readonly child?: true;
  /** The whole stderr line for exit 2 (after `election-audit: `), or a pattern. */
  readonly message?: string | RegExp;
}

const CASES: Case[] = [
  { name: 'an empty file', args: ['empty.json'], code: 2, message: 'empty.json: an empty file, not a CloudFormation template' },
  { name: 'truncated JSON', args: ['truncated.json'], code: 2, message: 'truncated.json: malformed JSON at line 1 (the end): Unexpected end of JSON input' },
  { name: 'random bytes', args: ['random.bin'], code: 2, message: 'random.bin: a binary file (it holds NUL bytes), not a JSON or YAML template' },
  { name: 'a PNG header', args: ['image.json'], code: 2, message: 'image.json: a binary file (it holds NUL bytes), not a JSON or YAML template' },
  { name: 'UTF-16 with a byte-order mark', args: ['utf16.json'], code: 2, message: 'utf16.json: UTF-16 text; save the template as UTF-8' },
  { name: 'Latin-1, not UTF-8', args: ['latin1.yaml'], code: 2, message: `latin1.yaml: not UTF-8 text (byte ${latin1.indexOf(0xe9)} is not valid UTF-8), so not a template` },
  { name: 'a 50 MB template', child: true, args: ['huge-template.json'], code: 2, message: 'huge-template.json: too large (50 MB; the limit is 10 MB, and CloudFormation accepts templates of at most 1 MB)' },
  { name: 'a 50 MB log file', args: ['huge-log.txt'], code: 2, message: /^huge-log\.txt: too large \(50 MB; the limit is 10 MB/ },
  { name: '100,000 nested JSON arrays', args: ['deep.json'], code: 2, message: 'deep.json: nested more than 100 levels deep (objects and lists within one another)' },
  { name: '100,000 nested arrays in a resource', child: true, args: ['deep-property.json'], code: 2, message: 'deep-property.json: nested more than 100 levels deep (objects and lists within one another)' },
  { name: '100,000 nested YAML flow lists', child: true, args: ['deep.yaml'], code: 2, message: 'deep.yaml: nested more than 100 levels deep (objects and lists within one another)' },
  { name: 'a million YAML values', child: true, args: ['dense.yaml'], code: 2, message: 'dense.yaml: more than 200000 values (keys and items), far more than any template CloudFormation deploys' },
  { name: 'YAML aliases that expand exponentially', child: true, args: ['laughs.yaml'], code: 2, message: 'laughs.yaml: YAML aliases expand to more than 100000 nodes (an exponential "billion laughs" expansion?)' },
  { name: '10,000 YAML anchors and aliases', child: true, args: ['anchors.yaml'], code: 2, message: 'anchors.yaml: more than 1000 YAML anchors and aliases, which no template needs' },
  { name: 'a YAML alias inside its own anchor', args: ['recursive-alias.yaml'], code: 2, message: 'recursive-alias.yaml: YAML alias *loop at line 5 is inside the node it names, so it never ends' },
  { name: '__proto__ as a logical id', args: ['proto-id.json'], code: 2, message: "proto-id.json: key '__proto__' at Resources.__proto__: a name JavaScript reserves, which no template needs" },
  { name: '__proto__ in Metadata', child: true, args: ['proto-metadata.json'], code: 2, message: "proto-metadata.json: key '__proto__' at Resources.Topic.Metadata.__proto__: a name JavaScript reserves, which no template needs" },
  { name: 'constructor.prototype and __proto__ as YAML property names', args: ['proto-property.yaml'], code: 2, message: "proto-property.yaml: key '__proto__' at Resources.Topic.Properties.__proto__: a name JavaScript reserves, which no template needs" },
  { name: 'constructor as a logical id', args: ['constructor-id.json'], code: 2, message: "constructor-id.json: resource 'constructor': a name every JavaScript object has, which cloudformation-include cannot load" },
  { name: 'prototype as a logical id (legal, so audited)', args: ['prototype-id.json', '-f', 'json'], code: 1 },
  { name: 'Resources that is a list', args: ['resources-list.json'], code: 2, message: 'resources-list.json: not a CloudFormation template (its Resources is a list, not an object)' },
  { name: 'Resources that is a string', args: ['resources-string.json'], code: 2, message: 'resources-string.json: not a CloudFormation template (its Resources is a string, not an object)' },
  { name: 'a directory without manifest.json', args: ['no-manifest'], code: 2, message: 'no-manifest: a directory, but not a cloud assembly (it has no manifest.json)' },
  { name: 'a loop of symbolic links', args: ['loop-a.json'], code: 2, message: 'loop-a.json: a loop of symbolic links' },
  { name: 'a FIFO', child: true, args: ['pipe.json'], code: 2, message: 'pipe.json: not a regular file (a FIFO), so not a template' },
  { name: '/dev/zero', child: true, args: ['/dev/zero'], code: 2, message: '/dev/zero: not a regular file (a character device), so not a template' },
  { name: 'an assembly that nests itself', args: ['self-nesting'], code: 2, message: 'self-nesting: a cloud assembly that nests itself' },
  { name: 'an assembly naming a template outside it', args: ['escaping'], code: 2, message: `escaping/manifest.json: stack 'Stack' names "../outside.template.json", which is outside the cloud assembly` },
  { name: '--out at an existing file', args: ['secure.json', '--out', 'report.txt'], code: 2, message: '--out report.txt: exists and is not a directory' },
  { name: '--out under a symbolic link', args: ['secure.json', '--out', 'linked/reports'], code: 2, message: '--out linked/reports: linked is a symbolic link; give the directory it leads to' },
  { name: '--out with .. through a symbolic link', child: true, args: ['secure.json', '--out', 'linked-deep/../reports', '-f', 'json'], code: 0 },
  { name: '--out where a report name is a planted link', args: ['secure.json', '--out', 'planted', '-f', 'json'], code: 0 },
];

/** Every file under `dir` (links as links) with a digest of its content. */
function snapshot(dir: string, into = new Map<string, string>()): Map<string, string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) snapshot(file, into.set(file, 'dir'));
    else if (entry.isSymbolicLink()) into.set(file, `link:${fs.readlinkSync(file)}`);
    else if (entry.isFile()) into.set(file, createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
    else into.set(file, 'special');
  }
  return into;
}

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly signal?: NodeJS.Signals | null;
  readonly ms?: number;
  readonly timedOut?: boolean;
  readonly probe?: { polluted: string | null; changed: boolean };
}

/** The binary in a child with a 512 MB heap, killed after CHILD_TIMEOUT_MS; its temporary files go to a directory we watch. */
function runChild(index: number, args: string[]): Promise<Run> {
  const probeFile = path.join(root, `probe-${index}.json`);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [
      '--max-old-space-size=512',
      '-r', require.resolve('ts-node/register/transpile-only'), '-r', path.join(__dirname, 'prototype-probe.ts'),
      path.join(ROOT, 'bin/election-audit.ts'), ...args,
    ], {
      cwd: work,
      env: { ...process.env, ...PINNED_ENV, TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json'), TMPDIR: childTmp, PROTOTYPE_PROBE_FILE: probeFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, CHILD_TIMEOUT_MS);
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const probe = fs.existsSync(probeFile) ? JSON.parse(fs.readFileSync(probeFile, 'utf8')) : undefined;
      fs.rmSync(probeFile, { force: true });
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started, timedOut, probe });
    });
  });
}

const before = snapshot(root);
const suiteStarted = Date.now();
const children = new Map<string, Promise<Run>>();
// At most PARALLEL children at once, each lane running its cases one after another: the machine is shared.
const lanes: Array<Promise<unknown>> = Array.from({ length: PARALLEL }, () => Promise.resolve());
CASES.filter((c) => c.child).forEach((c, index) => {
  const run = lanes[index % PARALLEL].then(() => runChild(index, c.args));
  lanes[index % PARALLEL] = run.catch(() => undefined);
  children.set(c.name, run);
});
const allChildren = Promise.all([...children.values()]);
const inProcess = new Map<string, Run>();
const run = async (c: Case): Promise<Run> => {
  if (c.child) return children.get(c.name)!;
  if (!inProcess.has(c.name)) inProcess.set(c.name, auditInProcess(c.args, work));
  return inProcess.get(c.name)!;
};

describe('hostile input: one clear line and exit 2, in bounded time and memory', () => {
  test.each(CASES.map((c) => [c.child ? `${c.name} (child process)` : c.name, c] as const))('%s', async (_name, c) => {
    const result = await run(c);
    if (c.child) {
      expect({ timedOut: result.timedOut, signal: result.signal }).toEqual({ timedOut: false, signal: null });
      expect(result.probe).toEqual({ polluted: null, changed: false });
    }
    expect(result.stderr).not.toMatch(/heap out of memory|Maximum call stack|\n\s+at |Error:|TSError/);
    expect(result.code).toBe(c.code);
    if (c.code === 2) {
      const lines = result.stderr.split('\n').filter((line) => line.trim() !== '');
      expect(lines).toHaveLength(1);
      const message = lines[0].replace(/^election-audit: /, '');
      if (typeof c.message === 'string') expect(message).toBe(c.message);
      else expect(message).toMatch(c.message!);
      expect(result.stdout).toBe('');
    } else {
      expect(result.stderr).toBe('');
    }
  });

  test('a logical id that is alphanumeric but names a built-in of functions (prototype) is audited like any other', async () => {
    const report = JSON.parse((await run(CASES.find((c) => c.name.startsWith('prototype as'))!)).stdout);
    expect(report.summary).toMatchObject({ resources: 1, templates: 1 });
    expect(report.findings.map((f: { logicalId: string }) => f.logicalId)).toContain('prototype');
  });

  test('prototype-pollution keys leave Object.prototype of this process alone too', () => {
    for (const file of ['proto-id.json', 'proto-metadata.json', 'proto-property.yaml', 'constructor-id.json']) {
      expect(auditInProcess([file], work).code).toBe(2);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('every child finished well within its time limit', async () => {
    const finished = await allChildren;
    const slowest = Math.max(...finished.map((result) => result.ms ?? 0));
    console.info(`${finished.length} child processes in ${Date.now() - suiteStarted} ms; slowest ${slowest} ms`);
    expect(slowest).toBeLessThan(CHILD_TIMEOUT_MS);
  });
});

describe('nothing is written outside --out', () => {
  test('only the report files of the runs that passed changed, and the children left no temporary files', async () => {
    await allChildren;
    const after = snapshot(root);
    const changed = [...new Set([...before.keys(), ...after.keys()])]
      .filter((file) => before.get(file) !== after.get(file))
      .filter((file) => !file.startsWith(`${childTmp}${path.sep}`))
      .sort();
    expect(changed).toEqual([
      at('planted/election-audit.component-definition.json'), at('planted/election-audit.json'), at('planted/evidence-manifest.json'), at('reports'),
      at('reports/election-audit.component-definition.json'), at('reports/election-audit.json'), at('reports/evidence-manifest.json'),
    ].sort());
    expect(fs.lstatSync(at('planted/election-audit.json')).isFile()).toBe(true);
    expect(JSON.parse(fs.readFileSync(at('reports/election-audit.json'), 'utf8')).summary.errors).toBe(0);
    expect(fs.readFileSync(path.join(outside, 'victim.json'), 'utf8')).toBe('keep me');
    // Left alone: Node's compile cache (ts-node's), and the empty outdirs aws-cdk-lib's App makes in TMPDIR.
    const leftovers = [...after.entries()]
      .filter(([file]) => file.startsWith(`${childTmp}${path.sep}`) && !path.relative(childTmp, file).startsWith('v8-compile-cache'));
    expect(leftovers.filter(([file, kind]) => kind !== 'dir' || !/^cdk\.out\w+$/.test(path.basename(file)))).toEqual([]);
  });
});

describe('limits that let real templates through', () => {
  test('nesting at the limit is audited, one more level is refused', () => {
    const nest = (levels: number) => {
      let value: unknown = 'leaf';
      for (let i = 0; i < levels; i++) value = [value];
      return value;
    };
    // The template, Resources, the resource and Metadata are four levels; the arrays make up the rest.
    const withDeepMetadata = (levels: number) => {
      const template = structuredClone(secureTemplate);
      Object.values(template.Resources as Record<string, { Metadata?: unknown }>)[0].Metadata = { Deep: nest(levels) };
      return JSON.stringify(template);
    };
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'within.json'), withDeepMetadata(INPUT_LIMITS.maxDepth - 4));
    fs.writeFileSync(path.join(dir, 'beyond.json'), withDeepMetadata(INPUT_LIMITS.maxDepth - 3));
    expect(auditInProcess(['within.json'], dir)).toMatchObject({ code: 0, stderr: '' });
    expect(auditInProcess(['beyond.json'], dir)).toEqual({ code: 2, stdout: '', stderr: 'election-audit: beyond.json: nested more than 100 levels deep (objects and lists within one another)\n' });
  });

  test('a few YAML aliases still resolve, inside short-form intrinsics too', () => {
    const { value } = parseCloudFormationYaml('Names: &names [a, b]\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: !Join [",", *names]\n', 'aliases.yaml');
    expect(value).toMatchObject({ Resources: { Topic: { Properties: { DisplayName: { 'Fn::Join': [',', ['a', 'b']] } } } } });
  });

  test('a UTF-8 byte-order mark: YAML reads past it, JSON is refused with a reason', () => {
    const dir = tempDir();
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    fs.writeFileSync(path.join(dir, 'bom.yaml'), Buffer.concat([bom, fs.readFileSync(fixture('insecure-buckets.yaml'))]));
    fs.writeFileSync(path.join(dir, 'bom.json'), Buffer.concat([bom, fs.readFileSync(fixture('secure-buckets.json'))]));
    expect(auditInProcess(['bom.yaml'], dir)).toMatchObject({ code: 1, stderr: '' });
    expect(auditInProcess(['bom.json'], dir).stderr).toBe('election-audit: bom.json: JSON that starts with a byte-order mark, which JSON readers refuse; save it as UTF-8 without one\n');
  });
});
