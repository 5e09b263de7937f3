import { WAF_PRESET_MANAGED_GROUPS, WebAclPreset } from '../../lib/baseline/waf-preset';

/**
 * The WAF baseline on one screen: which AWS managed rule groups each preset
 * runs, in which order, and the rate limits. Each entry names the threat it answers.
 */

/** One AWS managed rule group and its fixed priority. */
export interface ManagedGroupDefault {
  readonly name: string;
  readonly priority: number;
  readonly why: string;
}

/** Fixed rule priorities: adding an optional rule never renumbers the others. */
export const PRIORITY = {
  originVerify: 0,
  ipReputation: 1,
  geoRestriction: 2,
  rateLimit: 3,
  anonymousIp: 4,
  common: 5,
  knownBadInputs: 6,
  sqli: 7,
  botControl: 8,
  staffLogin: 9,
  accountCreation: 10,
} as const;

/**
 * The highest priority the baseline uses or reserves. An agency's own rules go after it, so they
 * never collide with an optional rule turned on later, and the protections judge a request first.
 */
export const LAST_BASELINE_PRIORITY: number = Math.max(...Object.values(PRIORITY));

/** What WAF accepts as a rule name. */
export const WAF_RULE_NAME = /^[\w-]{1,128}$/;

/** Where each AWS managed group sits and the threat it answers; which preset runs it is WAF_PRESET_MANAGED_GROUPS. */
const MANAGED_GROUP_PLACEMENT: Readonly<Record<string, Omit<ManagedGroupDefault, 'name'>>> = {
  AWSManagedRulesAmazonIpReputationList: {
    priority: PRIORITY.ipReputation,
    why: 'botnets and scanners Amazon threat intelligence already knows (election-day DDoS, 2022)',
  },
  AWSManagedRulesAnonymousIpList: {
    priority: PRIORITY.anonymousIp,
    why: 'anonymizing proxies and hosting ranges, as used to pull voter data (CISA AA20-304A)',
  },
  AWSManagedRulesCommonRuleSet: { priority: PRIORITY.common, why: 'OWASP Top 10 exploits: XSS, path traversal, oversized bodies' },
  AWSManagedRulesKnownBadInputsRuleSet: {
    priority: PRIORITY.knownBadInputs,
    why: 'known exploit payloads (Log4Shell, Java deserialization, localhost Host headers)',
  },
  AWSManagedRulesSQLiRuleSet: {
    priority: PRIORITY.sqli,
    why: 'SQL injection, as against the Illinois voter registration site (2016, ~90,000 records)',
  },
};

/** The groups the rule pack requires of `preset`, in priority order. */
function presetGroups(preset: WebAclPreset): readonly ManagedGroupDefault[] {
  return WAF_PRESET_MANAGED_GROUPS[preset].map((name) => {
    const placement = MANAGED_GROUP_PLACEMENT[name];
    // A library invariant checked at load, not user input: a group added to a preset needs a place here.
    // eslint-disable-next-line no-restricted-syntax
    if (!placement) throw new Error(`waf-defaults: the managed group ${name} of preset ${preset} has no priority`);
    return { name, ...placement };
  }).sort((a, b) => a.priority - b.priority);
}

/** Managed groups of the `portal` preset: a site that takes voter PII. */
export const PORTAL_GROUPS: readonly ManagedGroupDefault[] = presetGroups(WebAclPreset.PORTAL);
/**
 * Managed groups of the `results` preset: static, cached pages. No SQLi group (no database
 * behind it) and no anonymous-IP group (the public, including voters abroad behind VPNs, must
 * be able to read results).
 */
export const RESULTS_GROUPS: readonly ManagedGroupDefault[] = presetGroups(WebAclPreset.RESULTS);

/**
 * Requests per client IP per window on the portal: a person filling in a
 * registration form makes a few dozen; a script flooding one IP makes thousands.
 */
export const PORTAL_RATE_LIMIT = 300;
/**
 * Requests per client IP per window on the results site. Higher: on election
 * night whole newsrooms, libraries and carrier-grade NATs sit behind one IP
 * and refresh every 30 seconds, and the pages come from the CloudFront cache.
 */
export const RESULTS_RATE_LIMIT = 3000;

/**
 * The header CloudFront adds to origin requests to prove they came through it. A literal name
 * is no secret; the value is (a generated Secrets Manager secret).
 */
export const DEFAULT_ORIGIN_VERIFY_HEADER = 'x-origin-verify';
/**
 * Where a web ACL behind CloudFront finds the viewer's address. CloudFront appends the
 * viewer's IP to any X-Forwarded-For the viewer sent; WAF reads the first address.
 */
export const FORWARDED_IP_HEADER = 'X-Forwarded-For';
/**
 * Header names CloudFront refuses as custom origin headers, or that carry something else already.
 * Prefixes end with '-'.
 */
export const RESERVED_ORIGIN_HEADERS: readonly string[] = [
  'x-amz-', 'x-amzn-', 'x-edge-', 'cloudfront-', 'x-forwarded-', 'x-real-ip', 'authorization', 'cookie', 'host', 'via',
  'connection', 'content-length', 'transfer-encoding', 'upgrade', 'proxy-authorization', 'te', 'trailer', 'expect',
];

/** The prefix CloudWatch log groups must carry for WAF to log to them. */
export const WAF_LOG_GROUP_PREFIX = 'aws-waf-logs-';

/**
 * Where the AWS WAF JavaScript integration SDK loads from and sends its token requests to: the web
 * ACL's integration URL is a host under `awswaf.com` that CloudFormation does not return, so the
 * documented apex wildcard is allowed, in these directives (`script-src-elem` too when a policy sets it).
 * @see https://docs.aws.amazon.com/waf/latest/developerguide/waf-javascript-api-csp.html
 */
export const WAF_INTEGRATION_SDK_SOURCE = 'https://*.awswaf.com';
export const WAF_INTEGRATION_SDK_DIRECTIVES: readonly string[] = ['script-src', 'connect-src'];

/**
 * WAF logging filters (`AWS::WAFv2::LoggingConfiguration` `LoggingFilter`, passed to CloudFormation as written).
 * Dropping allowed requests is the reduction ElectionBaseline-WafLoggingUnfiltered accepts (blocks, CAPTCHAs
 * and challenges stay; a request only counted ends as allowed and goes too); keeping blocked requests only
 * also drops challenges and CAPTCHAs, which that rule reports.
 */
export const LOG_FILTER_DROP_ALLOWED = {
  DefaultBehavior: 'KEEP',
  Filters: [{ Behavior: 'DROP', Requirement: 'MEETS_ALL', Conditions: [{ ActionCondition: { Action: 'ALLOW' } }] }],
};
export const LOG_FILTER_BLOCKED_ONLY = {
  DefaultBehavior: 'DROP',
  Filters: [{ Behavior: 'KEEP', Requirement: 'MEETS_ANY', Conditions: [{ ActionCondition: { Action: 'BLOCK' } }] }],
};
