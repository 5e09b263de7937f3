import { Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { WAIVER_METADATA_TYPE, WaiverOrigin } from '../baseline/waiver-register';
import { isObject } from '../baseline/intrinsics';

/**
 * Where the pack's verdicts on waivers themselves (refused, reason too short,
 * expired, expiring) point: the waiver's construct metadata, not a resource's
 * properties, so a reader of the pack's report tells them from findings.
 */
export const WAIVER_VERDICT_LOCATION = 'Metadata';

/** One waiver (CDK acknowledgment) as recorded on a construct. */
export interface Waiver {
  /** The rule id it waives, without CDK's `Namespace::` prefix, e.g. `AwsSolutions-S1` or `AwsSolutions-IAM5[Action::s3:*]`. */
  readonly ruleId: string;
  /** Why, in the words of whoever waived it. */
  readonly reason: string;
  /** The construct path where the waiver was made; it covers everything below. */
  readonly path: string;
  /** Who approved it, when the register says (`ElectionWaivers`). */
  readonly approvedBy?: string;
  /** The last day it holds, as the register records it (checked where it is judged, as metadata can be hand-written). */
  readonly expires?: string;
  /** `library` when the library's constructs made it (their register entry says so), else `agency`. */
  readonly origin: WaiverOrigin;
}

/** The waivers recorded on a scope and below it, read from construct metadata in one walk per validation pass. */
export class WaiverIndex {
  /** Reads every waiver made on `scope` or below it. */
  public static collect(scope: IConstruct): WaiverIndex {
    return new WaiverIndex(scope.node.findAll().flatMap(waiversOn));
  }

  private constructor(private readonly inScope: readonly Waiver[]) {}

  /** The waivers made on `scope` or below it. */
  public made(): readonly Waiver[] {
    return this.inScope;
  }
}

/** The waivers recorded on one construct (not its ancestors). */
function waiversOn(node: IConstruct): Waiver[] {
  return waiversInMetadata(node.node.metadata, node.node.path);
}

/**
 * The waivers in one construct's metadata entries, as the construct tree
 * holds them or as the cloud assembly records them (`<stack>.metadata.json`):
 * entries of type `aws:cdk:acknowledged-rules`, data `{ "<Namespace>::<ruleId>": reason }`,
 * each joined with the register entry (`cdk-election-baseline:waiver`, data
 * `{ id, approvedBy?, expires?, origin? }`) made on the same construct for the
 * same rule, the last one winning. Entries of any other shape are passed over.
 */
export function waiversInMetadata(entries: readonly unknown[], path: string): Waiver[] {
  const register = new Map<string, Record<string, unknown>>();
  for (const entry of entries) {
    if (isObject(entry) && entry.type === WAIVER_METADATA_TYPE && isObject(entry.data) && typeof entry.data.id === 'string') {
      register.set(unqualifiedRuleId(entry.data.id), entry.data);
    }
  }
  const waivers: Waiver[] = [];
  for (const entry of entries) {
    if (!isObject(entry) || entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !isObject(entry.data)) continue;
    for (const [qualifiedId, reason] of Object.entries(entry.data)) {
      const ruleId = unqualifiedRuleId(qualifiedId);
      waivers.push({ ruleId, reason: typeof reason === 'string' ? reason : '', path, ...registerFields(register.get(ruleId)) });
    }
  }
  return waivers;
}

/**
 * The register fields of a metadata entry or a `rules_to_suppress` entry:
 * `approvedBy` when it is text, `expires` whenever given, and `origin:
 * 'library'` only when it says exactly that; anything else is the agency's.
 */
export function registerFields(data: Record<string, unknown> | undefined): Pick<Waiver, 'approvedBy' | 'expires' | 'origin'> {
  return {
    ...(typeof data?.approvedBy === 'string' ? { approvedBy: data.approvedBy } : {}),
    // A non-string expiry is kept, as text, so the judge refuses it instead of reading "no end date".
    ...(data?.expires !== undefined ? { expires: typeof data.expires === 'string' ? data.expires : JSON.stringify(data.expires) } : {}),
    origin: data?.origin === 'library' ? 'library' : 'agency',
  };
}

/**
 * `Annotation::X`, `AwsSolutions::X` and `X` all name rule X. A `::` inside
 * the brackets of a granular finding (`AwsSolutions-IAM5[Action::s3:*]`) is
 * the finding's own, not a namespace.
 */
export function unqualifiedRuleId(id: string): string {
  const separator = id.indexOf('::');
  const bracket = id.indexOf('[');
  return separator >= 0 && (bracket < 0 || separator < bracket) ? id.slice(separator + 2) : id;
}
