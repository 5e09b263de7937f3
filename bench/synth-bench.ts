/**
 * Synth time of the reference results stack, side by side in one run:
 * (a) no rule pack, (b) ElectionBaselineChecks, (c) cdk-nag AwsSolutionsChecks,
 * (d) all three packs; for 1, 10 and 50 county stacks. Variants are
 * interleaved within each repetition so that machine noise hits them alike;
 * the report gives medians and the packs' overhead as a ratio to (a).
 *
 *   npm run bench [-- --reps 5 --counties 1,10,50]
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, IPolicyValidationPlugin, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import { DEFAULT_SETTINGS } from '../bin/settings';
import { ElectionResultsStack } from '../bin/stacks/election-results-stack';
import { ElectionBaselineChecks } from '../lib/election-baseline-checks';

type Variant = { name: string; packs: (app: App) => IPolicyValidationPlugin[] };

const VARIANTS: Variant[] = [
  { name: '(a) no pack', packs: () => [] },
  { name: '(b) ElectionBaseline', packs: (app) => [new ElectionBaselineChecks(app)] },
  { name: '(c) AwsSolutions', packs: (app) => [new AwsSolutionsChecks(app)] },
  { name: '(d) all three packs', packs: (app) => [new ElectionBaselineChecks(app), new AwsSolutionsChecks(app), new NIST80053R5Checks(app)] },
];

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

function buildApp(counties: number, variant: Variant, outdir: string): App {
  const app = new App({ outdir, context: JSON.parse(fs.readFileSync(path.join(__dirname, '../cdk.json'), 'utf8')).context });
  const packs = variant.packs(app);
  if (packs.length > 0) Validations.of(app).addPlugins(...packs);
  for (let i = 1; i <= counties; i++) new ElectionResultsStack(app, `County${i}`, { settings: DEFAULT_SETTINGS });
  return app;
}

function timeSynth(counties: number, variant: Variant): { ms: number; resources: number } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const app = buildApp(counties, variant, outdir);
  const start = process.hrtime.bigint();
  const assembly = app.synth();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const resources = assembly.stacks.reduce((n, s) => n + Object.keys(s.template.Resources ?? {}).length, 0);
  fs.rmSync(outdir, { recursive: true, force: true });
  return { ms, resources };
}

/** Time of each pack's validation alone, on the same synthesized tree: the least noisy comparison. */
function timePacks(counties: number, reps: number): void {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const app = buildApp(counties, VARIANTS[0], outdir);
  app.synth();
  const packs: Array<[string, () => { validateScope(scope: App): unknown }]> = [
    ['ElectionBaseline', () => new ElectionBaselineChecks()],
    ['AwsSolutions', () => new AwsSolutionsChecks()],
    ['NIST.800.53.R5', () => new NIST80053R5Checks()],
  ];
  const samples = new Map<string, number[]>(packs.map(([name]) => [name, []]));
  for (let r = 0; r < reps + 1; r++) {
    for (const [name, make] of packs) {
      const pack = make();
      const start = process.hrtime.bigint();
      pack.validateScope(app);
      if (r > 0) samples.get(name)!.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  const line = packs.map(([name]) => `${median(samples.get(name)!).toFixed(1)} ms`).join(' | ');
  console.log(`| ${counties} | ${line} |`);
  fs.rmSync(outdir, { recursive: true, force: true });
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function main(): void {
  const reps = Number(arg('reps', '5'));
  const countyCounts = arg('counties', '1,10,50').split(',').map(Number);
  process.env.CDK_VALIDATION = process.env.CDK_VALIDATION ?? 'true';
  console.log(`# synth benchmark: ${new Date().toISOString()}, ${os.cpus().length} x ${os.cpus()[0]?.model}, node ${process.version}`);
  console.log(`# ${reps} repetitions, variants interleaved; medians in ms; the time includes CDK's own CloudFormation validation in every variant\n`);
  console.log('| counties | resources | variant | median ms | ratio to (a) | ms per resource-rule (b) |');
  console.log('| ---: | ---: | --- | ---: | ---: | ---: |');
  for (const counties of countyCounts) {
    timeSynth(counties, VARIANTS[0]); // warm-up: module loading and JIT
    const samples = new Map<string, number[]>(VARIANTS.map((v) => [v.name, []]));
    let resources = 0;
    for (let r = 0; r < reps; r++) {
      for (const variant of VARIANTS) {
        const result = timeSynth(counties, variant);
        samples.get(variant.name)!.push(result.ms);
        resources = result.resources;
      }
    }
    const base = median(samples.get(VARIANTS[0].name)!);
    const ruleEvaluations = resources * ElectionBaselineChecks.rules().length;
    for (const variant of VARIANTS) {
      const m = median(samples.get(variant.name)!);
      const perEvaluation = variant.name.startsWith('(b)') ? ((m - base) / ruleEvaluations).toFixed(4) : '';
      console.log(`| ${counties} | ${resources} | ${variant.name} | ${m.toFixed(0)} | ${(m / base).toFixed(3)} | ${perEvaluation} |`);
    }
  }
  console.log('\n# validateScope alone on the same synthesized tree (tree rendered by each pack), medians\n');
  console.log('| counties | ElectionBaseline | AwsSolutions | NIST.800.53.R5 |');
  console.log('| ---: | ---: | ---: | ---: |');
  for (const counties of countyCounts) timePacks(counties, reps);
}

main();
