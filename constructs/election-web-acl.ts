import { Arn, ArnFormat, Duration, Names, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { DataClass } from '../lib/baseline/data-class';
import { allowBeforeProtection, literalWebAclRules } from '../lib/baseline/waf-rule-order';
import { waiverReasonProblem } from '../lib/baseline/waiver-register';
import { WAF_ALWAYS_REDACTED_HEADERS } from '../lib/baseline/waf-logging';
import { WAF_IP_LIST_GROUPS, WAF_PRESET_TAG, WebAclPreset } from '../lib/baseline/waf-preset';
import { DEFAULT_RATE_WINDOW_SECONDS, MAX_RATE_LIMIT, MIN_RATE_LIMIT, RATE_WINDOWS_SECONDS, WAF_PRESET_RATE_CEILING, withinRateCeiling } from '../lib/baseline/waf-rate-limits';
import { ValidationErrorCode } from '../lib/validation-error';
import { acknowledgeOptOut } from './defaults/acknowledgments';
import { createHardenedKey } from './defaults/kms-defaults';
import { tagDataClass } from './defaults/data-class-tag';
import { requireEdgeRegion } from './defaults/edge-region';
import { renderedProperties } from '../lib/render/rendered-template';
import { shown, tokenOr, validationError } from './defaults/validate';
import {
  FORWARDED_IP_HEADER, LAST_BASELINE_PRIORITY, LOG_FILTER_BLOCKED_ONLY, LOG_FILTER_DROP_ALLOWED,
  ManagedGroupDefault, PORTAL_GROUPS, PORTAL_RATE_LIMIT, PRIORITY, RESERVED_ORIGIN_HEADERS, RESULTS_GROUPS, RESULTS_RATE_LIMIT,
  WAF_LOG_GROUP_PREFIX, WAF_RULE_NAME,
} from './defaults/waf-defaults';

/** Where a web ACL can be attached. */
export enum WebAclScope {
  /** CloudFront distributions. The web ACL, its logs and its stack must be in us-east-1. */
  CLOUDFRONT = 'CLOUDFRONT',
  /** API Gateway stages, Application Load Balancers, Cognito user pools, in the stack's Region. */
  REGIONAL = 'REGIONAL',
}

/** The rule set a web ACL runs, chosen by what the site does; the rule pack judges by the same enum. */
export { WebAclPreset };

/** What the rate-based rule does to an IP over the limit. */
export enum RateLimitAction {
  /** Refuse with 403 until the IP's rate falls below the limit. */
  BLOCK = 'BLOCK',
  /** Ask for a CAPTCHA: people behind a busy shared IP can still get through. */
  CAPTCHA = 'CAPTCHA',
  /** A silent browser challenge: stops simple scripts, invisible to people. */
  CHALLENGE = 'CHALLENGE',
}

/** Which WAF log records are kept. Without a filter every request is logged. */
export enum WafLogFilter {
  /**
   * Drop the records of requests WAF allowed; blocks, CAPTCHAs and challenges are kept. Within the
   * baseline: allowed requests are in the CloudFront and API Gateway access logs too. A request
   * that only matched Count rules ends as allowed and is dropped as well, so keep every record
   * while a rule is being tuned (not with `monitorMode`).
   */
  DROP_ALLOWED = 'DROP_ALLOWED',
  /**
   * OPT-OUT: keep only the records of blocked requests; challenges, CAPTCHAs and counts are lost.
   * Needs `logFilterReason`, and is reported as a waiver of `ElectionBaseline-WafLoggingUnfiltered`.
   */
  BLOCKED_ONLY = 'BLOCKED_ONLY',
}

/** An allow-list of countries, with the reason an agency chose to block the rest. */
export interface GeoRestriction {
  /** ISO 3166-1 alpha-2 codes of the countries allowed, such as `US`, `PR`, `GU`. */
  readonly allowedCountryCodes: string[];
  /**
   * Why the agency blocks every other country: a literal of at least 20
   * characters and three words, as the pack checks a waiver reason. It is
   * recorded as the acknowledgment of `ElectionBaseline-WafNoGeoBlocking`.
   */
  readonly reason: string;
}

/**
 * How a REGIONAL web ACL behind CloudFront tells CloudFront's requests from direct ones:
 * CloudFront adds header `headerName` with the secret's value to every origin request.
 */
export interface OriginVerification {
  /**
   * The header CloudFront adds, such as `x-origin-verify`. Case-insensitive; letters, digits
   * and hyphens, at most 64. Not a name CloudFront reserves (`x-amz-*`, `x-edge-*`,
   * `cloudfront-*`, `x-forwarded-*`, `host`, `via`, `authorization`, `cookie` and the like).
   */
  readonly headerName: string;
  /**
   * The secret whose whole `SecretString` is the header value: letters and digits, 32 to 50
   * characters (a WAF search string takes at most 200 bytes, 50 in older documentation). CloudFormation resolves it into
   * the web ACL and the distribution at deploy (a `{{resolve:secretsmanager:…}}` dynamic
   * reference): it never appears in the template, but anyone who may read the web ACL or the
   * distribution config can read it, and a new secret value reaches them only with a deploy that
   * changes the reference (give a new secret to rotate).
   */
  readonly secret: secretsmanager.ISecret;
}

/** Properties of an ElectionWebAcl. */
export interface ElectionWebAclProps {
  /** Where the web ACL attaches. CLOUDFRONT needs the stack in us-east-1. */
  readonly scope: WebAclScope;

  /** The rule set: `portal` for sites that take voter PII, `results` for static, cached sites. */
  readonly preset: WebAclPreset;

  /**
   * Requests one client IP may make per `rateLimitWindow` before `rateLimitAction` applies.
   * Whole number from 10, at most 2,000 (`portal`) or 20,000 (`results`) per five minutes
   * (scaled to the window: 400 or 4,000 per minute), so that it trips: a limit that never trips is
   * no limit, and ElectionBaseline-WafRateBasedRule fails it.
   * @default - 300 for `portal`, 3000 for `results` (a single-IP flood, as against San Diego
   * County's election site in 2012, trips it; a newsroom behind one NAT refreshing results does not)
   */
  readonly rateLimit?: number;

  /**
   * The window the rate is counted over: 1, 2, 5 or 10 minutes.
   * @default Duration.minutes(5)
   */
  readonly rateLimitWindow?: Duration;

  /**
   * What happens to an IP over the rate limit.
   * @default RateLimitAction.BLOCK
   */
  readonly rateLimitAction?: RateLimitAction;

  /**
   * Path of the account-creation (registration) request, such as `/api/registrations`.
   * Turns on AWS WAF Fraud Control account creation fraud prevention (ACFP) for it,
   * which scores registration attempts for fake, scripted and stolen-identity sign-ups,
   * with a JSON payload. Give `registrationPagePath` with it. `portal` preset only.
   * A paid rule group (per request inspected).
   *
   * ACFP blocks creation requests that carry no WAF token, so the registration page must load
   * the AWS WAF JavaScript integration SDK (or use the mobile SDK) and send its token with the
   * submission; without it every real registration is refused. Turn it on on the CLOUDFRONT
   * web ACL (which sees the viewer's paths and address) once the front end does that; field-level
   * checks (email, phone, address) need field names this construct does not take yet. A
   * HardenedStaticSite behind the web ACL allows the SDK in its content security policy
   * (`usesIntegrationSdk`).
   * @default - no ACFP
   */
  readonly accountCreationFraudPath?: string;

  /**
   * Path of the page that serves the registration form, such as `/register.html`: ACFP
   * inspects `GET` requests for `text/html` there to see that a browser loaded the form
   * before submitting. Required with `accountCreationFraudPath`, and only with it.
   * @default - none; required when `accountCreationFraudPath` is set
   */
  readonly registrationPagePath?: string;

  /**
   * Path of the staff login request, such as `/staff/login`. Turns on AWS WAF Fraud
   * Control account takeover prevention (ATP): credential stuffing and stolen-credential
   * checks on election staff logins. A paid rule group (per request inspected). Its
   * session-level checks need the token of the AWS WAF JavaScript integration SDK, so a
   * HardenedStaticSite behind the web ACL allows the SDK in its content security policy, as for ACFP.
   * @default - no ATP
   */
  readonly staffLoginPath?: string;

  /**
   * AWS WAF Bot Control at the COMMON inspection level: scrapers and
   * self-identified bots, as in the bulk pulls of voter data in CISA AA20-304A.
   * A paid rule group (per request inspected).
   * @default false
   */
  readonly botControl?: boolean;

  /**
   * MONITOR MODE: the managed rule groups only COUNT matches and block nothing.
   * This is an explicit opt-out of protection, for a short tuning period before
   * go-live. The rule pack reports it (`ElectionBaseline-WafNoCountOverride`) on every
   * synth until it is turned off. The rate-based rule keeps blocking.
   * @default false
   */
  readonly monitorMode?: boolean;

  /**
   * The CloudWatch log group WAF logs to. Its name must start with `aws-waf-logs-`
   * (a WAF requirement); a literal name that does not throws. For CLOUDFRONT scope it
   * must be in us-east-1. Keep it KMS-encrypted, retained at least 365 days and tagged
   * `election:data-class=audit-logs`: the rule pack checks it. WAF adds the log group
   * resource policy for `delivery.logs.amazonaws.com` itself at deploy time, which needs
   * `logs:PutResourcePolicy` for the deploying role.
   * @default - a new log group `aws-waf-logs-<unique>`, encrypted with a new rotating
   * customer-managed key, class `audit-logs`, kept 731 days and on stack delete (NIST AU-9, AU-11; CISA CPG 2.U)
   */
  readonly logGroup?: logs.ILogGroup;

  /**
   * Also redact the whole query string from the logs.
   * @default false
   */
  readonly redactQueryString?: boolean;

  /**
   * More request headers to redact from the logs (`authorization` and `cookie` are
   * always redacted). Header names, case-insensitive. A logging configuration redacts at most
   * 100 fields in all: 98 more headers, 97 with `redactQueryString` or `originVerification`, 96 with both.
   * @default - only `authorization` and `cookie`
   */
  readonly redactedHeaders?: string[];

  /**
   * JSON body keys to replace with `REDACTED` in logs and sampled requests.
   *
   * WAF logs never carry a request body. A body reaches a log only as the
   * `matchedData` of a rule that inspected the body and matched (SQLi, XSS, size),
   * and in sampled requests. Logging configuration `RedactedFields` cannot touch it
   * (it accepts only `UriPath`, `QueryString`, `SingleHeader` and `Method`), so this
   * uses the web ACL's data protection (`DataProtectionConfig`, field type `BODY`,
   * action `SUBSTITUTION`), which applies to every log destination and to sampling.
   * Substitution, not hashing: a hashed SSN or licence number can be brute-forced.
   *
   * Naming keys (for example `ssn`, `driversLicenseNumber`, `dateOfBirth`) keeps the
   * matched data of other fields visible, so analysts still see an injection payload
   * typed into a name field. 1 to 100 keys, 1 to 64 characters each. Any other field of a
   * body then reaches the logs in clear, so the web ACL acknowledges
   * `ElectionBaseline-WafDataProtection` naming the keys, and every audit report lists it.
   * @default - every body field is substituted: no part of a body ever reaches a log
   */
  readonly protectedBodyFields?: string[];

  /**
   * OPT-IN ONLY: block every country not listed. Not recommended for election sites:
   * overseas military and citizen voters (UOCAVA) must reach registration and results
   * from anywhere, and geo-blocking stops no determined attacker: the actors of CISA
   * AA20-304A used US-based VPNs. When set, the web ACL acknowledges
   * `ElectionBaseline-WafNoGeoBlocking` with the given reason.
   * @default - no country is blocked
   */
  readonly geoRestriction?: GeoRestriction;

  /**
   * For a REGIONAL web ACL whose resource sits behind CloudFront (an API Gateway stage or load
   * balancer that the distribution reaches over the internet). Such a web ACL sees CloudFront's
   * edge addresses, not voters', and the resource's own endpoint stays reachable without
   * CloudFront. With this set:
   * - the first rule blocks every request without header `headerName` carrying the secret, so
   *   the endpoint answers only CloudFront (direct calls skip the CLOUDFRONT web ACL);
   * - the per-IP rate rule counts the first address of `X-Forwarded-For` (no valid address:
   *   the rate rule applies), not the edge's, so voters sharing an edge are not throttled together.
   *   That address is the viewer's own unless the viewer sent an `X-Forwarded-For` itself, which
   *   CloudFront keeps in front: a client can dodge this rule by forging it, or charge another
   *   address's count. The CLOUDFRONT web ACL's rate rule on the real address and stage
   *   throttling still bound a forger; this rule is a second line, not the first;
   * - the IP reputation and anonymous-IP groups are scoped down to requests without the header
   *   (whose source is the caller's own address), so they never judge CloudFront's addresses.
   *   The first rule blocks those requests already, so here the groups decide nothing: they stay
   *   because the baseline requires them, and the CLOUDFRONT web ACL runs them on viewers' real addresses;
   * - the header is redacted from the logs.
   * The content groups (Common, KnownBadInputs, SQLi) judge every request as before.
   * REGIONAL scope only.
   * @default - none: the web ACL judges the source address of each request
   */
  readonly originVerification?: OriginVerification;

  /**
   * The agency's own rules (IP sets of known scanners, a path it never serves, a CAPTCHA on a
   * form), judged after every baseline rule. Each needs a literal `name` (letters, digits, `_`,
   * `-`; not `OriginVerify`, `RateLimitPerIp`, `GeoAllowList` or `AWS-*`, which the baseline uses)
   * and its own literal `priority` above 10, the last the baseline uses or reserves, so the
   * managed groups and the rate limit see every request first and an optional baseline rule
   * turned on later never collides.
   *
   * An Allow ends evaluation: an Allow rule at or before a managed rule group or rate-based rule
   * (one of these rules or the baseline's) exempts its traffic from them, as
   * `ElectionBaseline-WafNoAllowBypass` reports; such a rule, or one whose action or statement
   * is a token, throws. The rule pack judges these rules like any other (a geo block or a
   * baseline group in count mode is reported).
   * @default - none
   */
  readonly additionalRules?: wafv2.CfnWebACL.RuleProperty[];

  /**
   * Which log records WAF keeps. `DROP_ALLOWED` stays within the baseline. `BLOCKED_ONLY` (for
   * example on election night, when the volume of logs is the cost) is an opt-out: records of
   * challenges, CAPTCHAs and counts are the evidence of a probe or a scraping run (CISA
   * AA20-304A; NIST AU-2, AU-12), so it needs `logFilterReason` and the logging configuration
   * acknowledges `ElectionBaseline-WafLoggingUnfiltered` with it. Not with `monitorMode`, whose
   * counted requests end as allowed: tuning needs every record.
   * @default - no filter: every request is logged
   */
  readonly logFilter?: WafLogFilter;

  /**
   * Why the agency keeps only blocked requests, for `logFilter: WafLogFilter.BLOCKED_ONLY` and only
   * with it: at least 20 characters and three words an auditor can check, such as the measured log
   * cost and where the other requests are still recorded. Recorded as the acknowledgment of
   * `ElectionBaseline-WafLoggingUnfiltered`, which every audit report lists.
   * @default - none; required with `BLOCKED_ONLY`
   */
  readonly logFilterReason?: string;
}

/**
 * A WAFv2 web ACL for election sites: AWS managed rule groups by preset, a
 * per-IP rate limit, optional Bot Control and Fraud Control, CloudWatch metrics
 * and sampling, and logs to a KMS-encrypted log group with credentials, cookies
 * and body fields redacted. Answers the election-day DDoS on state sites (2022),
 * SQL injection on Illinois' registration site (2016) and scripted voter-data
 * pulls through VPNs (CISA AA20-304A). A REGIONAL web ACL behind CloudFront takes
 * `originVerification`: it then answers only CloudFront and leaves decisions on
 * viewers' addresses to the CLOUDFRONT web ACL, which sees them.
 */
export class ElectionWebAcl extends Construct {
  /** The web ACL. */
  public readonly webAcl: wafv2.CfnWebACL;
  /** Its ARN: a CloudFront distribution's `webAclId`, or the target of `associate`. */
  public readonly webAclArn: string;
  /** Where WAF logs go. */
  public readonly logGroup: logs.ILogGroup;
  /** The logging configuration, with its redactions. */
  public readonly loggingConfiguration: wafv2.CfnLoggingConfiguration;
  /** The preset the web ACL follows. */
  public readonly preset: WebAclPreset;
  /** Where the web ACL attaches. */
  public readonly scope: WebAclScope;
  /** The header and secret that prove a request came through CloudFront, when set. */
  public readonly originVerification?: OriginVerification;
  /**
   * Whether a rule group (ACFP, ATP) relies on tokens of the AWS WAF JavaScript integration SDK:
   * a HardenedStaticSite behind this web ACL then lets its pages load the SDK (CSP).
   */
  public readonly usesIntegrationSdk: boolean;

  constructor(scope: Construct, id: string, props: ElectionWebAclProps) {
    super(scope, id);
    const settings = checkedSettings(this, props);
    this.preset = props.preset;
    this.scope = props.scope;
    this.originVerification = props.originVerification;
    this.usesIntegrationSdk = props.accountCreationFraudPath !== undefined || props.staffLoginPath !== undefined;
    if (props.scope === WebAclScope.CLOUDFRONT) {
      requireEdgeRegion(this, 'scope', 'is CLOUDFRONT', 'a CLOUDFRONT web ACL and its log group exist only in us-east-1');
    }

    const metricPrefix = Names.uniqueResourceName(this, { maxLength: 100 });
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      scope: props.scope,
      description: `Election ${props.preset} web ACL of ${this.node.path}`,
      defaultAction: { allow: {} },
      visibilityConfig: visibility(metricPrefix),
      rules: this.rules(props, settings, metricPrefix),
      dataProtectionConfig: {
        dataProtections: [{
          field: { fieldType: 'BODY', fieldKeys: props.protectedBodyFields },
          action: 'SUBSTITUTION',
          excludeRuleMatchDetails: false,
          excludeRateBasedDetails: false,
        }],
      },
      tags: [{ key: WAF_PRESET_TAG, value: props.preset }],
    });
    this.webAclArn = this.webAcl.attrArn;
    if (props.additionalRules) this.refuseAllowBypass(props.additionalRules);
    if (props.geoRestriction) {
      acknowledgeOptOut(this.webAcl, { id: 'ElectionBaseline-WafNoGeoBlocking', reason: props.geoRestriction.reason });
    }
    if (props.protectedBodyFields) {
      acknowledgeOptOut(this.webAcl, {
        id: 'ElectionBaseline-WafDataProtection',
        reason: `Body data protection limited by protectedBodyFields to ${props.protectedBodyFields.join(', ')}: other body fields reach WAF logs in clear for analysts`,
      });
    }

    this.logGroup = props.logGroup ?? this.createLogGroup();
    this.loggingConfiguration = new wafv2.CfnLoggingConfiguration(this, 'Logging', {
      resourceArn: this.webAcl.attrArn,
      logDestinationConfigs: [Stack.of(this).formatArn({
        service: 'logs', resource: 'log-group', resourceName: this.logGroup.logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      })],
      redactedFields: [
        ...settings.redactedHeaders.map((name) => ({ singleHeader: { Name: name } })),
        ...(props.redactQueryString ? [{ queryString: {} }] : []),
      ],
      loggingFilter: props.logFilter === WafLogFilter.BLOCKED_ONLY ? LOG_FILTER_BLOCKED_ONLY
        : props.logFilter === WafLogFilter.DROP_ALLOWED ? LOG_FILTER_DROP_ALLOWED : undefined,
    });
    this.loggingConfiguration.node.addDependency(this.logGroup);
    if (props.logFilter === WafLogFilter.BLOCKED_ONLY) {
      acknowledgeOptOut(this.loggingConfiguration, {
        id: 'ElectionBaseline-WafLoggingUnfiltered',
        reason: `WAF logs keep blocked requests only (logFilter BLOCKED_ONLY): ${props.logFilterReason}`,
      });
    }
  }

  /**
   * Attaches a REGIONAL web ACL to an API Gateway stage, an Application Load
   * Balancer or another regional resource. CLOUDFRONT web ACLs attach through
   * the distribution's `webAclId` instead, and this throws for them.
   */
  public associate(id: string, resourceArn: string): wafv2.CfnWebACLAssociation {
    if (this.scope !== WebAclScope.REGIONAL) {
      throw validationError(this, ValidationErrorCode.WRONG_PLACEMENT, 'scope', `is ${this.scope}`,
        'associate() works only for REGIONAL web ACLs; attach a CLOUDFRONT web ACL with the distribution\'s webAclId (HardenedStaticSite does)');
    }
    return new wafv2.CfnWebACLAssociation(this, id, { resourceArn, webAclArn: this.webAclArn });
  }

  /**
   * Refuses what ElectionBaseline-WafNoAllowBypass fails, with the rule's own predicate on the web ACL as
   * the template will carry it: an Allow among the additional rules at or before a protection.
   */
  private refuseAllowBypass(additional: wafv2.CfnWebACL.RuleProperty[]): void {
    const fail: Fail = (code, prop, given, allowed) => validationError(this, code, prop, given, allowed);
    const rules = literalWebAclRules(renderedProperties(this.webAcl).Rules);
    if (rules === undefined) {
      throw fail(ValidationErrorCode.TOKEN_NOT_ALLOWED, 'additionalRules', 'contains a rule given as a token', 'give each rule as a literal RuleProperty, so its order can be checked at synth');
    }
    const bypass = allowBeforeProtection(rules);
    if (!bypass) return;
    const index = additional.findIndex((r) => r.name === bypass.allow.Name);
    const describe = (rule: Record<string, unknown>) =>
      `'${String(rule.Name)}' (priority ${typeof rule.Priority === 'number' ? rule.Priority : shown(rule.Priority)})`;
    throw fail(ValidationErrorCode.WEAKENS_BASELINE, index < 0 ? 'additionalRules' : `additionalRules[${index}]`, `makes ${describe(bypass.allow)} an Allow rule (or one whose action is not known) ` +
      `at or before ${describe(bypass.protection)}, a managed rule group or rate-based rule (or one whose statement is not known)`,
    'an Allow ends evaluation, so the requests it matches would skip that protection (ElectionBaseline-WafNoAllowBypass): ' +
      'give it a priority above every managed rule group and rate-based rule, or use Block, Count, CAPTCHA or Challenge');
  }

  private rules(props: ElectionWebAclProps, settings: CheckedSettings, metricPrefix: string): wafv2.CfnWebACL.RuleProperty[] {
    const overrideAction = props.monitorMode ? { count: {} } : { none: {} };
    const groups = props.preset === WebAclPreset.PORTAL ? PORTAL_GROUPS : RESULTS_GROUPS;
    const managed = (group: ManagedGroupDefault, configs?: wafv2.CfnWebACL.ManagedRuleGroupConfigProperty[]): wafv2.CfnWebACL.RuleProperty => ({
      name: `AWS-${group.name}`,
      priority: group.priority,
      overrideAction,
      statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: group.name, managedRuleGroupConfigs: configs } },
      visibilityConfig: visibility(`${metricPrefix}-${group.name}`),
    });
    const verified = props.originVerification ? originVerified(props.originVerification) : undefined;
    const rules: wafv2.CfnWebACL.RuleProperty[] = groups.map((g) => {
      const rule = managed(g);
      if (!verified || !WAF_IP_LIST_GROUPS.includes(g.name)) return rule;
      // Only a request without the header comes from its source address, and the first rule blocks those:
      // the group stays (the baseline requires it) but never judges CloudFront's addresses.
      const statement = { managedRuleGroupStatement: { vendorName: 'AWS', name: g.name, scopeDownStatement: { notStatement: { statement: verified } } } };
      return { ...rule, statement };
    });
    if (verified) {
      rules.push({
        name: 'OriginVerify',
        priority: PRIORITY.originVerify,
        action: { block: {} },
        statement: { notStatement: { statement: verified } },
        visibilityConfig: visibility(`${metricPrefix}-OriginVerify`),
      });
    }
    rules.push({
      name: 'RateLimitPerIp',
      priority: PRIORITY.rateLimit,
      action: { [settings.rateAction]: {} },
      statement: {
        rateBasedStatement: {
          limit: settings.rateLimit,
          evaluationWindowSec: settings.rateWindow,
          ...(verified
            ? { aggregateKeyType: 'FORWARDED_IP', forwardedIpConfig: { headerName: FORWARDED_IP_HEADER, fallbackBehavior: 'MATCH' } }
            : { aggregateKeyType: 'IP' }),
        },
      },
      visibilityConfig: visibility(`${metricPrefix}-RateLimitPerIp`),
    });
    if (props.geoRestriction) {
      rules.push({
        name: 'GeoAllowList',
        priority: PRIORITY.geoRestriction,
        action: { block: {} },
        statement: { notStatement: { statement: { geoMatchStatement: { countryCodes: props.geoRestriction.allowedCountryCodes } } } },
        visibilityConfig: visibility(`${metricPrefix}-GeoAllowList`),
      });
    }
    if (props.botControl) {
      rules.push(managed({ name: 'AWSManagedRulesBotControlRuleSet', priority: PRIORITY.botControl, why: 'scrapers' },
        [{ awsManagedRulesBotControlRuleSet: { inspectionLevel: 'COMMON' } }]));
    }
    if (props.staffLoginPath) {
      rules.push(managed({ name: 'AWSManagedRulesATPRuleSet', priority: PRIORITY.staffLogin, why: 'credential stuffing' },
        [{ awsManagedRulesAtpRuleSet: { loginPath: props.staffLoginPath } }]));
    }
    if (props.accountCreationFraudPath && props.registrationPagePath) {
      rules.push(managed({ name: 'AWSManagedRulesACFPRuleSet', priority: PRIORITY.accountCreation, why: 'fake registrations' },
        [{
          awsManagedRulesAcfpRuleSet: {
            creationPath: props.accountCreationFraudPath,
            registrationPagePath: props.registrationPagePath,
            requestInspection: { payloadType: 'JSON' },
          },
        }]));
    }
    // checkedSettings made sure they come after the baseline, so the sort keeps them last.
    rules.push(...(props.additionalRules ?? []));
    return rules.sort((a, b) => a.priority - b.priority);
  }

  private createLogGroup(): logs.LogGroup {
    const stack = Stack.of(this);
    const logGroupName = `${WAF_LOG_GROUP_PREFIX}${Names.uniqueResourceName(this, { maxLength: 200, separator: '-' })}`;
    const key = createHardenedKey(this, 'LogKey', `Encrypts WAF logs of ${this.node.path}`);
    // CloudWatch Logs may use the key for this log group only (encryption context names it).
    key.addToResourcePolicy(new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: {
        ArnEquals: {
          'kms:EncryptionContext:aws:logs:arn': Arn.format({ service: 'logs', resource: 'log-group', resourceName: logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME }, stack),
        },
      },
    }));
    const logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName,
      encryptionKey: key,
      retention: logs.RetentionDays.TWO_YEARS,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    tagDataClass(logGroup, DataClass.AUDIT_LOGS);
    return logGroup;
  }
}

