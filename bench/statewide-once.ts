/**
 * One measured step of the statewide app, in its own process so that peak
 * memory is this step's alone. Prints one JSON line.
 *
 *   node -r ts-node/register/transpile-only bench/statewide-once.ts --phase synth --counties N --outdir DIR
 *     builds bin/statewide.ts's app (three packs registered) and synthesizes it into DIR:
 *     { ms, resources, stacks, targets, maxRssMb }
 *   node -r ts-node/register/transpile-only bench/statewide-once.ts --phase audit --outdir DIR
 *     runs election-audit (the three packs, --out) on that cloud assembly, as the CLI does:
 *     { ms, code, templates, targets, maxRssMb }
 *
 * Times start after the modules are loaded, as bench/synth-once.ts's do.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { buildStatewideApp } from '../bin/statewide';
import { runCli } from '../lib/audit/cli';
import { AuditReport } from '../lib/audit/model';
import { option } from './stats';

function synth(counties: number, outdir: string): Record<string, number> {
  const context = JSON.parse(fs.readFileSync(path.join(__dirname, '../cdk.json'), 'utf8')).context;
  const start = process.hrtime.bigint();
  const app = new App({ outdir, context });
  const built = buildStatewideApp(app, { counties });
  const assembly = app.synth();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const resources = assembly.stacks.reduce((n, s) => n + Object.keys(s.template.Resources ?? {}).length, 0);
  return { ms, resources, stacks: assembly.stacks.length, targets: built.stackSet.counties.length, maxRssMb: process.resourceUsage().maxRSS / 1024 };
}

function audit(outdir: string): Record<string, number> {
  const reports = path.join(outdir, 'bench-audit');
  const start = process.hrtime.bigint();
  const code = runCli([outdir, '--packs', 'election,aws-solutions,nist-800-53-r5', '--out', reports, '--fail-on', 'none'], {
    cwd: process.cwd(),
    env: {},
    stdout: { write: () => true },
    stderr: { write: (text: string) => process.stderr.write(text) },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const report = JSON.parse(fs.readFileSync(path.join(reports, 'election-audit.json'), 'utf8')) as AuditReport;
  const targets = (report.deployments ?? []).reduce((n, d) => n + d.targets.length, 0);
  return { ms, code, templates: report.templates.length, targets, errors: report.summary.errors, maxRssMb: process.resourceUsage().maxRSS / 1024 };
}

const phase = option('phase', '');
const outdir = option('outdir', '');
if (!outdir) throw new Error('missing --outdir');
const result = phase === 'synth' ? synth(Number(option('counties', '10')), outdir) : phase === 'audit' ? audit(outdir) : undefined;
if (!result) throw new Error(`--phase must be synth or audit, got '${phase}'`);
process.stdout.write(`${JSON.stringify(result)}\n`);
