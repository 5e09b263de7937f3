/**
 * Which AWS WAF protections a web ACL must carry. Every web ACL the library
 * builds is tagged `election:waf-preset` with one of these presets, and the
 * rule pack judges the web ACL by it. A web ACL with no preset (or an unknown
 * one) is judged as `portal`, the strictest.
 */
export enum WebAclPreset {
  /**
   * A site that takes voter PII (registration, ballot request): Common, SQLi,
   * KnownBadInputs, Amazon IP reputation and anonymous-IP lists, rate limit 300
   * per 5 minutes (SQL injection, Illinois 2016; data pulls through VPNs and
   * anonymizers, CISA AA20-304A).
   */
  PORTAL = 'portal',
  /**
   * A static, cached results or information site: Common, KnownBadInputs,
   * Amazon IP reputation, rate limit 3000 per 5 minutes (election-night floods and bad bots).
   */
  RESULTS = 'results',
}

/** The tag key that carries a web ACL's preset. */
export const WAF_PRESET_TAG = 'election:waf-preset';

/** The AWS managed rule groups (vendor `AWS`) each preset requires, as direct rule statements. */
export const WAF_PRESET_MANAGED_GROUPS: Readonly<Record<WebAclPreset, readonly string[]>> = {
  [WebAclPreset.PORTAL]: [
    'AWSManagedRulesCommonRuleSet',
    'AWSManagedRulesSQLiRuleSet',
    'AWSManagedRulesKnownBadInputsRuleSet',
    'AWSManagedRulesAmazonIpReputationList',
    'AWSManagedRulesAnonymousIpList',
  ],
  [WebAclPreset.RESULTS]: [
    'AWSManagedRulesCommonRuleSet',
    'AWSManagedRulesKnownBadInputsRuleSet',
    'AWSManagedRulesAmazonIpReputationList',
  ],
};

/**
 * Baseline groups that judge only the request's source address. A REGIONAL web ACL behind a proxy
 * (CloudFront) sees the proxy's address, so these alone may be scoped down there, and only to
 * requests that lack the header the proxy adds (`NotStatement` of a `ByteMatchStatement` on a
 * `SingleHeader`): the requests whose source is the caller's own.
 */
export const WAF_IP_LIST_GROUPS: readonly string[] = ['AWSManagedRulesAmazonIpReputationList', 'AWSManagedRulesAnonymousIpList'];

/** Every managed rule group some preset requires: none of them may be put in count mode. */
export const BASELINE_MANAGED_GROUPS: readonly string[] = [...new Set(Object.values(WAF_PRESET_MANAGED_GROUPS).flat())];

/**
 * Rules of baseline groups that may be overridden to Count without a finding,
 * each because it blocks legitimate election traffic:
 * - `AWSManagedRulesCommonRuleSet` / `SizeRestrictions_BODY` blocks request bodies over 8 KB, which
 *   breaks registration forms that upload a signature image or an ID scan.
 */
export const WAF_COUNT_OVERRIDE_ALLOWED: Readonly<Record<string, readonly string[]>> = {
  AWSManagedRulesCommonRuleSet: ['SizeRestrictions_BODY'],
};

/** Whether `value` is one of the preset tag strings. */
export function isWafPreset(value: unknown): value is WebAclPreset {
  return value === WebAclPreset.PORTAL || value === WebAclPreset.RESULTS;
}