interface CheckedSettings {
  readonly rateLimit: number;
  readonly rateWindow: number;
  readonly rateAction: 'block' | 'captcha' | 'challenge';
  readonly redactedHeaders: string[];
}

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/;
const COUNTRY_CODE = /^[A-Z]{2}$/;
/** Names of the baseline's own rules; its managed groups are named `AWS-<group>`. */
const BASELINE_RULE_NAMES = ['OriginVerify', 'RateLimitPerIp', 'GeoAllowList'];
/** WAF's limit on a logging configuration's RedactedFields. */
const MAX_REDACTED_FIELDS = 100;

function checkedSettings(scope: Construct, props: ElectionWebAclProps): CheckedSettings {
  const fail: Fail = (code, prop, given, allowed) => validationError(scope, code, prop, given, allowed);
  if (!Object.values(WebAclScope).includes(props.scope)) {
    throw fail(ValidationErrorCode.INVALID_VALUE, 'scope', `is '${String(props.scope)}'`, "allowed are 'CLOUDFRONT' and 'REGIONAL'");
  }
  if (!Object.values(WebAclPreset).includes(props.preset)) {
    throw fail(ValidationErrorCode.INVALID_VALUE, 'preset', `is '${String(props.preset)}'`, "allowed are 'portal' and 'results'");
  }
  const rateLimit = props.rateLimit ?? (props.preset === WebAclPreset.PORTAL ? PORTAL_RATE_LIMIT : RESULTS_RATE_LIMIT);
  if (Token.isUnresolved(rateLimit) || !Number.isInteger(rateLimit) || rateLimit < MIN_RATE_LIMIT || rateLimit > MAX_RATE_LIMIT) {
    throw fail(tokenOr(rateLimit, ValidationErrorCode.INVALID_VALUE), 'rateLimit', `is ${Token.isUnresolved(rateLimit) ? 'a token' : rateLimit}`, `it must be a whole number from ${MIN_RATE_LIMIT} to ${MAX_RATE_LIMIT}`);
  }
  const rateWindow = windowSeconds(props.rateLimitWindow, fail);
  // A limit so high it never trips is no limit (rule WafRateBasedRule): compared per five minutes.
  const ceiling = WAF_PRESET_RATE_CEILING[props.preset];
  if (!withinRateCeiling(rateLimit, rateWindow, props.preset)) {
    throw fail(ValidationErrorCode.OUTSIDE_BASELINE_BOUND, 'rateLimit', `is ${rateLimit} per ${rateWindow} seconds`,
      `the ${props.preset} preset allows at most ${ceiling} requests per ${DEFAULT_RATE_WINDOW_SECONDS} seconds (${(ceiling * rateWindow) / DEFAULT_RATE_WINDOW_SECONDS} per ${rateWindow} seconds)`);
  }
  const action = props.rateLimitAction ?? RateLimitAction.BLOCK;
  if (!Object.values(RateLimitAction).includes(action)) {
    throw fail(ValidationErrorCode.INVALID_VALUE, 'rateLimitAction', `is '${String(action)}'`, 'allowed are BLOCK, CAPTCHA and CHALLENGE');
  }
  if (props.accountCreationFraudPath !== undefined) {
    checkPath(props.accountCreationFraudPath, 'accountCreationFraudPath', fail);
    if (props.preset !== WebAclPreset.PORTAL) {
      throw fail(ValidationErrorCode.CONFLICTING_PROPS, 'accountCreationFraudPath', `is set with preset '${props.preset}'`, "account creation fraud prevention applies to the 'portal' preset only");
    }
    if (props.registrationPagePath === undefined) {
      throw fail(ValidationErrorCode.MISSING_VALUE, 'registrationPagePath', 'is missing while accountCreationFraudPath is set',
        'give the path of the page that serves the registration form (ACFP inspects GET text/html requests there), such as /register.html');
    }
    checkPath(props.registrationPagePath, 'registrationPagePath', fail);
  } else if (props.registrationPagePath !== undefined) {
    throw fail(ValidationErrorCode.CONFLICTING_PROPS, 'registrationPagePath', `is ${shown(props.registrationPagePath)} without accountCreationFraudPath`, 'it configures ACFP only: give both or neither');
  }
  const originHeader = checkOriginVerification(props, fail);
  if (props.staffLoginPath !== undefined) checkPath(props.staffLoginPath, 'staffLoginPath', fail);
  checkBodyFields(props.protectedBodyFields, fail);
  checkGeoRestriction(props.geoRestriction, fail);
  checkAdditionalRules(props.additionalRules, fail);
  checkLogFilter(props, fail);
  if (props.logGroup && !Token.isUnresolved(props.logGroup.logGroupName) && !props.logGroup.logGroupName.startsWith(WAF_LOG_GROUP_PREFIX)) {
    throw fail(ValidationErrorCode.INVALID_VALUE, 'logGroup', `is named '${props.logGroup.logGroupName}'`, `WAF logs only to log groups whose name starts with '${WAF_LOG_GROUP_PREFIX}'`);
  }
  const extraRedacted = [...(props.redactedHeaders ?? []), ...(originHeader ? [originHeader] : [])];
  return { rateLimit, rateWindow, rateAction: action.toLowerCase() as CheckedSettings['rateAction'], redactedHeaders: redactedHeaders(extraRedacted, props.redactQueryString === true, fail) };
}

