import { Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { isObject } from './intrinsics';

/** The fewest characters a waiver's reason may have: "n/a" and "ok" explain nothing to an auditor. */
export const MIN_WAIVER_REASON_LENGTH = 20;

/** The fewest words (runs of two or more letters or digits) a reason must hold: 20 dots are not a reason. */
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

/** One waiver (CDK acknowledgment) as recorded on a construct. */
export interface Waiver {
  /** The rule id it waives, without CDK's `Namespace::` prefix, e.g. `AwsSolutions-S1` or `AwsSolutions-IAM5[Action::s3:*]`. */
  readonly ruleId: string;
  /** Why, in the words of whoever waived it. */
  readonly reason: string;
  /** The construct path where the waiver was made; it covers everything below. */
  readonly path: string;
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
 * entries of type `aws:cdk:acknowledged-rules`, data `{ "<Namespace>::<ruleId>": reason }`.
 * Entries of any other shape are not waivers and are passed over.
 */
export function waiversInMetadata(entries: readonly unknown[], path: string): Waiver[] {
  const waivers: Waiver[] = [];
  for (const entry of entries) {
    if (!isObject(entry) || entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !isObject(entry.data)) continue;
    for (const [qualifiedId, reason] of Object.entries(entry.data)) {
      waivers.push({ ruleId: unqualifiedRuleId(qualifiedId), reason: typeof reason === 'string' ? reason : '', path });
    }
  }
  return waivers;
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
