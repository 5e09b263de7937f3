import * as fs from 'fs';
import * as path from 'path';
import { Stage } from 'aws-cdk-lib';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { REPORT_FORMATS, writeReports } from '../reports';
import { COMPONENT_DEFINITION_FILE, renderComponentDefinition } from '../reports/oscal-component';
import { waiversAboveStacks } from './construct-waivers';
import { auditTemplates } from './engine';
import { EVIDENCE_MANIFEST_FILE, evidenceManifest, renderEvidenceManifest } from './evidence-manifest';
import { loadTemplates } from './inputs';
import { AuditPackName, AuditReport } from './model';
import { PACK_NAMES } from './packs';
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
 * report format to `<assembly>/election-audit/`, with the library's OSCAL
 * component definition (`election-audit.component-definition.json`). Returns
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
  const dir = path.join(assembly.directory, SYNTH_REPORT_DIR);
  writeReports(report, dir, REPORT_FORMATS);
  // Beside the assessment of what was built: what the library's constructs implement, by control (OSCAL).
  fs.writeFileSync(path.join(dir, COMPONENT_DEFINITION_FILE), renderComponentDefinition({ version: report.tool.version, lastModified: report.generatedAt }));
  fs.writeFileSync(path.join(dir, EVIDENCE_MANIFEST_FILE), renderEvidenceManifest(evidenceManifest(report, templates)));
  return report;
}