/** The origin-verify header name, lower-cased, or undefined without origin verification. */
function checkOriginVerification(props: ElectionWebAclProps, fail: Fail): string | undefined {
  const verification = props.originVerification;
  if (verification === undefined) return undefined;
  if (props.scope !== WebAclScope.REGIONAL) {
    throw fail(ValidationErrorCode.CONFLICTING_PROPS, 'originVerification', `is set with scope ${props.scope}`,
      'it applies to REGIONAL web ACLs behind CloudFront; the CLOUDFRONT web ACL sees viewers directly');
  }
  const name = verification.headerName;
  if (typeof name !== 'string' || Token.isUnresolved(name) || !/^[A-Za-z0-9-]{1,64}$/.test(name)) {
    throw fail(tokenOr(name, ValidationErrorCode.INVALID_VALUE), 'originVerification.headerName', `is ${shown(name)}`, 'it must be a literal header name of 1 to 64 letters, digits and hyphens');
  }
  const lower = name.toLowerCase();
  const reserved = RESERVED_ORIGIN_HEADERS.find((r) => (r.endsWith('-') ? lower.startsWith(r) : lower === r));
  if (reserved) {
    throw fail(ValidationErrorCode.INVALID_VALUE, 'originVerification.headerName', `is '${name}'`, `'${reserved}' is reserved by CloudFront or HTTP; use a name of your own, such as x-origin-verify`);
  }
  if (!verification.secret) {
    throw fail(ValidationErrorCode.MISSING_VALUE, 'originVerification.secret', 'is missing', 'give the Secrets Manager secret whose value CloudFront sends in the header');
  }
  return lower;
}

