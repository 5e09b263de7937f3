import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';

let scratchDir: string | undefined;

/**
 * One empty directory per process for the scratch Apps' cloud assembly
 * builder, removed when the process exits: an App given no `outdir` makes a
 * new temporary directory each time (or, under `cdk synth`, uses the user's
 * `cdk.out`), and the audit must write nothing outside `--out`.
 */
function scratchOutdir(): string {
  if (!scratchDir) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'election-audit-'));
    process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    scratchDir = dir;
  }
  return scratchDir;
}

/** A stack in an App of its own that never synthesizes. */
export function scratchStack(id: string): Stack {
  return new Stack(new App({ autoSynth: false, analyticsReporting: false, outdir: scratchOutdir() }), id);
}
