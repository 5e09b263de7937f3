#!/usr/bin/env node
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { AuditInputError } from '../lib/audit/input-error';
import { SynthFindings } from '../lib/audit/synth-findings';
import { SYNTH_REPORT_DIR, writeSynthAuditReports } from '../lib/audit/synth-reports';
import { summaryLine } from '../lib/reports/summary';
import { buildStatewideApp } from './statewide';

/**
 * The statewide reference app, without cdk.json:
 * `npx cdk synth --app "npx ts-node --prefer-ts-exts bin/statewide-app.ts" -c counties=250`.
 */
const app = new App();
const synthFindings = new SynthFindings();
buildStatewideApp(app, { synthFindings });
try {
  const assembly = app.synth();
  // The statewide audit and the evidence manifest, as `election-audit cdk.out --out DIR` writes them.
  const report = writeSynthAuditReports(app, assembly, { synthFindings });
  const dir = path.relative(process.cwd(), path.join(assembly.directory, SYNTH_REPORT_DIR)) || '.';
  process.stderr.write(`election-audit: report set and evidence-manifest.json written to ${dir}/: ${summaryLine(report)}\n`);
} catch (error) {
  if (!(error instanceof AuditInputError)) throw error;
  process.stderr.write(`election-audit: ${error.message}\n`);
  process.exitCode = 1;
}
