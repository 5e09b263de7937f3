#!/usr/bin/env node
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { AuditInputError } from '../lib/audit/input-error';
import { SynthFindings } from '../lib/audit/synth-findings';
import { SYNTH_REPORT_DIR, writeSynthAuditReports } from '../lib/audit/synth-reports';
import { EVIDENCE_MANIFEST_FILE } from '../lib/audit/evidence-manifest';
import { REPORT_FORMATS } from '../lib/reports';
import { COMPONENT_DEFINITION_FILE } from '../lib/reports/oscal-component';
import { summaryLine } from '../lib/reports/summary';
import { buildReferenceApp } from './reference-app';

const app = new App();
// The report set reuses what the packs find during the synth instead of running them again.
const synthFindings = new SynthFindings();
buildReferenceApp(app, { synthFindings });
// The packs have passed (synth throws otherwise); the report set records every finding they waived, and where.
try {
  const assembly = app.synth();
  const report = writeSynthAuditReports(app, assembly, { synthFindings });
  const dir = path.relative(process.cwd(), path.join(assembly.directory, SYNTH_REPORT_DIR)) || '.';
  // On stderr, so `cdk synth` still prints only the template on stdout; the CLI shows it as the synth ends.
  const files = [...REPORT_FORMATS.map((format) => format.fileName), EVIDENCE_MANIFEST_FILE, COMPONENT_DEFINITION_FILE].join(', ');
  process.stderr.write(`election-audit: report set written to ${dir}/ (${files}): ${summaryLine(report)}\n`);
} catch (error) {
  if (!(error instanceof AuditInputError)) throw error;
  process.stderr.write(`election-audit: ${error.message}\n`);
  process.exitCode = 1;
}