/** Matches a request whose origin-verify header is exactly the secret's value. */
function originVerified(verification: OriginVerification): wafv2.CfnWebACL.StatementProperty {
  return {
    byteMatchStatement: {
      fieldToMatch: { singleHeader: { Name: verification.headerName.toLowerCase() } },
      positionalConstraint: 'EXACTLY',
      // A CloudFormation dynamic reference, resolved at deploy: the value is not in the template.
      searchString: verification.secret.secretValue.unsafeUnwrap(),
      textTransformations: [{ priority: 0, type: 'NONE' }],
    },
  };
}

type Fail = (code: ValidationErrorCode, prop: string, given: string, allowed: string) => Error;

function windowSeconds(window: Duration | undefined, fail: Fail): number {
  if (window === undefined) return DEFAULT_RATE_WINDOW_SECONDS;
  let seconds: number;
  try {
    seconds = window.toSeconds();
  } catch {
    seconds = NaN;
  }
  if (Token.isUnresolved(seconds) || !RATE_WINDOWS_SECONDS.includes(seconds)) {
    throw fail(tokenOr(seconds, ValidationErrorCode.INVALID_VALUE), 'rateLimitWindow', `is ${Token.isUnresolved(seconds) || Number.isNaN(seconds) ? 'not a literal whole number of seconds' : `${seconds} seconds`}`,
      `allowed are ${RATE_WINDOWS_SECONDS.join(', ')} seconds (1, 2, 5 or 10 minutes)`);
  }
  return seconds;
}

