import { parseArgs } from 'util';
import { formatNames, REPORT_FORMATS, reportFormat, ReportFormat } from '../reports';
import { COMPONENT_DEFINITION_FILE } from '../reports/oscal-component';
import { auditTemplates, reportTime, TOOL_NAME, toolVersion } from './engine';
import { EVIDENCE_MANIFEST_FILE } from './evidence-manifest';
import { AuditInputError, firstLine } from './input-error';
import { loadTemplates } from './inputs';
import { AuditPackName, AuditReport } from './model';
import { templateTextOf, writeReportSet } from './report-set';
import { accountIdProblem } from '../pack/accounts';
import { isPackName, PACK_NAMES } from './packs';
import { isoDateProblem } from '../baseline/waiver-register';

/** The exit codes of `election-audit`. */
export const EXIT = {
  /** Nothing open at or above `--fail-on`. */
  PASSED: 0,
  /** Something open at or above `--fail-on`. */
  FAILED: 1,
  /** Bad input: a path, a file, an option. */
  BAD_INPUT: 2,
} as const;

/** Where the CLI reads and writes: the process, or a test's buffers. */
export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `columns` (a terminal's width) sets the table format's width on a terminal. */
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean; readonly columns?: number };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
}

const FAIL_ON = ['error', 'warning', 'none'] as const;
type FailOn = (typeof FAIL_ON)[number];

/** Runs `election-audit` with `argv` (without `node` and the script) and returns its exit code. */
export function runCli(argv: readonly string[], io: CliIo): number {
  try {
    const options = parseOptions(argv, io);
    if (options === 'help') {
      io.stdout.write(usage());
      return EXIT.PASSED;
    }
    if (options === 'version') {
      io.stdout.write(`${toolVersion()}\n`);
      return EXIT.PASSED;
    }
    const templates = loadTemplates(options.paths, io.cwd);
    const progress = io.stderr.isTTY === true && templates.length > 1;
    const report = auditTemplates(templates, {
      packs: options.packs,
      trustedAccountIds: options.trustedAccountIds,
      generatedAt: reportTime(io.env),
      asOf: options.asOf,
      toolVersion: io.env.ELECTION_AUDIT_TOOL_VERSION,
      onProgress: progress ? (done, total, t) => io.stderr.write(`\r\x1b[K${TOOL_NAME}: judging ${done + 1}/${total} ${t.display}`) : undefined,
    });
    if (progress) io.stderr.write('\r\x1b[K');
    if (options.out !== undefined) writeReportSet(report, templates, options.out, io.cwd, options.formats);
    else {
      const renderOptions = { width: io.stdout.isTTY ? io.stdout.columns : undefined, explain: options.explain, templateText: templateTextOf(templates) };
      io.stdout.write(options.formats[0].render(report, renderOptions));
    }
    return failed(report, options.failOn) ? EXIT.FAILED : EXIT.PASSED;
  } catch (error) {
    const message = error instanceof AuditInputError ? error.message : `internal error: ${firstLine(error)}`;
    io.stderr.write(`${TOOL_NAME}: ${message}\n`);
    if (io.env.ELECTION_AUDIT_DEBUG && error instanceof Error) io.stderr.write(`${error.stack}\n`);
    return EXIT.BAD_INPUT;
  }
}

interface CliOptions {
  readonly paths: string[];
  readonly formats: ReportFormat[];
  readonly out?: string;
  readonly failOn: FailOn;
  readonly packs: AuditPackName[];
  readonly trustedAccountIds: string[];
  readonly explain: boolean;
  readonly asOf?: string;
}

