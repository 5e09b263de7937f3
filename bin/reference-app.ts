import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import { ElectionBaselineChecks } from '../lib/election-baseline-checks';
import { readSettings } from './settings';
import { ElectionResultsStack } from './stacks/election-results-stack';

/**
 * Builds the reference app into `app`: env-agnostic stacks, the election
 * baseline and cdk-nag's AwsSolutions and NIST 800-53 rev5 packs registered.
 */
export function buildReferenceApp(app: App): { results: ElectionResultsStack } {
  const settings = readSettings(app);
  Validations.of(app).addPlugins(
    new ElectionBaselineChecks(app, { writeSuppressionsToCloudFormation: true }),
    new AwsSolutionsChecks(app, { writeSuppressionsToCloudFormation: true }),
    new NIST80053R5Checks(app, { writeSuppressionsToCloudFormation: true }),
  );
  Tags.of(app).add('election:agency', settings.agencyName);

  const results = new ElectionResultsStack(app, 'ElectionResults', {
    settings,
    description: `Election results and records of ${settings.agencyName} (cdk-election-baseline reference app)`,
  });
  // edge stacks (issue 3)
  // security baseline stack (issue 4)
  return { results };
}
