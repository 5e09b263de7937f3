import { CountyBaselineStack } from './county-baseline-stack';

/** Who the state's account is to AWS Organizations when it manages the stack set. */
export enum StackSetCaller {
  /** The organization's management account. */
  SELF = 'SELF',
  /** A delegated administrator for StackSets (the state's security-tooling account, say). */
  DELEGATED_ADMIN = 'DELEGATED_ADMIN',
}

/** One county's parameter values: the stack set overrides them for that account only. */
export interface CountyParameters {
  /** The county's AWS account: 12 digits. */
  readonly accountId: string;
  /** The county's name (`CountyName`). */
  readonly countyName: string;
  /**
   * Where the county's alerts are emailed (`AlertEmail`).
   * @default - the stack set's `defaultAlertEmail`
   */
  readonly alertEmail?: string;
  /**
   * Records retention in whole days (`RecordsRetentionDays`), 672 to 36500.
   * @default - the template's default, 730 days
   */
  readonly recordsRetentionDays?: number;
}

/** What every county stack set takes, service-managed or self-managed. */
export interface CountyRolloutOptions {
  /**
   * The county baseline to roll out: an env-agnostic CountyBaselineStack of
   * the same App and Stage. Its synthesized template becomes a file asset of
   * this stack (TemplateURL): it is near StackSets' 51,200-byte TemplateBody
   * limit and grows with options. Do not `cdk deploy` it itself.
   */
  readonly template: CountyBaselineStack;

  /**
   * The Regions to deploy to, as literals such as `['us-east-1']`. Exactly `['us-east-1']`
   * when the template has a results site (`hasResultsSite`): its CLOUDFRONT
   * web ACL exists only there, and any other list throws at synth.
   */
  readonly regions: string[];

  /**
   * Where alerts of a county without its own `alertEmail` go: the state's
   * SOC. Also what an account gets until the state adds its overrides.
   */
  readonly defaultAlertEmail: string;

  /**
   * Per-county parameter values, each a stack-instance group of its own,
   * checked at synth against the template's own parameter constraints.
   * @default - none: every county gets the defaults (CountyName `Unassigned`)
   */
  readonly counties?: CountyParameters[];

  /**
   * Percentage of accounts (per Region) deployed at once, a whole number from 1 to 100.
   * @default 25: four waves for any number of counties, so a bad template is stopped early
   */
  readonly maxConcurrentPercentage?: number;

  /**
   * Percentage of accounts (per Region) that may fail before the operation
   * stops in that Region, a whole number from 0 to 100.
   * @default 10: a handful of unusual accounts do not hold up 250 counties; a broken template stops at 10%
   */
  readonly failureTolerancePercentage?: number;

  /**
   * The stack set's name: letters, digits and hyphens, starting with a letter, at most 128.
   * @default 'election-county-baseline'
   */
  readonly stackSetName?: string;
}