function checkPath(path: string, prop: string, fail: Fail): void {
  if (Token.isUnresolved(path) || !/^\/[\x21-\x7e]{0,255}$/.test(path)) {
    throw fail(tokenOr(path, ValidationErrorCode.INVALID_VALUE), prop, `is ${shown(path)}`, 'it must be a literal URI path starting with / (printable ASCII, no spaces, at most 256 characters)');
  }
}

function checkBodyFields(fields: string[] | undefined, fail: Fail): void {
  if (fields === undefined) return;
  if (fields.length === 0 || fields.length > 100) {
    throw fail(ValidationErrorCode.INVALID_VALUE, 'protectedBodyFields', `has ${fields.length} keys`, 'give 1 to 100 keys, or leave it unset to redact every body field');
  }
  for (const field of fields) {
    if (Token.isUnresolved(field) || field.length < 1 || field.length > 64 || !/\S/.test(field)) {
      throw fail(tokenOr(field, ValidationErrorCode.INVALID_VALUE), 'protectedBodyFields', `contains ${shown(field)}`, 'each key must be a literal of 1 to 64 characters with a non-space character');
    }
  }
}

function checkGeoRestriction(geo: GeoRestriction | undefined, fail: Fail): void {
  if (geo === undefined) return;
  if (geo.allowedCountryCodes.length === 0) {
    throw fail(ValidationErrorCode.MISSING_VALUE, 'geoRestriction.allowedCountryCodes', 'is empty', 'list at least one ISO 3166-1 alpha-2 code, such as US');
  }
  for (const code of geo.allowedCountryCodes) {
    if (!COUNTRY_CODE.test(code)) {
      throw fail(ValidationErrorCode.INVALID_VALUE, 'geoRestriction.allowedCountryCodes', `contains '${code}'`, 'each must be an ISO 3166-1 alpha-2 code in capitals, such as US, PR, GU');
    }
  }
  const problem = reasonProblem(geo.reason);
  if (problem) {
    throw fail(tokenOr(geo.reason, ValidationErrorCode.INVALID_VALUE), 'geoRestriction.reason', `is ${shown(geo.reason)}`, `${problem}: give the agency's reason, which becomes the acknowledgment of ElectionBaseline-WafNoGeoBlocking`);
  }
}

