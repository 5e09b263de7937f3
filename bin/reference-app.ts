import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import { SynthFindings } from '../lib/audit/synth-findings';
import { ElectionBaselineChecks } from '../lib/election-baseline-checks';
import { readSettings } from './settings';
import { ElectionResultsStack } from './stacks/election-results-stack';
import { RegistrationPortalStack } from './stacks/registration-portal-stack';
import { ResultsSiteStack } from './stacks/results-site-stack';
import { SecurityBaselineStack } from './stacks/security-baseline-stack';

/** Options of `buildReferenceApp`. */
export interface ReferenceAppOptions {
  /**
   * Whether to register the election baseline and cdk-nag's two packs.
   * @default true (benchmarks turn it off to register the packs they measure)
   */
  readonly registerPacks?: boolean;
  /**
   * Keeps what the packs find during the synth, for the report set written after it.
   * @default none
   */
  readonly synthFindings?: SynthFindings;
}

/**
 * Builds the reference app into `app`: env-agnostic stacks, the election
 * baseline and cdk-nag's AwsSolutions and NIST 800-53 rev5 packs registered.
 */
export function buildReferenceApp(app: App, options: ReferenceAppOptions = {}): { results: ElectionResultsStack; resultsSite: ResultsSiteStack; registrationPortal: RegistrationPortalStack; securityBaseline: SecurityBaselineStack } {
  const settings = readSettings(app);
  if (options.registerPacks ?? true) {
    const packs = [
      new ElectionBaselineChecks(app, { writeSuppressionsToCloudFormation: true }),
      new AwsSolutionsChecks(app, { writeSuppressionsToCloudFormation: true }),
      new NIST80053R5Checks(app, { writeSuppressionsToCloudFormation: true }),
    ];
    const record = options.synthFindings;
    Validations.of(app).addPlugins(...(record ? packs.map((pack) => record.record(pack)) : packs));
  }
  Tags.of(app).add('election:agency', settings.agencyName);

  const results = new ElectionResultsStack(app, 'ElectionResults', {
    settings,
    description: `Election results and records of ${settings.agencyName} (cdk-election-baseline reference app)`,
  });
  // edge stacks (issue 3)
  const registrationPortal = new RegistrationPortalStack(app, 'RegistrationPortal', {
    settings,
    env: { region: 'us-east-1' },
    description: `Online voter registration of ${settings.agencyName} (cdk-election-baseline reference app)`,
  });
  // CloudFront-scope WAF and log delivery live only in us-east-1; no account, so synth stays offline.
  const resultsSite = new ResultsSiteStack(app, 'ResultsSite', {
    env: { region: 'us-east-1' },
    description: `Public election results site of ${settings.agencyName} (cdk-election-baseline reference app)`,
  });
  // security baseline stack (issue 4)
  const securityBaseline = new SecurityBaselineStack(app, 'SecurityBaseline', {
    settings,
    recordsBuckets: [results.records.bucket],
    description: `Audit trail, security alarms and threat detection of ${settings.agencyName} (cdk-election-baseline reference app)`,
  });
  return { results, resultsSite, registrationPortal, securityBaseline };
}
