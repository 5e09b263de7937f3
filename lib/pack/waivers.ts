import { Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** The fewest characters a waiver's reason may have: "n/a" and "ok" explain nothing to an auditor. */
export const MIN_WAIVER_REASON_LENGTH = 20;

/** One waiver (CDK acknowledgment) as recorded on a construct. */
export interface Waiver {
  /** The rule id it waives, without CDK's `Namespace::` prefix, e.g. `AwsSolutions-S1` or `AwsSolutions-IAM5[Action::s3:*]`. */
  readonly ruleId: string;
  /** Why, in the words of whoever waived it. */
  readonly reason: string;
  /** The construct path where the waiver was made; it covers everything below. */
  readonly path: string;
}

/**
 * The waivers recorded under a scope (and on its ancestors, which cover it),
 * read from construct metadata in one walk per validation pass.
 */
export class WaiverIndex {
  /** Reads every waiver made on `scope`, below it, or above it. */
  public static collect(scope: IConstruct): WaiverIndex {
    const index = new WaiverIndex();
    for (let above = scope.node.scope; above; above = above.node.scope) index.add(above, false);
    for (const node of scope.node.findAll()) index.add(node, true);
    return index;
  }

  private readonly byNode = new Map<IConstruct, Waiver[]>();
  private readonly inScope: Waiver[] = [];

  private constructor() {}

  /** The waivers made on `scope` or below it. */
  public made(): readonly Waiver[] {
    return this.inScope;
  }

  /** Whether any waiver names one of these rule ids. */
  public waivesAny(ruleIds: ReadonlySet<string>): boolean {
    for (const waivers of this.byNode.values()) if (waivers.some((w) => ruleIds.has(w.ruleId))) return true;
    return false;
  }

  /** The nearest waiver of `ruleId` on `node` or one of its ancestors. */
  public nearest(node: IConstruct, ruleId: string): Waiver | undefined {
    for (let current: IConstruct | undefined = node; current; current = current.node.scope) {
      const waiver = this.byNode.get(current)?.find((w) => w.ruleId === ruleId);
      if (waiver) return waiver;
    }
    return undefined;
  }

  private add(node: IConstruct, inScope: boolean): void {
    const waivers = waiversOn(node);
    if (waivers.length === 0) return;
    this.byNode.set(node, waivers);
    if (inScope) this.inScope.push(...waivers);
  }
}

/** The waivers recorded on one construct (not its ancestors). */
function waiversOn(node: IConstruct): Waiver[] {
  const waivers: Waiver[] = [];
  for (const entry of node.node.metadata) {
    if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data) continue;
    for (const [qualifiedId, reason] of Object.entries(entry.data as Record<string, unknown>)) {
      waivers.push({ ruleId: unqualified(qualifiedId), reason: typeof reason === 'string' ? reason : '', path: node.node.path });
    }
  }
  return waivers;
}

/** `Annotation::X`, `ElectionBaseline::X` and `X` all name rule X. */
function unqualified(id: string): string {
  const separator = id.indexOf('::');
  return separator >= 0 ? id.slice(separator + 2) : id;
}
