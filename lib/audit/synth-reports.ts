import * as path from 'path';
import { Stage } from 'aws-cdk-lib';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { REPORT_FORMATS, writeReports } from '../reports';
import { waiversAboveStacks } from './construct-waivers';
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
  /** The accounts the app's `ElectionBaselineChecks` trusts (its `trustedAccountIds`), so the reports judge as the synth did. @default none */
  readonly trustedAccountIds?: readonly string[];
}

/**
 * After `app.synth()`: audits the cloud assembly just written, as
 * `election-audit` would (the same templates and the same CDK acknowledgments,
 * read from the assembly), adding the acknowledgments made above every stack,
 * which the assembly does not carry (`waiversAboveStacks`), and writes every
 * report format to `<assembly>/election-audit/`. Returns the audit; it never
 * fails the synth itself (the packs registered on the app do that).
 */
export function writeSynthAuditReports(stage: Stage, assembly: CloudAssembly, options: SynthAuditOptions = {}): AuditReport {
  const cwd = options.cwd ?? process.cwd();
  const relative = path.relative(cwd, assembly.directory) || '.';
  const shown = relative.startsWith('..') ? assembly.directory : relative;
  const report = auditTemplates(loadTemplates([shown], cwd), {
    packs: options.packs ?? PACK_NAMES,
    aboveStackWaivers: waiversAboveStacks(stage),
    generatedAt: options.generatedAt,
    toolVersion: options.toolVersion,
    trustedAccountIds: options.trustedAccountIds,
  });
  writeReports(report, path.join(assembly.directory, SYNTH_REPORT_DIR), REPORT_FORMATS);
  return report;
}
