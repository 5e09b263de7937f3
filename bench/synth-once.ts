/**
 * One measured synth, in its own process so that peak memory is this run's
 * alone. Prints one JSON line: { ms, resources, stacks, maxRssMb }.
 *
 *   node -r ts-node/register/transpile-only bench/synth-once.ts --app reference|counties:N --variant a|b|c|d
 *
 * With `--variant v`, synthesizes with no pack and then times each pack's
 * `validateScope` alone on the same tree (the least noisy comparison):
 * prints { resources, election, awsSolutions, nist } in ms.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, IPolicyValidationPlugin, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import { buildReferenceApp } from '../bin/reference-app';
import { ElectionBaselineChecks } from '../lib/election-baseline-checks';
import { CountyStack } from './county-stack';

/** The four variants every benchmark compares. */
export const VARIANTS: Record<string, { label: string; packs: (app: App) => IPolicyValidationPlugin[] }> = {
  a: { label: '(a) no pack', packs: () => [] },
  b: { label: '(b) ElectionBaseline', packs: (app) => [new ElectionBaselineChecks(app)] },
  c: { label: '(c) AwsSolutions', packs: (app) => [new AwsSolutionsChecks(app)] },
  d: { label: '(d) all three packs', packs: (app) => [new ElectionBaselineChecks(app), new AwsSolutionsChecks(app), new NIST80053R5Checks(app)] },
};

function arg(name: string): string {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0 || !process.argv[i + 1]) throw new Error(`missing --${name}`);
  return process.argv[i + 1];
}

/** Builds the app under test. The reference app registers all three packs itself, so for it the variant replaces them. */
function build(appSpec: string, variant: string, outdir: string): App {
  const context = JSON.parse(fs.readFileSync(path.join(__dirname, '../cdk.json'), 'utf8')).context;
  const app = new App({ outdir, context });
  const packs = VARIANTS[variant].packs(app);
  if (packs.length > 0) Validations.of(app).addPlugins(...packs);
  if (appSpec === 'reference') {
    // The reference app's stacks and acknowledgments, with only the variant's packs.
    buildReferenceApp(app, { registerPacks: false });
    return app;
  }
  const counties = Number(appSpec.replace('counties:', ''));
  if (!Number.isInteger(counties) || counties < 1) throw new Error(`--app must be 'reference' or 'counties:<n>', got '${appSpec}'`);
  for (let i = 1; i <= counties; i++) new CountyStack(app, `County${i}`);
  return app;
}

/** Each pack's validateScope alone, on one already synthesized tree; the first pass warms up. */
function validateOnly(appSpec: string): void {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-synth-'));
  const app = build(appSpec, 'a', outdir);
  const assembly = app.synth();
  const resources = assembly.stacks.reduce((n, s) => n + Object.keys(s.template.Resources ?? {}).length, 0);
  const packs: Array<[string, () => { validateScope(scope: App): unknown }]> = [
    ['election', () => new ElectionBaselineChecks()],
    ['awsSolutions', () => new AwsSolutionsChecks()],
    ['nist', () => new NIST80053R5Checks()],
  ];
  const result: Record<string, number> = { resources };
  for (let pass = 0; pass < 2; pass++) {
    for (const [name, make] of packs) {
      const start = process.hrtime.bigint();
      make().validateScope(app);
      if (pass === 1) result[name] = Number(process.hrtime.bigint() - start) / 1e6;
    }
  }
  fs.rmSync(outdir, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function main(): void {
  const appSpec = arg('app');
  const variant = arg('variant');
  if (variant === 'v') return validateOnly(appSpec);
  if (!VARIANTS[variant]) throw new Error(`unknown variant ${variant}`);
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-synth-'));
  const start = process.hrtime.bigint();
  const app = build(appSpec, variant, outdir);
  const assembly = app.synth();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const resources = assembly.stacks.reduce((n, s) => n + Object.keys(s.template.Resources ?? {}).length, 0);
  const reportFile = path.join(outdir, 'validation-report.json');
  const report = fs.existsSync(reportFile) ? JSON.parse(fs.readFileSync(reportFile, 'utf8')) : {};
  const findings = (report.pluginReports ?? []).reduce((n: number, r: { violations?: unknown[] }) => n + (r.violations?.length ?? 0), 0);
  fs.rmSync(outdir, { recursive: true, force: true });
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ms, resources, stacks: assembly.stacks.length, findings, maxRssMb })}\n`);
}

main();
