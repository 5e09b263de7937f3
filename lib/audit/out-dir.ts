import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { AuditInputError, firstLine } from './input-error';

/** A file of a report set: a rendered format, the evidence manifest, the component definition. */
export interface ReportFile {
  readonly fileName: string;
  readonly text: string;
}

/**
 * Writes the files of a report set into `--out DIR` (or the synth's report
 * directory, named in errors by `label`) and nowhere else.
 *
 * DIR resolves against the working directory with its `..` segments settled
 * by name, so the kernel never follows a link to climb out. Below the deepest
 * directory DIR shares with the working directory, no component may be a
 * symbolic link (an untrusted assembly's `reports -> ~/.ssh` would otherwise
 * take the reports elsewhere). Each report is written to a new file and then
 * renamed over its name, which replaces a symbolic or hard link planted there
 * instead of writing through it.
 */
export function writeReportFiles(files: readonly ReportFile[], out: string, cwd: string, label?: string): void {
  const what = label ?? `--out ${out}`;
  if (out.trim() === '') throw new AuditInputError(`${what}: give a directory`);
  const dir = path.resolve(cwd, out);
  checkNoLinks(dir, cwd, what);
  const existing = fs.statSync(dir, { throwIfNoEntry: false });
  if (existing && !existing.isDirectory()) throw new AuditInputError(`${what}: exists and is not a directory`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    for (const file of files) replaceFile(path.join(dir, file.fileName), file.text);
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
