import { App, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import { CountyBaselineStack } from '../constructs/county-baseline-stack';
import { CountyStackSet } from '../constructs/county-stack-set';
import { LogArchiveAccountStack } from '../constructs/log-archive-account-stack';
import { OrganizationSecurityDelegation } from '../constructs/organization-security-delegation';
import { OrganizationTrail } from '../constructs/organization-trail';
import { SecurityToolingAccountStack } from '../constructs/security-tooling-account-stack';
import { CountyParameters } from '../constructs/stack-set-options';
import { StatewideOrganization } from '../constructs/statewide-organization';
import { SynthFindings } from '../lib/audit/synth-findings';
import { ElectionBaselineChecks } from '../lib/election-baseline-checks';
import { DEFAULT_RECORDS_RETENTION_DAYS } from '../lib/baseline/records-retention';

/** The example state's organization: placeholder ids, so synth stays offline. */
export const STATEWIDE_ORGANIZATION: StatewideOrganization = {
  organizationId: 'o-exampl3st4te',
  managementAccountId: '100000000001',
  logArchiveAccountId: '100000000002',
  securityToolingAccountId: '100000000003',
  homeRegion: 'us-east-1',
};

/** The OU holding the county accounts. */
export const COUNTY_OU = 'ou-st4t-counties1';

/** The state SOC, which gets the alerts of a county without its own address. */
export const STATE_SOC_EMAIL = 'soc@state.example.gov';

/** How many counties the app rolls out to by default (the bench passes 10, 100 and 250). */
export const DEFAULT_COUNTIES = 5;

/** Options of `buildStatewideApp`. */
export interface StatewideAppOptions {
  /** How many counties get per-county parameter overrides. @default DEFAULT_COUNTIES, or the `counties` context value */
  readonly counties?: number;
  /** Register the three packs. @default true (benchmarks turn it off to register what they measure) */
  readonly registerPacks?: boolean;
  /** Keeps what the packs find during the synth, for the report set written after it. @default none */
  readonly synthFindings?: SynthFindings;
}

/** The stacks of the statewide app. */
export interface StatewideApp {
  readonly logArchive: LogArchiveAccountStack;
  readonly securityTooling: SecurityToolingAccountStack;
  readonly countyTemplate: CountyBaselineStack;
  readonly management: Stack;
  readonly stackSet: CountyStackSet;
}

/**
 * Builds the statewide reference app into `app`: the log-archive account
 * (the organization trail's write-once archive), the security-tooling account
 * (GuardDuty and Security Hub administrator, findings to the SOC), the
 * management account (organization trail, delegations, the county stack set),
 * and the one env-agnostic county template the stack set rolls out, with the
 * election baseline and cdk-nag's two packs registered.
 */
export function buildStatewideApp(app: App, options: StatewideAppOptions = {}): StatewideApp {
  const count = options.counties ?? countiesOf(app);
  if (options.registerPacks ?? true) {
    const packs = [new ElectionBaselineChecks(app), new AwsSolutionsChecks(app), new NIST80053R5Checks(app)];
    const record = options.synthFindings;
    Validations.of(app).addPlugins(...(record ? packs.map((pack) => record.record(pack)) : packs));
  }
  const org = STATEWIDE_ORGANIZATION;
  const logArchive = new LogArchiveAccountStack(app, 'StateLogArchive', { organization: org });
  const securityTooling = new SecurityToolingAccountStack(app, 'StateSecurityTooling', { organization: org, socEmails: [STATE_SOC_EMAIL] });
  // Env-agnostic: the stack set deploys this one template to every county account; it is never `cdk deploy`ed itself.
  const countyTemplate = new CountyBaselineStack(app, 'CountyBaseline');
  const management = new Stack(app, 'StateManagement', { env: { account: org.managementAccountId, region: org.homeRegion } });
  new OrganizationTrail(management, 'OrganizationTrail', { organization: org });
  new OrganizationSecurityDelegation(management, 'SecurityDelegation', { organization: org });
  const stackSet = new CountyStackSet(management, 'Counties', {
    template: countyTemplate,
    organizationalUnitIds: [COUNTY_OU],
    regions: [org.homeRegion],
    defaultAlertEmail: STATE_SOC_EMAIL,
    counties: exampleCounties(count),
  });
  return { logArchive, securityTooling, countyTemplate, management, stackSet };
}

/**
 * `count` example counties, accounts 200000000001 onward: each with its own
 * alert address; every tenth keeps its records 7 years (a state rule longer
 * than the federal 22 months), the rest the default.
 */
export function exampleCounties(count: number): CountyParameters[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(3, '0');
    return {
      accountId: String(200000000001 + i),
      countyName: `County ${n}`,
      alertEmail: `security@county${n}.example.gov`,
      ...((i + 1) % 10 === 0 ? { recordsRetentionDays: 7 * 365 } : { recordsRetentionDays: DEFAULT_RECORDS_RETENTION_DAYS }),
    };
  });
}

/** The `counties` context value (`-c counties=250`): a whole number from 1 to 1000. */
function countiesOf(app: App): number {
  const raw: unknown = app.node.tryGetContext('counties');
  if (raw === undefined) return DEFAULT_COUNTIES;
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > 1000) {
    throw new Error(`Context 'counties' is '${String(raw)}': give a whole number of counties from 1 to 1000`);
  }
  return count;
}
