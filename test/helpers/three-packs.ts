import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, NagPack, NIST80053R5Checks } from 'cdk-nag';
import { ElectionBaselineChecks } from '../../lib/election-baseline-checks';

/** One finding CDK's validation left standing after acknowledgments. */
export interface OpenFinding {
  readonly ruleId: string;
  readonly path: string;
}

/** An App in a fresh temporary directory with the three packs registered as the README shows: no options. */
export function appWithThreePacks(props: AppProps = {}): App {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'three-packs-')), ...props });
  Validations.of(app).addPlugins(new ElectionBaselineChecks(app), new AwsSolutionsChecks(app), new NIST80053R5Checks(app));
  return app;
}

/**
 * Synthesizes `app` as `cdk synth` does and returns what the registered packs
 * report after CDK has applied every acknowledgment: empty when synth passes.
 */
export function openFindingsAtSynth(app: App): OpenFinding[] {
  try {
    app.synth({ force: true });
    return [];
  } catch (error) {
    const reportFile = path.join(app.outdir, 'validation-report.json');
    if (!fs.existsSync(reportFile)) throw error;
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as {
      pluginReports: Array<{ violations: Array<{ ruleName: string; violatingConstructs: Array<{ constructPath: string }> }> }>;
    };
    return report.pluginReports.flatMap((plugin) => plugin.violations.flatMap((v) =>
      v.violatingConstructs.map((c) => ({ ruleId: v.ruleName, path: c.constructPath }))));
  }
}

/** The three packs by name, fresh each time, for `test.each`: a scope's findings under each, as `validateScope` reports them. */
export const THREE_PACKS: ReadonlyArray<readonly [string, () => NagPack]> = [
  ['ElectionBaseline', () => new ElectionBaselineChecks()],
  ['AwsSolutions', () => new AwsSolutionsChecks()],
  ['NIST.800.53.R5', () => new NIST80053R5Checks()],
];
