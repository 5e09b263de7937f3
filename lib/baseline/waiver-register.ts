/**
 * The waiver register's one home: what a waiver records beside CDK's
 * acknowledgment (who approved it, until when, who made it), what reason an
 * auditor can read, and how an expiry date is judged. The waiver API, the
 * library's constructs, the pack and the auditor CLI all read it from here, so
 * synth and audit cannot disagree on a date or a reason. Writing an entry into
 * construct metadata is `recordWaiver` in lib/waiver-record.ts.
 */

/** The construct metadata type that carries a waiver's register entry: data `{ id, approvedBy?, expires?, origin? }`. */
export const WAIVER_METADATA_TYPE = 'cdk-election-baseline:waiver';

/** A waiver that ends within this many days of the date it is judged against is reported as a warning. */
export const EXPIRING_WITHIN_DAYS = 30;

/** Who made a waiver: the library's constructs, or the agency (its app, or whoever wrote the template). */
export type WaiverOrigin = 'library' | 'agency';

/** Where a waiver stands against a date: `expired` holds nothing; `expiring` ends within `EXPIRING_WITHIN_DAYS`. */
export type WaiverExpiry = 'expired' | 'expiring';

/** What the register adds to an acknowledgment, as metadata data and in `rules_to_suppress` entries. */
export interface WaiverRegisterEntry {
  readonly approvedBy?: string;
  readonly expires?: string;
  readonly origin?: WaiverOrigin;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Why `value` is not an ISO calendar date `YYYY-MM-DD` (`2027-02-30` is not), or undefined when it is. */
export function isoDateProblem(value: unknown): string | undefined {
  const shown = typeof value === 'string' ? `'${value}'` : String(value);
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!match) return `${shown} is not an ISO date YYYY-MM-DD`;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return `${shown} is not a calendar date`;
  }
  return undefined;
}

/** Days from `from` to `to`, both valid ISO dates. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * A waiver holds through its `expires` day: expired when `asOf` is later,
 * expiring when `expires` is at most 30 days after `asOf`, else undefined.
 * Both must be valid ISO dates (check `isoDateProblem` first).
 */
export function waiverExpiry(expires: string | undefined, asOf: string): WaiverExpiry | undefined {
  if (expires === undefined) return undefined;
  const left = daysBetween(asOf, expires);
  if (left < 0) return 'expired';
  return left <= EXPIRING_WITHIN_DAYS ? 'expiring' : undefined;
}

/**
 * Why a waiver's expiry makes it hold nothing (expired, or a date that is not
 * one), or undefined. The same words in the pack's synth error and the audit.
 */
export function expiryProblem(expires: string | undefined, asOf: string): string | undefined {
  if (expires === undefined) return undefined;
  const dateProblem = isoDateProblem(expires);
  if (dateProblem) return `its expiry ${dateProblem}, so it holds nothing`;
  return waiverExpiry(expires, asOf) === 'expired' ? `the waiver expired on ${expires} (judged as of ${asOf}): its findings are open` : undefined;
}

/** The UTC day of `SOURCE_DATE_EPOCH` (seconds, the reproducible-builds convention) when set, else of now. */
export function todayUtc(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  const seconds = epoch !== undefined && /^\d+$/.test(epoch) ? Number(epoch) : undefined;
  return new Date(seconds !== undefined ? seconds * 1000 : Date.now()).toISOString().slice(0, 10);
}

/**
 * The fewest characters a waiver's reason may have: "n/a" and "ok" explain
 * nothing to an auditor (NIST CA-7, PM-4: a deviation carries its
 * justification). House policy, not a statute.
 */
export const MIN_WAIVER_REASON_LENGTH = 20;

/** The fewest words (runs of two or more letters or digits) a reason must hold: 20 dots are not a reason. House policy. */
export const MIN_WAIVER_REASON_WORDS = 3;

/**
 * What is wrong with a waiver's reason, or undefined when an auditor can
 * read it. Invisible characters (zero-width spaces, joiners, bidi marks) and
 * runs of white space do not count, so padding cannot stand in for words.
 */
export function waiverReasonProblem(reason: string): string | undefined {
  const visible = reason.replace(/\p{Cf}/gu, '').replace(/\s+/gu, ' ').trim();
  if (visible.length < MIN_WAIVER_REASON_LENGTH) {
    return `the reason has ${visible.length} characters; a waiver needs at least ${MIN_WAIVER_REASON_LENGTH} that an auditor can check`;
  }
  const words = visible.match(/[\p{L}\p{N}]{2,}/gu) ?? [];
  if (words.length < MIN_WAIVER_REASON_WORDS) {
    return `the reason has ${words.length} words; a waiver needs at least ${MIN_WAIVER_REASON_WORDS} that say why`;
  }
  return undefined;
}