/** What the pack would refuse in a waiver reason (lib/pack/waivers.ts), or that it is not a literal string. */
function reasonProblem(reason: unknown): string | undefined {
  if (typeof reason !== 'string' || Token.isUnresolved(reason)) return 'it must be a literal string';
  return waiverReasonProblem(reason);
}

function checkAdditionalRules(rules: wafv2.CfnWebACL.RuleProperty[] | undefined, fail: Fail): void {
  const names = new Set<string>();
  const priorities = new Set<number>();
  for (const [i, rule] of (rules ?? []).entries()) {
    const name: unknown = rule?.name;
    if (typeof name !== 'string' || Token.isUnresolved(name) || !WAF_RULE_NAME.test(name)) {
      throw fail(tokenOr(name, ValidationErrorCode.INVALID_VALUE), `additionalRules[${i}].name`, `is ${shown(name)}`, 'it must be a literal of 1 to 128 letters, digits, underscores and hyphens');
    }
    if (BASELINE_RULE_NAMES.includes(name) || name.startsWith('AWS-') || names.has(name)) {
      throw fail(ValidationErrorCode.INVALID_VALUE, `additionalRules[${i}].name`, `is '${name}'`,
        `each rule needs a name of its own: ${BASELINE_RULE_NAMES.join(', ')} and names starting with AWS- are the baseline's`);
    }
    names.add(name);
    const priority: unknown = rule.priority;
    if (typeof priority !== 'number' || Token.isUnresolved(priority) || !Number.isInteger(priority) || priority <= LAST_BASELINE_PRIORITY) {
      throw fail(tokenOr(priority, ValidationErrorCode.INVALID_VALUE), `additionalRules[${i}].priority`, `is ${typeof priority === 'number' && !Token.isUnresolved(priority) ? priority : shown(priority)}`,
        `it must be a literal whole number above ${LAST_BASELINE_PRIORITY}, the last priority the baseline uses or reserves, so its protections judge every request first`);
    }
    if (priorities.has(priority)) {
      throw fail(ValidationErrorCode.INVALID_VALUE, `additionalRules[${i}].priority`, `is ${priority}, as another additional rule's`, 'each rule needs a priority of its own (WAF refuses duplicates)');
    }
    priorities.add(priority);
  }
}

