/**
 * Synth benchmark, side by side in one run: (a) no rule pack, (b)
 * ElectionBaselineChecks, (c) cdk-nag AwsSolutionsChecks, (d) all three
 * packs, on the reference app and on generated statewide apps of N county
 * stacks (bench/county-stack.ts, about 90 resources each). Every measurement
 * is its own process (bench/synth-once.ts), so peak memory is that run's
 * alone; variants are interleaved within each repetition so machine noise
 * hits them alike. Reports medians, the packs' overhead as a ratio to (a),
 * the time spent inside our pack during the very same synth (immune to the
 * noise between runs), and the time per resource-rule evaluation of our pack.
 *
 *   npm run bench -- synth [--reps 3] [--apps reference,1,10,50,100] [--markdown FILE]
 */
import { spawnSync } from 'child_process';
import * as os from 'os';
import * as path from 'path';
import { ElectionBaselineChecks } from '../lib/election-baseline-checks';
import { linearFit, median, option } from './stats';

interface Run { ms: number; resources: number; stacks: number; findings: number; maxRssMb: number; electionMs: number; packsMs: number }

const VARIANT_LABELS: Record<string, string> = { a: '(a) no pack', b: '(b) ElectionBaseline', c: '(c) AwsSolutions', d: '(d) all three packs' };

function once(app: string, variant: string): Record<string, number> {
  const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'synth-once.ts'), '--app', app, '--variant', variant], {
    encoding: 'utf8',
    cwd: path.join(__dirname, '..'),
    env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1' },
    maxBuffer: 1 << 26,
  });
  if (run.status !== 0) throw new Error(`synth-once ${app} ${variant} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!);
}

export function synthBench(out: string[]): void {
  const reps = Number(option('reps', '3'));
  const apps = option('apps', 'reference,1,10,50,100').split(',').map((a) => (a === 'reference' ? a : `counties:${a}`));
  const rules = ElectionBaselineChecks.rules().length;
  out.push('## Synth time and peak memory', '');
  out.push(`${reps} repetitions per cell, variants interleaved, each run in its own process; medians. Time is app construction plus`);
  out.push("`app.synth()`, which includes CDK's own CloudFormation validation (`validateAgainstDefaultRules`) in every variant.");
  out.push("\"in our pack\" is the time spent inside ElectionBaselineChecks' `validate` during that same synth; \"in all packs\" likewise for every");
  out.push('pack of the variant. Their share of (a) is the overhead measured without the noise between separate runs.', '');
  out.push('| app | stacks | resources | variant | median s | ratio to (a) | in our pack ms | in all packs ms | all packs / (a) | peak RSS MB | findings |');
  out.push('| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const overhead: Array<{ app: string; resources: number; ratio: number; packShare: number; packMs: number }> = [];
  for (const app of apps) {
    const samples = new Map<string, Run[]>(Object.keys(VARIANT_LABELS).map((v) => [v, []]));
    for (let r = 0; r < reps; r++) {
      for (const variant of Object.keys(VARIANT_LABELS)) samples.get(variant)!.push(once(app, variant) as unknown as Run);
      process.stderr.write(`  ${app}: repetition ${r + 1}/${reps}\n`);
    }
    const base = median(samples.get('a')!.map((s) => s.ms));
    for (const [variant, runs] of samples) {
      const ms = median(runs.map((s) => s.ms));
      const { resources, stacks } = runs[0];
      const electionMs = median(runs.map((s) => s.electionMs));
      const packsMs = median(runs.map((s) => s.packsMs));
      if (variant === 'b') overhead.push({ app, resources, ratio: ms / base, packShare: electionMs / base, packMs: electionMs });
      const inPack = variant === 'b' || variant === 'd' ? electionMs.toFixed(0) : '';
      const inPacks = variant === 'a' ? '' : packsMs.toFixed(0);
      const share = variant === 'a' ? '' : `${((100 * packsMs) / base).toFixed(1)}%`;
      out.push(`| ${app} | ${stacks} | ${resources} | ${VARIANT_LABELS[variant]} | ${(ms / 1000).toFixed(2)} | ${(ms / base).toFixed(3)} | ` +
        `${inPack} | ${inPacks} | ${share} | ${median(runs.map((s) => s.maxRssMb)).toFixed(0)} | ${Math.max(...runs.map((s) => s.findings))} |`);
    }
  }

  out.push('', '## Each pack alone, on the same synthesized tree', '');
  out.push(`Median of ${reps} processes; the pack's second pass (the first warms up). "validate" is how synth calls a pack: with the templates`);
  out.push('CDK has just written. "validateScope" is how tests call ours: with no templates, so it renders every resource from the tree first.');
  out.push(`ElectionBaseline has ${rules} rules.`, '');
  out.push('| app | resources | ElectionBaseline validate ms | AwsSolutions validate ms | NIST 800-53 r5 validate ms | ElectionBaseline validateScope ms | ElectionBaseline µs per resource-rule |');
  out.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const validatePoints: Array<[number, number]> = [];
  for (const app of apps) {
    const runs = Array.from({ length: reps }, () => once(app, 'v'));
    const m = (key: string) => median(runs.map((r) => r[key]));
    validatePoints.push([runs[0].resources, m('election')]);
    out.push(`| ${app} | ${runs[0].resources} | ${m('election').toFixed(0)} | ${m('awsSolutions').toFixed(0)} | ${m('nist').toFixed(0)} | ` +
      `${m('electionScope').toFixed(0)} | ${((m('election') * 1000) / (runs[0].resources * rules)).toFixed(2)} |`);
  }
  out.push('', '## Targets', '');
  const largest = overhead[overhead.length - 1];
  if (largest) {
    const met = (x: number) => (x <= 0.1 ? 'met' : 'missed');
    out.push(`- Our pack's synth overhead at ${largest.app} (${largest.resources} resources), target at most 10%:`);
    out.push(`  - time inside the pack during synth: ${largest.packMs.toFixed(0)} ms, ${(100 * largest.packShare).toFixed(1)}% of (a): ${met(largest.packShare)};`);
    out.push(`  - wall time of (b) against (a), separate processes: ${(100 * (largest.ratio - 1)).toFixed(1)}%: ${met(largest.ratio - 1)}` +
      `${largest.ratio - 1 > 0.1 && largest.packShare <= 0.1 ? ' (separate runs differ by more than the pack costs: the in-process figure above is the pack\'s own time)' : ''}.`);
  }
  if (validatePoints.length >= 3) {
    const fit = linearFit(validatePoints);
    out.push(`- Linearity of our pack's validate time in resources: ${(fit.slope * 1000).toFixed(1)} µs per resource, ` +
      `intercept ${fit.intercept.toFixed(0)} ms, R² ${fit.r2.toFixed(3)} (1 is a straight line).`);
  }
  out.push('', `Machine: ${os.cpus().length} x ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, load average at start ${os.loadavg()[0].toFixed(2)}.`);
}
