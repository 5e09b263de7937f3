import { AuditReport } from '../audit/model';
import { renderCsv } from './csv';
import { renderHtml } from './html';
import { renderJson } from './json';
import { renderOscal } from './oscal';
import { RenderOptions } from './report-data';
import { renderSarif } from './sarif';
import { renderTable } from './table';

/** One report format: its CLI name, the file it is written to under `--out`, and its renderer. */
export interface ReportFormat {
  /** The name `--format` takes. */
  readonly name: string;
  /** The file name under `--out DIR` and `cdk.out/election-audit/`. */
  readonly fileName: string;
  /** What it is for, in `election-audit --help`. */
  readonly description: string;
  /** Renders the whole audit; the options matter to the formats that have a choice (the table's width). */
  readonly render: (report: AuditReport, options?: RenderOptions) => string;
}

/** Every format, in the order `--help` lists them. */
export const REPORT_FORMATS: readonly ReportFormat[] = [
  { name: 'table', fileName: 'election-audit.txt', description: 'one line per finding, fitted to the terminal width (100 columns elsewhere)', render: renderTable },
  { name: 'json', fileName: 'election-audit.json', description: 'the whole audit (schemas/election-audit-report.schema.json)', render: renderJson },
  { name: 'csv', fileName: 'election-audit.csv', description: 'one row per finding, RFC 4180', render: renderCsv },
  // sarif, oscal, html (report helper)
  { name: 'sarif', fileName: 'election-audit.sarif', description: 'SARIF 2.1.0 for code scanning: one run per pack, waivers as suppressions', render: renderSarif },
  { name: 'oscal', fileName: 'election-audit.oscal.json', description: 'OSCAL 1.1.2 assessment results: findings by control (au-9.2), waivers as risks', render: renderOscal },
  { name: 'html', fileName: 'election-audit.html', description: 'one self-contained page: summaries, chart, findings and waivers filterable by stack tag', render: renderHtml },
];

export { DEFAULT_TABLE_WIDTH } from './report-data';
export type { RenderOptions } from './report-data';

/** The format with this name, if there is one. */
export function reportFormat(name: string): ReportFormat | undefined {
  return REPORT_FORMATS.find((format) => format.name === name);
}

/** The names of every format. */
export function formatNames(): string[] {
  return REPORT_FORMATS.map((format) => format.name);
}