function checkLogFilter(props: ElectionWebAclProps, fail: Fail): void {
  const filter = props.logFilter;
  if (filter !== undefined && !Object.values(WafLogFilter).includes(filter)) {
    throw fail(ValidationErrorCode.INVALID_VALUE, 'logFilter', `is '${String(filter)}'`, 'allowed are DROP_ALLOWED and BLOCKED_ONLY, or none to log every request');
  }
  if (filter !== undefined && props.monitorMode) {
    throw fail(ValidationErrorCode.CONFLICTING_PROPS, 'logFilter', `is ${filter} with monitorMode`, 'in monitor mode the managed groups only count, and counted requests end as allowed: tune with every record logged');
  }
  if (filter !== WafLogFilter.BLOCKED_ONLY) {
    if (props.logFilterReason !== undefined) {
      throw fail(ValidationErrorCode.CONFLICTING_PROPS, 'logFilterReason', `is set with logFilter ${filter ?? 'unset'}`, 'it records why BLOCKED_ONLY drops evidence, and only with it');
    }
    return;
  }
  if (props.logFilterReason === undefined) {
    throw fail(ValidationErrorCode.WEAKENS_BASELINE, 'logFilterReason', 'is missing while logFilter is BLOCKED_ONLY',
      'give the agency\'s reason (the measured log cost, where the other requests are still recorded): it becomes the acknowledgment of ElectionBaseline-WafLoggingUnfiltered');
  }
  const problem = reasonProblem(props.logFilterReason);
  if (problem) {
    throw fail(tokenOr(props.logFilterReason, ValidationErrorCode.INVALID_VALUE), 'logFilterReason', `is ${shown(props.logFilterReason)}`, `${problem}: it becomes the acknowledgment of ElectionBaseline-WafLoggingUnfiltered`);
  }
}

