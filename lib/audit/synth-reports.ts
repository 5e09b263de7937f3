import * as path from 'path';
import { Stage } from 'aws-cdk-lib';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { REPORT_FORMATS, writeReports } from '../reports';
import { constructWaivers } from './construct-waivers';
import { auditTemplates } from './engine';
import { loadTemplates } from './inputs';
import { AuditPackName, AuditReport } from './model';
import { PACK_NAMES } from './packs';

/** The directory of the cloud assembly the report set is written to. */
export const SYNTH_REPORT_DIR = 'election-audit';

/** Options of `writeSynthAuditReports`. */
export interface SynthAuditOptions {
  /** The packs to run. @default all three */
  readonly packs?: readonly AuditPackName[];
  /** Template paths in the reports are relative to this directory. @default the current directory */
  readonly cwd?: string;
  /** The report's time. @default now, or `SOURCE_DATE_EPOCH` */
  readonly generatedAt?: string;
  /** The tool version the report names. @default this package's version */
  readonly toolVersion?: string;
}

/**
 * After `app.synth()`: audits the templates just written, as
 * `election-audit` would, but with the waivers of record read from the
 * construct tree (where each was made), and writes every report format to
 * `<assembly>/election-audit/`. Returns the audit; it never fails the synth
 * itself (the packs registered on the app do that).
 */
export function writeSynthAuditReports(stage: Stage, assembly: CloudAssembly, options: SynthAuditOptions = {}): AuditReport {
  const cwd = options.cwd ?? process.cwd();
  const relative = path.relative(cwd, assembly.directory) || '.';
  const shown = relative.startsWith('..') ? assembly.directory : relative;
  const report = auditTemplates(loadTemplates([shown], cwd), {
    packs: options.packs ?? PACK_NAMES,
    constructWaivers: constructWaivers(stage),
    generatedAt: options.generatedAt,
    toolVersion: options.toolVersion,
  });
  writeReports(report, path.join(assembly.directory, SYNTH_REPORT_DIR), REPORT_FORMATS);
  return report;
}
