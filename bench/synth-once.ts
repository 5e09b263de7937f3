/**
 * One measured synth, in its own process so that peak memory is this run's
 * alone. Prints one JSON line: { ms, resources, stacks, findings, maxRssMb,
 * electionMs, packsMs }: the last two are the time spent inside our pack's and
 * all packs' `validate` during that very synth, which machine noise between
 * separate runs does not blur.
 *
 *   node -r ts-node/register/transpile-only bench/synth-once.ts --app reference|counties:N --variant a|b|c|d
 *
 * With `--variant v`, synthesizes with no pack and then times each pack alone
 * on the same tree, as synth calls it (`validate` with the written templates)
 * and as tests call it (`validateScope`, which renders the tree): prints
 * { resources, election, awsSolutions, nist, electionScope } in ms.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, IPolicyValidationContext, IPolicyValidationPlugin, PolicyValidationPluginReport, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import { buildReferenceApp } from '../bin/reference-app';
import { ElectionBaselineChecks } from '../lib/election-baseline-checks';
import { PACK_NAME } from '../lib/pack/election-rule';
import { CountyStack } from './county-stack';
import { synthContext } from './synth-context';

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

/** A pack as CDK's validation sees it, timing each call of its `validate`. */
class TimedPack implements IPolicyValidationPlugin {
  public ms = 0;
  public readonly name: string;
  public readonly version?: string;
  public readonly ruleIds?: string[];

  constructor(private readonly pack: IPolicyValidationPlugin) {
    this.name = pack.name;
    this.version = pack.version;
    this.ruleIds = pack.ruleIds;
  }

  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const start = process.hrtime.bigint();
    try {
      return this.pack.validate(context);
    } finally {
      this.ms += Number(process.hrtime.bigint() - start) / 1e6;
    }
  }
}

/** Builds the app under test. The reference app registers all three packs itself, so for it the variant replaces them. */
function build(appSpec: string, variant: string, outdir: string, packs: TimedPack[] = []): App {
  const context = JSON.parse(fs.readFileSync(path.join(__dirname, '../cdk.json'), 'utf8')).context;
  const app = new App({ outdir, context });
  packs.push(...VARIANTS[variant].packs(app).map((pack) => new TimedPack(pack)));
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

/** Each pack alone, on one already synthesized tree, as synth and as tests call it; the first pass warms up. */
function validateOnly(appSpec: string): void {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-synth-'));
  const app = build(appSpec, 'a', outdir);
  const assembly = app.synth();
  const resources = assembly.stacks.reduce((n, s) => n + Object.keys(s.template.Resources ?? {}).length, 0);
  const context = synthContext(app, assembly);
  const packs: Array<[string, () => void]> = [
    ['election', () => new ElectionBaselineChecks().validate(context)],
    ['awsSolutions', () => new AwsSolutionsChecks().validate(context)],
    ['nist', () => new NIST80053R5Checks().validate(context)],
    ['electionScope', () => new ElectionBaselineChecks().validateScope(app)],
  ];
  const result: Record<string, number> = { resources };
  for (let pass = 0; pass < 2; pass++) {
    for (const [name, run] of packs) {
      const start = process.hrtime.bigint();
      run();
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
  const packs: TimedPack[] = [];
  const start = process.hrtime.bigint();
  const app = build(appSpec, variant, outdir, packs);
  const assembly = app.synth();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const resources = assembly.stacks.reduce((n, s) => n + Object.keys(s.template.Resources ?? {}).length, 0);
  const reportFile = path.join(outdir, 'validation-report.json');
  const report = fs.existsSync(reportFile) ? JSON.parse(fs.readFileSync(reportFile, 'utf8')) : {};
  const findings = (report.pluginReports ?? []).reduce((n: number, r: { violations?: unknown[] }) => n + (r.violations?.length ?? 0), 0);
  fs.rmSync(outdir, { recursive: true, force: true });
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  const electionMs = packs.filter((p) => p.name === PACK_NAME).reduce((n, p) => n + p.ms, 0);
  const packsMs = packs.reduce((n, p) => n + p.ms, 0);
  process.stdout.write(`${JSON.stringify({ ms, resources, stacks: assembly.stacks.length, findings, maxRssMb, electionMs, packsMs })}\n`);
}

main();