/**
 * Every header the logs redact. A logging configuration redacts at most 100 fields in all:
 * authorization, cookie, the origin-verify header and the query string count with the caller's headers.
 */
function redactedHeaders(extra: string[] | undefined, redactQueryString: boolean, fail: Fail): string[] {
  const names = [...WAF_ALWAYS_REDACTED_HEADERS];
  for (const header of extra ?? []) {
    if (Token.isUnresolved(header) || !HEADER_NAME.test(header)) {
      throw fail(tokenOr(header, ValidationErrorCode.INVALID_VALUE), 'redactedHeaders', `contains ${shown(header)}`, 'each must be a literal HTTP header name (letters, digits and !#$%&\'*+.^_`|~-, at most 64)');
    }
    const name = header.toLowerCase();
    if (!names.includes(name)) names.push(name);
  }
  const fields = names.length + (redactQueryString ? 1 : 0);
  if (fields > MAX_REDACTED_FIELDS) {
    throw fail(ValidationErrorCode.ABOVE_SERVICE_LIMIT, 'redactedHeaders', `makes ${fields} redacted fields in all`,
      `a logging configuration redacts at most ${MAX_REDACTED_FIELDS} fields, authorization, cookie, the origin-verify header and the query string included`);
  }
  return names;
}

function visibility(metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty {
  return { cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: metricName.slice(0, 128) };
}
