/**
 * `election-audit` against cfn-guard (the binary and AWS Control Tower
 * proactive rules that @cdklabs/cdk-validator-cfnguard bundles), on the same
 * templates, each run as the process a user would start, side by side in one
 * run: the reference app's templates, and one generated template of close to
 * 500 resources (CloudFormation's per-template limit).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { buildReferenceApp } from '../bin/reference-app';
import { cfnGuardBinary, CFN_GUARD_RULES } from '../test/helpers/cfn-guard';
import { CountyConstructs } from './county-stack';
import { median, option } from './stats';

const ROOT = path.join(__dirname, '..');
const CFN_TEMPLATE_LIMIT = 500;

/** The compiled CLI when `npm run build` has run, else the TypeScript source through ts-node (slower to start). */
function auditCommand(): { command: string; args: string[]; label: string } {
  const compiled = path.join(ROOT, 'dist/bin/election-audit.js');
  if (fs.existsSync(compiled)) return { command: process.execPath, args: [compiled], label: 'node dist/bin/election-audit.js' };
  return { command: process.execPath, args: ['-r', 'ts-node/register/transpile-only', path.join(ROOT, 'bin/election-audit.ts')], label: 'ts-node bin/election-audit.ts' };
}

function timed(command: string, args: string[]): { ms: number; status: number | null } {
  const start = process.hrtime.bigint();
  const run = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0 && run.status !== 1 && run.status !== 19) throw new Error(`${command} ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return { ms, status: run.status };
}

/** A single template of as many whole county construct sets as fit under 500 resources. */
function generatedTemplate(dir: string): { file: string; resources: number } {
  const app = new App({ outdir: path.join(dir, 'gen') });
  const stack = new Stack(app, 'Generated500', { env: { region: 'us-east-1' } });
  const probe = new App();
  new CountyConstructs(new Stack(probe, 'Probe', { env: { region: 'us-east-1' } }), 'County');
  const perSet = Object.keys(probe.synth().getStackByName('Probe').template.Resources).length;
  const sets = Math.floor(CFN_TEMPLATE_LIMIT / perSet);
  for (let i = 0; i < sets; i++) new CountyConstructs(stack, `County${i}`);
  const artifact = app.synth().getStackByName('Generated500');
  return { file: path.join(app.outdir, artifact.templateFile), resources: Object.keys(artifact.template.Resources).length };
}

export function auditBench(out: string[]): void {
  const reps = Number(option('reps', '3'));
  const guard = cfnGuardBinary();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-audit-'));
  const reference = new App({ outdir: path.join(dir, 'ref') });
  buildReferenceApp(reference);
  const assembly = reference.synth();
  const refTemplates = assembly.stacks.map((s) => path.join(assembly.directory, s.templateFile));
  const refResources = assembly.stacks.reduce((n, s) => n + Object.keys(s.template.Resources).length, 0);
  const generated = generatedTemplate(dir);
  const audit = auditCommand();

  out.push('', '## election-audit against cfn-guard', '');
  out.push(`Each run is a fresh process (start-up included), median of ${reps}, alternating the two tools. election-audit: \`${audit.label} --format json\`, `);
  out.push(`default pack (ElectionBaseline); cfn-guard: \`cfn-guard validate --rules <Control Tower proactive rules> --data <template>... --output-format json --structured\` (${guard ? path.relative(ROOT, guard) : 'not available'}).`, '');
  out.push('| templates | resources | election-audit s | cfn-guard s | cfn-guard / election-audit |');
  out.push('| --- | ---: | ---: | ---: | ---: |');
  const cases: Array<[string, string[], number]> = [
    [`reference app (${refTemplates.length} stacks)`, refTemplates, refResources],
    ['generated single template', [generated.file], generated.resources],
  ];
  for (const [label, files, resources] of cases) {
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let r = 0; r < reps; r++) {
      ours.push(timed(audit.command, [...audit.args, ...files, '--format', 'json', '--fail-on', 'none']).ms);
      if (guard) {
        theirs.push(timed(guard, ['validate', '--rules', CFN_GUARD_RULES, ...files.flatMap((f) => ['--data', f]), '--show-summary', 'none', '--output-format', 'json', '--structured']).ms);
      }
    }
    const a = median(ours) / 1000;
    const g = guard ? median(theirs) / 1000 : NaN;
    out.push(`| ${label} | ${resources} | ${a.toFixed(2)} | ${guard ? g.toFixed(2) : 'n/a'} | ${guard ? (g / a).toFixed(2) : 'n/a'} |`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
