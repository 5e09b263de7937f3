import { Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * The waiver register's one home: what a waiver records beside CDK's
 * acknowledgment (who approved it, until when, who made it), how that is
 * written into construct metadata, and how an expiry date is judged. The
 * waiver API, the library's constructs, the pack and the auditor CLI all read
 * it from here, so synth and audit cannot disagree on a date.
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
 * Acknowledges `id` on `scope` with CDK's Validations (which cdk-nag v3 packs
 * honor) and records the register entry beside it as construct metadata, which
 * CDK writes into the cloud assembly (`<stack>.metadata.json`) for the audit.
 */
export function recordWaiver(scope: IConstruct, id: string, reason: string, entry: WaiverRegisterEntry): void {
  Validations.of(scope).acknowledge({ id, reason });
  const data = {
    id,
    ...(entry.approvedBy !== undefined ? { approvedBy: entry.approvedBy } : {}),
    ...(entry.expires !== undefined ? { expires: entry.expires } : {}),
    ...(entry.origin !== undefined ? { origin: entry.origin } : {}),
  };
  if (Object.keys(data).length > 1) scope.node.addMetadata(WAIVER_METADATA_TYPE, data);
}
