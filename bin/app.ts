#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { AuditInputError } from '../lib/audit/input-error';
import { writeSynthAuditReports } from '../lib/audit/synth-reports';
import { buildReferenceApp } from './reference-app';

const app = new App();
buildReferenceApp(app);
// The packs have passed (synth throws otherwise); the report set records every finding they waived, and where.
try {
  const report = writeSynthAuditReports(app, app.synth());
  if (report.summary.errors > 0) {
    process.stderr.write(`election-audit: ${report.summary.errors} errors in the report set under cdk.out/election-audit/\n`);
  }
} catch (error) {
  if (!(error instanceof AuditInputError)) throw error;
  process.stderr.write(`election-audit: ${error.message}\n`);
  process.exitCode = 1;
}
