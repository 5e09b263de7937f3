import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { acceptsWrites, allBehaviors, behaviorLabel, distributionConfig } from '../../pack/distribution';
import { ElectionRule } from '../../pack/election-rule';
import { at, isObject, JsonObject, literalNumber } from '../../baseline/intrinsics';
import { referencedResourceOfType } from '../../pack/references';
import { StackTemplate, tagValue, TemplateResource, UNRESOLVED } from '../../pack/template-model';
import { WAF_PRESET_TAG, WebAclPreset } from '../../baseline/waf-preset';

/** The default cache behavior caches, and on a results distribution every behavior does, so the edge absorbs election-night load. */
export const CloudFrontCachingEnabled: ElectionRule = {
  name: 'CloudFrontCachingEnabled',
  level: NagMessageLevel.ERROR,
  info:
    'A cache behavior does not cache (CachingDisabled, or a TTL of 0): the default one, or any one of a results distribution ' +
    '(web ACL with the results preset, or no behavior that takes writes).',
  explanation:
    'A behavior that does not cache sends every election-night refresh or flood to the origin. Passes: TTLs ' +
    'above 0 on the default behavior, and on every behavior of a results distribution.',
  rationale:
    'The managed CachingOptimized policy passes. Outside a results distribution, an uncached write API ' +
    '(/api/*) passes.',
  controls: ['NIST-800-53-r5:SC-5', 'NIST-800-53-r5:SC-5(2)', 'CISA-CPG:2.W'],
  resourceTypes: ['AWS::CloudFront::Distribution'],
  waivable: true,
  check: (resource, template) => (uncachedBehaviors(resource, template).length > 0 ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT),
  // One finding per behavior (`[Behavior::/live/*]`), so a waiver for one path does not cover the default or a path added later.
  granular: { findings: uncachedBehaviors, describe: describeBehavior },
};

const BEHAVIOR_FINDING = 'Behavior::';
/** The finding for a distribution whose behaviors the template does not resolve. */
const UNRESOLVED_FINDING = `${BEHAVIOR_FINDING}unresolved`;

/** Managed cache policies with a default TTL of a day: CachingOptimized, CachingOptimizedForUncompressedObjects. */
const MANAGED_CACHING_POLICIES = ['658327ea-f89d-4fab-a63d-7e88639e58f6', 'b2884449-e4de-46a7-ac36-70bc7f1ddd6d'];

/** `Behavior::default` or `Behavior::<PathPattern>` for each judged behavior that does not cache. */
function uncachedBehaviors(resource: TemplateResource, template: StackTemplate): string[] {
  const config = distributionConfig(resource);
  const behaviors = config === UNRESOLVED ? UNRESOLVED : allBehaviors(config);
  if (config === UNRESOLVED || behaviors === UNRESOLVED) return [UNRESOLVED_FINDING];
  const judged = isResultsDistribution(config, behaviors, template) ? behaviors : behaviors.slice(0, 1);
  return judged.flatMap((b, i) => (caches(b, template) ? [] : [`${BEHAVIOR_FINDING}${behaviorLabel(b, i)}`]));
}

function describeBehavior(finding: string): string {
  if (finding === UNRESOLVED_FINDING) return 'The distribution\'s cache behaviors are not literal in the template, so their caching cannot be checked.';
  const behavior = finding.slice(BEHAVIOR_FINDING.length);
  return `Cache behavior ${behavior} does not cache (CachingDisabled, a TTL of 0, or a policy the template does not define): ` +
    'election-night load goes to the origin. Use a cache policy with TTLs above 0.';
}

/**
 * A results distribution: its web ACL is one of the template tagged with the results preset, or no
 * behavior surely takes writes (POST, PUT...), so every path is content the edge can answer.
 */
function isResultsDistribution(config: JsonObject, behaviors: readonly JsonObject[], template: StackTemplate): boolean {
  if (!behaviors.some(acceptsWrites)) return true;
  const acl = referencedResourceOfType(config.WebACLId, 'AWS::WAFv2::WebACL', template);
  return acl !== undefined && tagValue(template.get(acl)!, WAF_PRESET_TAG) === WebAclPreset.RESULTS;
}

function caches(behavior: JsonObject, template: StackTemplate): boolean {
  const policyId = behavior.CachePolicyId;
  if (policyId !== undefined) {
    if (typeof policyId === 'string') return MANAGED_CACHING_POLICIES.includes(policyId);
    const id = referencedResourceOfType(policyId, 'AWS::CloudFront::CachePolicy', template);
    if (id === undefined) return false;
    const policyConfig = at(template.get(id)!.properties, 'CachePolicyConfig');
    return positive(at(policyConfig, 'DefaultTTL')) && positive(at(policyConfig, 'MaxTTL'));
  }
  if (!isObject(behavior.ForwardedValues)) return false;
  // Legacy settings: CloudFront defaults DefaultTTL to 86400 and MaxTTL to 31536000 when they are absent.
  return positiveOrAbsent(behavior.DefaultTTL) && positiveOrAbsent(behavior.MaxTTL);
}

function positive(value: unknown): boolean {
  const n = literalNumber(value);
  return n !== undefined && n > 0;
}

function positiveOrAbsent(value: unknown): boolean {
  return value === undefined || positive(value);
}
