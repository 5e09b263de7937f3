import { WebAclPreset } from './waf-preset';

/**
 * AWS WAF rate-based rules: what WAF accepts and how fast one client address
 * may go under each preset. ElectionWebAcl refuses at synth exactly the
 * limits and windows ElectionBaseline-WafRateBasedRule fails.
 */

/**
 * The smallest `Limit` a `RateBasedStatement` accepts.
 * @see https://docs.aws.amazon.com/waf/latest/APIReference/API_RateBasedStatement.html (AWS limit)
 */
export const MIN_RATE_LIMIT = 10;

/**
 * The largest `Limit` a `RateBasedStatement` accepts.
 * @see https://docs.aws.amazon.com/waf/latest/APIReference/API_RateBasedStatement.html (AWS limit)
 */
export const MAX_RATE_LIMIT = 2_000_000_000;

/**
 * The `EvaluationWindowSec` values WAF accepts, in seconds (1, 2, 5 or 10 minutes).
 * @see https://docs.aws.amazon.com/waf/latest/APIReference/API_RateBasedStatement.html (AWS limit)
 */
export const RATE_WINDOWS_SECONDS: readonly number[] = [60, 120, 300, 600];

/**
 * The window WAF uses when `EvaluationWindowSec` is absent, five minutes (AWS default); the preset
 * ceilings are stated in it, and a limit in another window is scaled to it before comparing.
 */
export const DEFAULT_RATE_WINDOW_SECONDS = 300;

/**
 * The most requests one client address may make per five minutes under each
 * preset (a limit in a shorter window is scaled up to five minutes). A limit so
 * high it never trips is no limit: a single-IP flood or a scraper of the voter
 * roll runs under it (NIST SC-5; CISA AA20-304A). Portal: a voter filling in a
 * registration form makes a few dozen requests, a county library behind one
 * address a few hundred, so 2,000 (about 7 a second, sustained) leaves room
 * for shared addresses. Results: on election night newsrooms and carrier-grade
 * NATs refresh cached pages every 30 seconds from one address, so 20,000
 * (about 67 a second). House policy.
 */
export const WAF_PRESET_RATE_CEILING: Readonly<Record<WebAclPreset, number>> = {
  [WebAclPreset.PORTAL]: 2_000,
  [WebAclPreset.RESULTS]: 20_000,
};

/** Whether `limit` requests per `windowSeconds` stays within the preset's five-minute ceiling. */
export function withinRateCeiling(limit: number, windowSeconds: number, preset: WebAclPreset): boolean {
  return (limit * DEFAULT_RATE_WINDOW_SECONDS) / windowSeconds <= WAF_PRESET_RATE_CEILING[preset];
}
