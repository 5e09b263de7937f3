import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { buildReferenceApp } from '../../bin/reference-app';
import { runCli } from '../../lib/audit/cli';

const ROOT = path.join(__dirname, '../..');

/** What a run of the CLI printed and returned. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Pins that make reports byte-for-byte reproducible. */
export const PINNED_ENV = { SOURCE_DATE_EPOCH: '1762387200', ELECTION_AUDIT_TOOL_VERSION: '0.0.0-test' };

/** Runs `election-audit` in this process (same code path as the binary, minus the process). */
export function auditInProcess(args: string[], cwd = ROOT, env: Record<string, string> = {}, tty = false): CliRun {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, {
    cwd,
    env: { ...PINNED_ENV, ...env },
    stdout: { write: (text: string) => (stdout += text), isTTY: tty },
    stderr: { write: (text: string) => (stderr += text), isTTY: tty },
  });
  return { code, stdout, stderr };
}

/** Runs the real `bin/election-audit.ts` as a child process (ts-node, transpile only). */
export function auditChild(args: string[], cwd = ROOT, env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', require.resolve('ts-node/register/transpile-only'), path.join(ROOT, 'bin/election-audit.ts'), ...args], {
      cwd,
      env: { ...process.env, ...PINNED_ENV, TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const made: string[] = [];

/** A fresh temporary directory, removed by `removeTempDirs`. */
export function tempDir(prefix = 'election-audit-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes the directories `tempDir` made in this test file. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * Synthesizes the reference app, with cdk.json's context as `cdk synth`
 * would, into `<dir>/cdk.out`.
 */
export function synthReferenceApp(dir: string): { app: App; assembly: CloudAssembly } {
  const context = JSON.parse(fs.readFileSync(path.join(ROOT, 'cdk.json'), 'utf8')).context;
  const app = new App({ outdir: path.join(dir, 'cdk.out'), context });
  buildReferenceApp(app);
  return { app, assembly: app.synth() };
}

/** A fixture of test/audit/fixtures. */
export function fixture(name: string): string {
  return path.join(ROOT, 'test/audit/fixtures', name);
}

/** The 1-based line of `"<key>": {` in a JSON file. */
export function lineOfKey(file: string, key: string): number {
  return fs.readFileSync(file, 'utf8').split('\n').findIndex((line) => line.includes(`"${key}": {`)) + 1;
}
