/**
 * One synth of the reference app in its own process, as `cdk synth` runs
 * bin/app.ts: without the report set (`off`), with it judging the templates
 * again (`rerun`), or with it reusing what the packs found during the synth
 * (`reuse`, as bin/app.ts does). Prints one JSON line: { synthMs, reportsMs }.
 *
 *   node -r ts-node/register/transpile-only bench/report-once.ts --reports off|rerun|reuse --outdir DIR
 */
import { App } from 'aws-cdk-lib';
import { buildReferenceApp } from '../bin/reference-app';
import { SynthFindings } from '../lib/audit/synth-findings';
import { writeSynthAuditReports } from '../lib/audit/synth-reports';
import { option } from './stats';

const mode = option('reports', 'reuse');
const start = process.hrtime.bigint();
const app = new App({ outdir: option('outdir', '') || undefined });
const synthFindings = mode === 'reuse' ? new SynthFindings() : undefined;
buildReferenceApp(app, { synthFindings });
const assembly = app.synth();
const synthDone = process.hrtime.bigint();
if (mode !== 'off') writeSynthAuditReports(app, assembly, { synthFindings });
const end = process.hrtime.bigint();
process.stdout.write(`${JSON.stringify({ synthMs: Number(synthDone - start) / 1e6, reportsMs: Number(end - synthDone) / 1e6 })}\n`);
