/**
 * What the report set costs at synth, and what `election-audit` costs on one
 * small template beside Node's own start-up: each run a fresh process, the
 * variants interleaved, medians.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { median, option } from './stats';

const ROOT = path.join(__dirname, '..');
const TS_NODE = ['-r', 'ts-node/register/transpile-only'];

function run(args: string[]): { ms: number; stdout: string } {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { ms, stdout: result.stdout };
}

/** A template of one tagged bucket: the smallest thing an auditor is handed. */
function smallTemplate(dir: string): string {
  const file = path.join(dir, 'small.template.json');
  fs.writeFileSync(file, JSON.stringify({
    Resources: {
      Records: {
        Type: 'AWS::S3::Bucket',
        Properties: { VersioningConfiguration: { Status: 'Enabled' }, Tags: [{ Key: 'election:data-class', Value: 'operational' }] },
      },
    },
  }));
  return file;
}

export function reportBench(out: string[]): void {
  const reps = Number(option('reps', '3'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-report-'));
  const once = path.join(__dirname, 'report-once.ts');
  const modes = [
    ['off', 'synth, no report set'],
    ['rerun', 'synth and report set, the packs judging the templates again'],
    ['reuse', 'synth and report set, reusing what the packs found (bin/app.ts)'],
  ] as const;
  const totals = new Map<string, number[]>(modes.map(([mode]) => [mode, []]));
  const inProcess = new Map<string, number[]>(modes.map(([mode]) => [mode, []]));
  for (let r = 0; r < reps; r++) {
    for (const [mode] of modes) {
      const result = run([...TS_NODE, once, '--reports', mode, '--outdir', path.join(dir, `${mode}-${r}`)]);
      totals.get(mode)!.push(result.ms);
      inProcess.get(mode)!.push((JSON.parse(result.stdout.trim().split('\n').pop()!) as { reportsMs: number }).reportsMs);
    }
  }
  const off = median(totals.get('off')!);
  out.push('', '## The report set at synth', '');
  out.push(`The reference app as \`cdk synth\` runs \`bin/app.ts\` (ts-node, three packs), each a fresh process, median of ${reps}, interleaved.`,
    '"report set" is the time `writeSynthAuditReports` takes inside the same process, after `app.synth()`; reusing, the synth itself',
    'also runs each pack a second time with acknowledgments set aside (in the synth column).', '');
  out.push('| variant | median s | ratio to no report set | report set s (in process) |', '| --- | ---: | ---: | ---: |');
  for (const [mode, label] of modes) {
    const total = median(totals.get(mode)!);
    const reports = mode === 'off' ? '' : (median(inProcess.get(mode)!) / 1000).toFixed(2);
    out.push(`| ${label} | ${(total / 1000).toFixed(2)} | ${(total / off).toFixed(3)} | ${reports} |`);
  }

  const cli = path.join(ROOT, 'dist/bin/election-audit.js');
  if (!fs.existsSync(cli)) {
    out.push('', '(election-audit start-up not measured: run `npm run build` first.)');
    return;
  }
  const template = smallTemplate(dir);
  const floor: number[] = [];
  const cdkLib: number[] = [];
  const audit: number[] = [];
  for (let r = 0; r < reps; r++) {
    floor.push(run(['-e', '0']).ms);
    cdkLib.push(run(['-e', "require('aws-cdk-lib'); require('aws-cdk-lib/cloudformation-include'); require('cdk-nag')"]).ms);
    audit.push(run([cli, template, '--format', 'json', '--fail-on', 'none']).ms);
  }
  out.push('', '## election-audit on one small template', '');
  out.push(`One bucket, default pack, \`node dist/bin/election-audit.js small.template.json --format json\`, beside \`node -e 0\` and a process that only loads`,
    `what the rules need (aws-cdk-lib, its cloudformation-include module, cdk-nag); fresh processes, median of ${reps}, interleaved.`, '');
  out.push('| process | median s | ratio to node -e 0 |', '| --- | ---: | ---: |');
  const base = median(floor);
  for (const [label, values] of [['node -e 0', floor], ['load aws-cdk-lib, cloudformation-include, cdk-nag', cdkLib], ['election-audit, one template', audit]] as const) {
    out.push(`| ${label} | ${(median(values) / 1000).toFixed(2)} | ${(median(values) / base).toFixed(1)} |`);
  }
}
