/**
 * The statewide app (bin/statewide.ts: three state accounts and one county
 * template rolled out by a stack set) at 10, 100 and 250 counties: synth, then
 * election-audit of the assembly, each step in its own process
 * (bench/statewide-once.ts), against today's per-county app of 100 county
 * stacks in one app (bench/county-stack.ts, all three packs, bench/synth-once.ts).
 * Repetitions interleave the sizes, so machine noise hits them alike.
 *
 *   npm run bench -- --only statewide [--reps 2] [--counties 10,100,250] [--baseline 100]
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { median, option } from './stats';

const ROOT = path.join(__dirname, '..');

function run(script: string, args: string[]): Record<string, number> {
  const child = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(__dirname, script), ...args], {
    encoding: 'utf8',
    cwd: ROOT,
    env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1' },
    maxBuffer: 1 << 26,
  });
  if (child.status !== 0) throw new Error(`${script} ${args.join(' ')} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!);
}

export function statewideBench(out: string[]): void {
  const reps = Number(option('reps', '2'));
  const sizes = option('counties', '10,100,250').split(',').map(Number);
  const baseline = Number(option('baseline', '100'));
  const loadAtStart = os.loadavg()[0];
  const synths = new Map<number, Array<Record<string, number>>>(sizes.map((n) => [n, []]));
  const audits = new Map<number, Array<Record<string, number>>>(sizes.map((n) => [n, []]));
  const perCounty: Array<Record<string, number>> = [];
  const started = Date.now();
  for (let r = 0; r < reps; r++) {
    for (const n of sizes) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-statewide-'));
      const outdir = path.join(dir, 'cdk.out');
      try {
        synths.get(n)!.push(run('statewide-once.ts', ['--phase', 'synth', '--counties', String(n), '--outdir', outdir]));
        audits.get(n)!.push(run('statewide-once.ts', ['--phase', 'audit', '--outdir', outdir]));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
      process.stderr.write(`  statewide ${n}: repetition ${r + 1}/${reps}\n`);
    }
    perCounty.push(run('synth-once.ts', ['--app', `counties:${baseline}`, '--variant', 'd']));
    process.stderr.write(`  counties:${baseline} (one stack per county): repetition ${r + 1}/${reps}\n`);
  }
  const m = (runs: Array<Record<string, number>>, key: string) => median(runs.map((x) => x[key]));
  const s = (ms: number) => (ms / 1000).toFixed(2);
  out.push('## Statewide: one county template on a stack set, against one stack per county (issue 14)', '');
  out.push(`${reps} repetitions, sizes interleaved, each step its own process; medians. Synth is app construction plus \`app.synth()\` with the`);
  out.push('three packs registered; audit is `election-audit <cdk.out> --packs election,aws-solutions,nist-800-53-r5 --out DIR` in-process');
  out.push('(reports and evidence manifest written), both timed after module loading. Peak RSS is the process\'s `maxRSS`.', '');
  out.push('| app | counties | stacks | resources | stack-set targets | synth s | audit s | synth + audit s | synth peak RSS MB | audit peak RSS MB |');
  out.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const n of sizes) {
    const synth = synths.get(n)!;
    const audit = audits.get(n)!;
    out.push(`| statewide (bin/statewide.ts) | ${n} | ${synth[0].stacks} | ${synth[0].resources} | ${audit[0].targets} | ${s(m(synth, 'ms'))} | ${s(m(audit, 'ms'))} | ` +
      `${s(m(synth, 'ms') + m(audit, 'ms'))} | ${m(synth, 'maxRssMb').toFixed(0)} | ${m(audit, 'maxRssMb').toFixed(0)} |`);
  }
  out.push(`| one stack per county (bench/county-stack.ts), (d) all three packs | ${baseline} | ${perCounty[0].stacks} | ${perCounty[0].resources} | - | ` +
    `${s(m(perCounty, 'ms'))} | not run | - | ${m(perCounty, 'maxRssMb').toFixed(0)} | - |`);
  const largest = sizes[sizes.length - 1];
  const total = m(synths.get(largest)!, 'ms') + m(audits.get(largest)!, 'ms');
  const goal = m(perCounty, 'ms');
  out.push('', `- Goal: ${largest} counties synthesized and audited in less time than ${baseline} county stacks take to synth: ` +
    `${s(total)} s against ${s(goal)} s: ${total < goal ? 'met' : 'missed'} (${(goal / total).toFixed(1)}x).`);
  out.push('- A county adds one StackInstancesGroup (its parameter overrides) to the management stack, not a stack: synth and audit grow with');
  out.push('  the overrides only, and the county template is judged once however many counties it reaches.');
  out.push(`- Run time ${((Date.now() - started) / 60000).toFixed(1)} min; load average at start ${loadAtStart.toFixed(2)} on ${os.cpus().length} x ` +
    `${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}. The default 2 repetitions keep it near 10 minutes on 2 cores.`);
  out.push('');
}
