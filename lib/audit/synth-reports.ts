import * as path from 'path';
import { Stage } from 'aws-cdk-lib';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { REPORT_FORMATS } from '../reports';
import { waiversAboveStacks } from './construct-waivers';
import { auditTemplates } from './engine';
import { loadTemplates } from './inputs';
import { AuditPackName, AuditReport } from './model';
import { PACK_NAMES } from './packs';
import { writeReportSet } from './report-set';
import { SynthFindings } from './synth-findings';

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
  /**
   * The ISO date waiver expiry is judged against: give the app's
   * `ElectionBaselineChecks` `asOf`, so the reports judge as the synth did.
   * @default the day of `generatedAt` (UTC)
   */
  readonly asOf?: string;
  /** The tool version the report names. @default this package's version */
  readonly toolVersion?: string;
  /** The accounts the app's `ElectionBaselineChecks` trusts (its `trustedAccountIds`), so the reports judge as the synth did. @default none */
  readonly trustedAccountIds?: readonly string[];
  /**
   * What the packs registered through it found during this synth: the reports
   * reuse it instead of running the packs over the templates again.
   * @default none: the packs run again
   */
  readonly synthFindings?: SynthFindings;
}

/**
 * After `app.synth()`: audits the cloud assembly just written, as
 * `election-audit` would (the same templates and the same CDK acknowledgments,
 * read from the assembly), adding the acknowledgments made above every stack,
 * which the assembly does not carry (`waiversAboveStacks`), and writes every
 * report format to `<assembly>/election-audit/` with `writeReportSet`, the
 * writer `election-audit --out` uses (the same files: the evidence manifest and
 * the library's OSCAL component definition beside the formats). Returns
 * the audit; it never fails the synth itself (the packs registered on the app do that).
 */
export function writeSynthAuditReports(stage: Stage, assembly: CloudAssembly, options: SynthAuditOptions = {}): AuditReport {
  const cwd = options.cwd ?? process.cwd();
  const relative = path.relative(cwd, assembly.directory) || '.';
  const shown = relative.startsWith('..') ? assembly.directory : relative;
  const templates = loadTemplates([shown], cwd);
  const report = auditTemplates(templates, {
    packs: options.packs ?? PACK_NAMES,
    aboveStackWaivers: waiversAboveStacks(stage),
    generatedAt: options.generatedAt,
    asOf: options.asOf,
    toolVersion: options.toolVersion,
    trustedAccountIds: options.trustedAccountIds,
    synthFindings: options.synthFindings,
  });
  // `cdk synth` hands the app a relative outdir (CDK_OUTDIR=cdk.out): resolve it once, against the same cwd.
  const assemblyDir = path.resolve(cwd, assembly.directory);
  const dir = path.join(assemblyDir, SYNTH_REPORT_DIR);
  // The assembly was just written by CDK: only the report directory below it is checked for links.
  writeReportSet(report, templates, dir, assemblyDir, REPORT_FORMATS, path.relative(cwd, dir) || dir);
  return report;
}