function parseOptions(argv: readonly string[], io: CliIo): CliOptions | 'help' | 'version' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        'format': { type: 'string', short: 'f', multiple: true },
        'out': { type: 'string', short: 'o' },
        'fail-on': { type: 'string' },
        'packs': { type: 'string', multiple: true },
        'trusted-accounts': { type: 'string', multiple: true },
        'as-of': { type: 'string' },
        'explain': { type: 'boolean' },
        'help': { type: 'boolean', short: 'h' },
        'version': { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw usageError(firstLine(error).replace(/\. To specify a positional argument.*$/, ''));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (values.version) return 'version';
  if (positionals.length === 0) throw usageError('give at least one cloud assembly directory or template file');
  const failOn = values['fail-on'] ?? 'error';
  if (!(FAIL_ON as readonly string[]).includes(failOn)) throw usageError(`unknown --fail-on '${failOn}' (use error, warning or none)`);
  const packs = listOption(values.packs ?? ['election']);
  for (const pack of packs) if (!isPackName(pack)) throw usageError(`unknown pack '${pack}' (available: ${PACK_NAMES.join(', ')})`);
  if (packs.length === 0) throw usageError('--packs names no pack');
  const trustedAccountIds = listOption(values['trusted-accounts'] ?? []);
  for (const id of trustedAccountIds) {
    const problem = accountIdProblem(id);
    if (problem) throw usageError(`--trusted-accounts: ${problem} (each must be 12 digits, e.g. 111111111111)`);
  }
  const asOf = values['as-of'];
  const dateProblem = asOf === undefined ? undefined : isoDateProblem(asOf);
  if (dateProblem) throw usageError(`--as-of ${dateProblem} (give the day to judge waiver expiry against, e.g. 2026-11-03)`);
  const formats = chooseFormats(listOption(values.format ?? []), values.out, io);
  return {
    paths: positionals, formats, out: values.out, failOn: failOn as FailOn, packs: packs as AuditPackName[], trustedAccountIds,
    explain: values.explain === true, asOf,
  };
}

/**
 * The formats asked for. With none: `table` on a terminal and `json` when
 * stdout is a pipe or file; with `--out` and none, every format.
 */
function chooseFormats(names: string[], out: string | undefined, io: CliIo): ReportFormat[] {
  for (const name of names) if (!reportFormat(name)) throw usageError(`unknown format '${name}' (available: ${formatNames().join(', ')})`);
  if (names.length === 0) return out !== undefined ? [...REPORT_FORMATS] : [reportFormat(io.stdout.isTTY ? 'table' : 'json')!];
  if (out === undefined && names.length > 1) throw usageError(`several formats (${names.join(', ')}) need --out DIR; stdout takes one`);
  return names.map((name) => reportFormat(name)!);
}

/** `--packs a,b --packs c` → `[a, b, c]`, without repeats. */
function listOption(values: readonly string[]): string[] {
  return [...new Set(values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v.length > 0))];
}

function failed(report: AuditReport, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  return report.summary.errors > 0 || (failOn === 'warning' && report.summary.warnings > 0);
}

function usageError(message: string): AuditInputError {
  return new AuditInputError(`${message} (see ${TOOL_NAME} --help)`);
}

/** The `--help` text. */
export function usage(): string {
  const formats = REPORT_FORMATS.map((f) => `                       ${f.name.padEnd(6)} ${f.description} (${f.fileName})`).join('\n');
  return `Usage: ${TOOL_NAME} <cdk.out dir | template.json | template.yaml>... [options]

Judges CloudFormation templates against the election baseline (and, with
--packs, cdk-nag's AwsSolutions and NIST 800-53 rev 5 packs). Waived findings
are reported with the waiver's reason; they are never dropped.

Options:
  -f, --format F       report format; repeat it with --out for several:
${formats}
                       default: table on a terminal, json otherwise; with --out, every format
  -o, --out DIR        write each format to a file in DIR instead of stdout, with
                       ${EVIDENCE_MANIFEST_FILE} (template SHA-256s, packs, county parameters, waivers)
                       and ${COMPONENT_DEFINITION_FILE} (what the library's constructs implement)
      --fail-on LEVEL  error | warning | none (default error): exit 1 when an open
                       finding (or a waiver that cannot be trusted) is at or above it
      --packs P,...    ${PACK_NAMES.join(', ')} (default election)
      --trusted-accounts ID,...
                       the agency's other AWS accounts (12 digits each; repeatable) that
                       trust and resource policies may name besides each stack's own account,
                       which a cloud assembly's manifest gives (default none)
      --as-of YYYY-MM-DD
                       the day waiver expiry is judged against: a waiver past its
                       expires date holds nothing (its findings are open), one ending
                       within 30 days is a warning (default the report's day, UTC,
                       from SOURCE_DATE_EPOCH when set)
      --explain        table format: print each finding's full message, waiver (approver,
                       expiry) and rule explanation under its line
  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 nothing open at or above --fail-on, 1 something is, 2 bad input.
`;
}
