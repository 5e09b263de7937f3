import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { defaultBehavior, distributionConfig } from '../../pack/distribution';
import { ElectionRule } from '../../pack/election-rule';
import { at, isObject, literalNumber } from '../../pack/intrinsics';
import { referencedResourceOfType } from '../../pack/references';
import { StackTemplate, TemplateResource, UNRESOLVED } from '../../pack/template-model';

/** The default cache behavior caches, so the edge absorbs election-night load. */
export const CloudFrontCachingEnabled: ElectionRule = {
  name: 'CloudFrontCachingEnabled',
  level: NagMessageLevel.ERROR,
  info: 'The default cache behavior of the distribution does not cache (CachingDisabled, or a TTL of 0).',
  explanation:
    'Results sites fall over on election night when every refresh reaches the origin, and a flood like the 2022 ' +
    'election-day DDoS is absorbed only by what the edge can answer itself. The default behavior must cache: not ' +
    'the managed CachingDisabled policy; a CachePolicy of the template with DefaultTTL and MaxTTL above 0, or the ' +
    'managed CachingOptimized policies; or legacy ForwardedValues whose DefaultTTL and MaxTTL are not 0. ' +
    'Additional behaviors may disable caching: a registration API (/api/*) must not be cached. A policy id the ' +
    'template does not define cannot be checked and fails.',
  controls: ['NIST-800-53-r5:SC-5', 'NIST-800-53-r5:SC-5(2)', 'CISA-CPG:2.W'],
  resourceTypes: ['AWS::CloudFront::Distribution'],
  waivable: true,
  check: cloudFrontCachingEnabled,
};

/** Managed cache policies with a default TTL of a day: CachingOptimized, CachingOptimizedForUncompressedObjects. */
const MANAGED_CACHING_POLICIES = ['658327ea-f89d-4fab-a63d-7e88639e58f6', 'b2884449-e4de-46a7-ac36-70bc7f1ddd6d'];

function cloudFrontCachingEnabled(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const config = distributionConfig(resource);
  if (config === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  const behavior = defaultBehavior(config);
  if (behavior === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  const policyId = behavior.CachePolicyId;
  if (policyId !== undefined) {
    if (typeof policyId === 'string') return verdict(MANAGED_CACHING_POLICIES.includes(policyId));
    const id = referencedResourceOfType(policyId, 'AWS::CloudFront::CachePolicy', template);
    if (id === undefined) return NagRuleCompliance.NON_COMPLIANT;
    const policyConfig = at(template.get(id)!.properties, 'CachePolicyConfig');
    return verdict(positive(at(policyConfig, 'DefaultTTL')) && positive(at(policyConfig, 'MaxTTL')));
  }
  const forwarded = behavior.ForwardedValues;
  if (!isObject(forwarded)) return NagRuleCompliance.NON_COMPLIANT;
  // Legacy settings: CloudFront defaults DefaultTTL to 86400 and MaxTTL to 31536000 when they are absent.
  return verdict(positiveOrAbsent(behavior.DefaultTTL) && positiveOrAbsent(behavior.MaxTTL));
}

function positive(value: unknown): boolean {
  const n = literalNumber(value);
  return n !== undefined && n > 0;
}

function positiveOrAbsent(value: unknown): boolean {
  return value === undefined || positive(value);
}

function verdict(ok: boolean): NagRuleCompliance {
  return ok ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
