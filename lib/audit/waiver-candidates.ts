import { isObject } from '../baseline/intrinsics';
import { registerFields, unqualifiedRuleId, Waiver } from '../pack/waivers';
import { expiryProblem, waiverReasonProblem } from '../baseline/waiver-register';
import { findRule } from './packs';
import { LoadedTemplate } from './template-file';

/**
 * A waiver as the audit matches it against findings: where it was made,
 * which resources of one template it covers, and which finding ids it names.
 */
export interface WaiverCandidate extends Pick<Waiver, 'approvedBy' | 'expires' | 'origin'> {
  /** The rule id as the waiver names it, with a `[finding]` suffix when it names one. */
  readonly ruleId: string;
  readonly reason: string;
  /** `construct:<path>` or `metadata:<template>#<logicalId>`. */
  readonly madeAt: string;
  /** The logical ids of the template's resources it covers. */
  readonly covers: ReadonlySet<string>;
  /** Nearness to the resource: a waiver made on the resource beats one made on its stack. */
  readonly nearness: number;
  /**
   * Whether a waiver of a rule without a finding suffix covers that rule's
   * granular findings too: cdk-nag v2's reading of `rules_to_suppress`
   * entries without `applies_to`. CDK acknowledgments (cdk-nag v3) must name
   * the finding exactly.
   */
  readonly coversGranularFindings: boolean;
  /** For an `applies_to` entry written as `{ regex: '/…/' }`: the finding ids it matches. */
  readonly findingPattern?: RegExp;
}

/**
 * Why a waiver cannot be trusted, or undefined when it is sound: a rule that
 * cannot be waived, a reason an auditor cannot check, and, judged on `asOf`
 * (an ISO date), an expiry that has passed or is not a date.
 */
export function waiverProblem(ruleId: string, reason: string, expires?: string, asOf?: string): string | undefined {
  const problems: string[] = [];
  const rule = findRule(baseRuleId(ruleId));
  if (rule && !rule.waivable) problems.push(`${rule.ruleId} cannot be waived: its findings stay open`);
  const reasonProblem = waiverReasonProblem(reason);
  if (reasonProblem) problems.push(reasonProblem);
  const dateProblem = asOf !== undefined ? expiryProblem(expires, asOf) : undefined;
  if (dateProblem) problems.push(dateProblem);
  return problems.length > 0 ? problems.join('; ') : undefined;
}

/** `AwsSolutions-IAM5[Action::s3:*]` → `AwsSolutions-IAM5`. */
export function baseRuleId(ruleId: string): string {
  const bracket = ruleId.indexOf('[');
  return bracket > 0 && ruleId.endsWith(']') ? ruleId.slice(0, bracket) : ruleId;
}

/** `AwsSolutions-IAM5[Action::s3:*]` → `Action::s3:*`; undefined without a suffix. */
export function findingIdOf(ruleId: string): string | undefined {
  const bracket = ruleId.indexOf('[');
  return bracket > 0 && ruleId.endsWith(']') ? ruleId.slice(bracket + 1, -1) : undefined;
}

/** Whether the waiver covers the finding `ruleId` (base id) with `findingId` (granular part, if any). */
export function waiverMatches(waiver: WaiverCandidate, ruleId: string, findingId: string | undefined): boolean {
  if (waiver.findingPattern) {
    return baseRuleId(waiver.ruleId) === ruleId && findingId !== undefined && waiver.findingPattern.test(findingId);
  }
  const full = findingId === undefined ? ruleId : `${ruleId}[${findingId}]`;
  if (waiver.ruleId === full) return true;
  return waiver.coversGranularFindings && findingId !== undefined && waiver.ruleId === ruleId;
}

/**
 * The waivers a template carries itself: `Metadata.cdk_nag.rules_to_suppress`
 * of each resource, `[{ id, reason, applies_to?, approvedBy?, expires?, origin? }]`,
 * as cdk-nag's `writeSuppressionsToCloudFormation` (v3, with the register's
 * fields that `ElectionBaselineChecks` adds) and `NagSuppressions` (v2) write
 * them, or a vendor by hand. Each `applies_to` entry becomes a waiver of its
 * own finding. Only `origin: 'library'` makes a waiver the library's.
 */
export function templateWaivers(template: LoadedTemplate): WaiverCandidate[] {
  const waivers: WaiverCandidate[] = [];
  for (const [logicalId, resource] of Object.entries(template.resources)) {
    const cdkNag = isObject(resource.Metadata) ? resource.Metadata.cdk_nag : undefined;
    const entries = isObject(cdkNag) && Array.isArray(cdkNag.rules_to_suppress) ? cdkNag.rules_to_suppress : [];
    for (const entry of entries) {
      if (!isObject(entry) || typeof entry.id !== 'string') continue;
      const base = {
        madeAt: `metadata:${template.display}#${logicalId}`,
        covers: new Set([logicalId]),
        nearness: Number.MAX_SAFE_INTEGER,
        ...registerFields(entry),
      };
      // cdk-nag v3 copies an acknowledgment's id with its namespace unless it is `Annotation::`.
      const id = unqualifiedRuleId(entry.id);
      const reason = typeof entry.reason === 'string' ? entry.reason : '';
      const appliesTo = Array.isArray(entry.applies_to) ? entry.applies_to : undefined;
      if (!appliesTo) {
        waivers.push({ ...base, ruleId: id, reason, coversGranularFindings: true });
        continue;
      }
      for (const finding of appliesTo) {
        if (typeof finding === 'string') {
          waivers.push({ ...base, ruleId: `${id}[${finding}]`, reason, coversGranularFindings: false });
        } else if (isObject(finding) && typeof finding.regex === 'string') {
          waivers.push({ ...base, ruleId: `${id}[${finding.regex}]`, reason, coversGranularFindings: false, findingPattern: toRegExp(finding.regex) });
        }
      }
    }
  }
  return waivers;
}

/** cdk-nag's `{ regex: '/^Resource::.*$/g' }` form; a pattern that does not compile matches nothing. */
function toRegExp(source: string): RegExp {
  const match = /^\/(.*)\/([a-z]*)$/s.exec(source);
  try {
    return match ? new RegExp(match[1], match[2].replace('g', '')) : new RegExp(source);
  } catch {
    return /(?!)/;
  }
}
