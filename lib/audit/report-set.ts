import type { RenderOptions, ReportFormat } from '../reports';
import { COMPONENT_DEFINITION_FILE, renderComponentDefinition } from '../reports/oscal-component';
import { EVIDENCE_MANIFEST_FILE, evidenceManifest, renderEvidenceManifest } from './evidence-manifest';
import { readInputFile } from './input-limits';
import { AuditReport } from './model';
import { ReportFile, writeReportFiles } from './out-dir';
import { LoadedTemplate } from './template-file';

/**
 * Writes a report set: each format asked for, the evidence manifest (template
 * SHA-256s, packs, county parameters, waivers) and the library's OSCAL
 * component definition. The one writer of `election-audit --out DIR` and of
 * `cdk.out/election-audit/` at synth, so both hold the same files, written
 * the same safe way (no link followed, each file replaced whole).
 *
 * `label` names the directory in an error (`--out reports`).
 */
export function writeReportSet(
  report: AuditReport, templates: readonly LoadedTemplate[], dir: string, cwd: string, formats: readonly ReportFormat[], label?: string,
): void {
  const options: RenderOptions = { templateText: templateTextOf(templates) };
  const rendered = formats.map((format) => ({ fileName: format.fileName, text: format.render(report, options) }));
  writeReportFiles([...rendered, ...reportSetExtras(report, templates)], dir, cwd, label);
}

/**
 * Each audited template's text by its name in the report, read again (with the
 * audit's limits) only when a report points into it; undefined when it cannot be.
 */
export function templateTextOf(templates: readonly LoadedTemplate[]): (template: string) => string | undefined {
  const byName = new Map(templates.map((t) => [t.display, t]));
  return (template) => {
    const loaded = byName.get(template);
    if (!loaded) return undefined;
    try {
      return readInputFile(loaded.file, loaded.display);
    } catch {
      return undefined;
    }
  };
}

/** The files a report set holds beside the formats. */
function reportSetExtras(report: AuditReport, templates: readonly LoadedTemplate[]): ReportFile[] {
  return [
    { fileName: EVIDENCE_MANIFEST_FILE, text: renderEvidenceManifest(evidenceManifest(report, templates)) },
    // Beside the assessment of what was built: what the library's constructs implement, by control (OSCAL).
    { fileName: COMPONENT_DEFINITION_FILE, text: renderComponentDefinition({ version: report.tool.version, lastModified: report.generatedAt }) },
  ];
}
