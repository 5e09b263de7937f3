import { App, Stack } from 'aws-cdk-lib';

/**
 * A stack in an App of its own that never synthesizes: under `cdk synth` the
 * CLI sets CDK_OUTDIR, and an App made with defaults would write itself into
 * the user's cloud assembly when the process exits.
 */
export function scratchStack(id: string): Stack {
  return new Stack(new App({ autoSynth: false, analyticsReporting: false }), id);
}
