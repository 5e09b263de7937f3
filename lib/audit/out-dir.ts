import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { ReportFormat } from '../reports';
import { AuditInputError, firstLine } from './input-error';
import { AuditReport } from './model';

/** A file written beside the reports (the evidence manifest). */
export interface ExtraFile {
  readonly fileName: string;
  readonly text: string;
}

/**
 * Writes each format's file, and `extraFiles`, into `--out DIR` and nowhere else.
 *
 * DIR resolves against the working directory with its `..` segments settled
 * by name, so the kernel never follows a link to climb out. Below the deepest
 * directory DIR shares with the working directory, no component may be a
 * symbolic link (an untrusted assembly's `reports -> ~/.ssh` would otherwise
 * take the reports elsewhere). Each report is written to a new file and then
 * renamed over its name, which replaces a symbolic or hard link planted there
 * instead of writing through it.
 */
export function writeReportFiles(
  report: AuditReport, out: string, cwd: string, formats: readonly ReportFormat[], extraFiles: readonly ExtraFile[] = [],
): void {
  const what = `--out ${out}`;
  if (out.trim() === '') throw new AuditInputError(`${what}: give a directory`);
  const dir = path.resolve(cwd, out);
  checkNoLinks(dir, cwd, what);
  const existing = fs.statSync(dir, { throwIfNoEntry: false });
  if (existing && !existing.isDirectory()) throw new AuditInputError(`${what}: exists and is not a directory`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    for (const format of formats) replaceFile(path.join(dir, format.fileName), format.render(report));
    for (const extra of extraFiles) replaceFile(path.join(dir, extra.fileName), extra.text);
  } catch (error) {
    throw new AuditInputError(`${what}: cannot write the reports there: ${firstLine(error)}`);
  }
}

/** Refuses a symbolic link among the directories of `dir` below what it shares with `cwd`. */
function checkNoLinks(dir: string, cwd: string, what: string): void {
  const shared = sharedAncestor(dir, path.resolve(cwd));
  const below = path.relative(shared, dir).split(path.sep).filter((part) => part !== '');
  let at = shared;
  for (const part of below) {
    at = path.join(at, part);
    const stat = fs.lstatSync(at, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isSymbolicLink()) {
      throw new AuditInputError(`${what}: ${path.relative(cwd, at) || at} is a symbolic link; give the directory it leads to`);
    }
  }
}

function sharedAncestor(a: string, b: string): string {
  const left = a.split(path.sep);
  const right = b.split(path.sep);
  let n = 0;
  while (n < left.length && n < right.length && left[n] === right[n]) n++;
  return left.slice(0, n).join(path.sep) || path.sep;
}

function replaceFile(file: string, text: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(temporary, text, { flag: 'wx', mode: 0o644 });
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
