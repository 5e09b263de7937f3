import { Annotations, Arn, ArnFormat, Duration, Names, Stack, Token } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { isStrictContentSecurityPolicy } from '../lib/baseline/content-security-policy';
import { DataClass } from '../lib/baseline/data-class';
import { LOG_DELIVERY_SERVICE } from '../lib/baseline/log-delivery-services';
import { DAYS_PER_RETENTION_YEAR, MIN_AUDIT_LOG_RETENTION_DAYS } from '../lib/baseline/records-retention';
import { ValidationErrorCode } from '../lib/validation-error';
import { acknowledge } from './defaults/acknowledgments';
import {
  allowSource, cachePolicyProps, DEFAULT_CACHE_TTL_SECONDS, DEFAULT_CONTENT_SECURITY_POLICY, ERROR_CACHING_SECONDS, MAX_CACHE_TTL_SECONDS,
  MAX_CSP_LENGTH, MIN_CACHE_TTL_SECONDS, securityHeaders,
} from './defaults/cloudfront-defaults';
import { EDGE_REGION, requireEdgeRegion } from './defaults/edge-region';
import { ErrorSubject, shown, tokenOr, validationError } from './defaults/validate';
import { WAF_INTEGRATION_SDK_DIRECTIVES, WAF_INTEGRATION_SDK_SOURCE } from './defaults/waf-defaults';
import { ElectionWebAcl, WebAclPreset, WebAclScope } from './election-web-acl';
import { SecureBucket } from './secure-bucket';

/**
 * What every election site built on a HardenedStaticSite takes for its front end: the results site
 * and the registration portal alike. All are optional. `errorPagePath` is not among them: CloudFront's
 * custom error responses are distribution-wide, so on a site with an API behavior (the portal's
 * `/api/*`) they would rewrite the API's errors (see HardenedStaticSiteProps.errorPagePath).
 */
export interface StaticSiteOptions {
  /**
   * How long pages stay in the edge cache when the object sets no `Cache-Control`
   * (CloudFront keeps every object at least 1 s and at most max(300 s, this)). 1 to 300
   * seconds. Caching cannot be turned off: the results sites that fell over on election
   * night (2018) were the ones serving every request from the origin. Query strings, headers
   * and cookies are left out of the cache key, so `?x=<random>` cannot bust the cache.
   * @default Duration.seconds(30)
   */
  readonly cacheTtl?: Duration;

  /**
   * The Content-Security-Policy header (at most 1783 characters). It must restrict scripts, as the
   * ElectionBaseline-CloudFrontSecurityHeaders rule requires: a script-src or default-src without
   * 'unsafe-eval', without 'unsafe-inline' unless hashed, and without sources that allow any host
   * (an injected script on a results or registration page is the defacement of election night).
   * A policy that rule would fail throws: both apply the same predicate
   * (`lib/baseline/content-security-policy.ts`).
   *
   * When the web ACL runs Fraud Control (ACFP or ATP, whose rule groups rely on tokens of the AWS
   * WAF JavaScript integration SDK; ACFP refuses a registration without one), `https://*.awswaf.com`
   * is added to script-src (and script-src-elem when set) and connect-src, the apex AWS
   * documents for the SDK and its token calls: the web ACL's integration URL is a host under it
   * that CloudFormation does not return. A directive the policy lacks is added with default-src's
   * sources, and a `'none'` gives way to the added source. The result must still fit 1783 characters.
   * @see https://docs.aws.amazon.com/waf/latest/developerguide/waf-javascript-api-csp.html
   * @default "default-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; upgrade-insecure-requests"
   */
  readonly contentSecurityPolicy?: string;

  /**
   * Alternate domain names, such as `results.county.gov`. Give with `certificate`, or neither.
   * Each a lower-case DNS name of at least two labels (a leading `*.` wildcard and punycode
   * `xn--` labels allowed; labels 1 to 63 letters, digits and hyphens, not starting or ending with
   * a hyphen; 253 characters in all), checked at synth: CloudFront refuses anything else at deploy.
   * @default - only the `*.cloudfront.net` name
   */
  readonly domainNames?: string[];

  /**
   * The ACM certificate for `domainNames`, in us-east-1, served by SNI. Viewers then need TLS 1.2
   * or later (security policy TLSv1.2_2021; NIST SC-8, SC-13).
   * @default - the `*.cloudfront.net` certificate, whose TLS floor CloudFront fixes; give
   * `domainNames` and `certificate` in production
   */
  readonly certificate?: acm.ICertificate;

  /**
   * Where CloudFront access logs go (standard logging v2 through CloudWatch vended log
   * delivery, which writes through Object Lock, unlike S3 server access logging). The bucket
   * policy and key policy must let `delivery.logs.amazonaws.com` write: they are added when the
   * bucket (and its key) belong to this app. A bucket of this app needs Object Lock in COMPLIANCE
   * mode for at least 365 days (`MIN_AUDIT_LOG_RETENTION_DAYS`, the 12 months of NIST AU-11), or
   * it throws; a LogArchiveBucket's bucket qualifies. An imported bucket, or a retention from a
   * parameter, is judged where it is defined (ElectionBaseline-S3AccessLogBucketProtected).
   * @default - a new SecureBucket of class `audit-logs` with Object Lock in COMPLIANCE mode for
   * 365 days, so who read the site stays on record, write-once (NIST AU-2, AU-9, AU-11; CISA CPG 2.U)
   */
  readonly accessLogsBucket?: s3.IBucket;

  /**
   * Edge locations used.
   * @default PriceClass.PRICE_CLASS_ALL: every edge absorbs part of a DDoS, and voters abroad (UOCAVA) get a nearby edge
   */
  readonly priceClass?: cloudfront.PriceClass;
}

/** The StaticSiteOptions of a wider set of props, to pass on to a HardenedStaticSite. */
export function staticSiteOptions(props: StaticSiteOptions): StaticSiteOptions {
  const { cacheTtl, contentSecurityPolicy, domainNames, certificate, accessLogsBucket, priceClass } = props;
  return { cacheTtl, contentSecurityPolicy, domainNames, certificate, accessLogsBucket, priceClass };
}

/** Properties of a HardenedStaticSite. All are optional. */
export interface HardenedStaticSiteProps extends StaticSiteOptions {
  /**
   * The web ACL to attach. It must have CLOUDFRONT scope: a REGIONAL one throws. Give either this
   * or `preset`, not both.
   * With Fraud Control on it (ACFP, ATP), the CSP lets pages load the AWS WAF integration SDK
   * (see `contentSecurityPolicy`).
   * @default - a new ElectionWebAcl with CLOUDFRONT scope and the `preset` rule set
   */
  readonly webAcl?: ElectionWebAcl;

  /**
   * The rule set of the web ACL this site creates (when `webAcl` is not given).
   * @default WebAclPreset.RESULTS
   */
  readonly preset?: WebAclPreset;

  /**
   * More behaviors by path pattern, such as the portal's `/api/*`. Each gets this site's
   * response headers policy, and REDIRECT_TO_HTTPS unless it sets its own viewer protocol policy.
   * These throw at synth: `ViewerProtocolPolicy.ALLOW_ALL`; an origin reached over plain HTTP
   * (`OriginProtocolPolicy.HTTP_ONLY` or `MATCH_VIEWER`, including S3 website endpoints), which
   * voter data or results would cross unencrypted (NIST SC-8); and a `responseHeadersPolicy` of
   * the behavior's own, since HSTS with includeSubDomains and preload, the CSP and frame denial
   * must hold on every path (a page served without them can be framed, altered or downgraded).
   * On a `results` site, or one where no behavior takes writes, each must cache as the default
   * does: an uncached path is where an election-night flood reaches the origin
   * (ElectionBaseline-CloudFrontCachingEnabled reports it per path pattern).
   *
   * With any additional behavior the distribution has no custom error responses (see
   * `errorPagePath`): CloudFront applies them to every behavior's responses, and would turn an
   * API's 403 or 404 JSON answer into the HTML error page with another status.
   * @default - none
   */
  readonly additionalBehaviors?: Record<string, cloudfront.BehaviorOptions>;

  /**
   * The page shown for a missing object (403 and 404 from S3), with status 404.
   *
   * CloudFront's custom error responses are distribution-wide: they cannot be scoped to a
   * behavior or an origin. So they are set only when there are no `additionalBehaviors`;
   * with them, a missing object answers S3's own 403 and other origins' errors pass through
   * unchanged, and setting this throws.
   * @default '/error.html' without `additionalBehaviors`; none with them
   */
  readonly errorPagePath?: string;
}

/**
 * A static site served only through CloudFront: content in a `public-content`
 * SecureBucket, a second SecureBucket as failover origin, Origin Access Control,
 * a short but never-off cache, HTTPS only, HSTS and a strict CSP, a WAF web ACL,
 * and access logs to an audit-logs bucket. The front end of election results and
 * voter portal sites (election-day DDoS 2022; results sites falling over on
 * election night; ransomware deleting site content).
 *
 * Publishers write each object to both buckets (`grantPublish` allows that and
 * nothing else): the failover copy is independent of the primary, so a primary
 * emptied by ransomware or a bad publish still fails over to good content.
 */
export class HardenedStaticSite extends Construct {
  /** The bucket CloudFront serves from first. */
  public readonly content: SecureBucket;
  /** The bucket CloudFront falls back to when the primary answers 403, 404 or 5xx. */
  public readonly failover: SecureBucket;
  /** The primary content bucket (`content.bucket`). */
  public readonly bucket: s3.Bucket;
  /** The distribution. */
  public readonly distribution: cloudfront.Distribution;
  /** The web ACL attached to the distribution (given or created). */
  public readonly webAcl: ElectionWebAcl;
  /** The security headers every response carries. */
  public readonly responseHeadersPolicy: cloudfront.ResponseHeadersPolicy;
  /** The Content-Security-Policy it sends: the given or default one, with the WAF SDK's origin when Fraud Control needs it. */
  public readonly contentSecurityPolicy: string;
  /** The cache policy of the default behavior. */
  public readonly cachePolicy: cloudfront.CachePolicy;
  /** Where CloudFront access logs go. */
  public readonly accessLogsBucket: s3.IBucket;
  /** The CloudFront access log delivery (standard logging v2). */
  public readonly accessLogDelivery: logs.CfnDelivery;

  constructor(scope: Construct, id: string, props: HardenedStaticSiteProps = {}) {
    super(scope, id);
    const settings = checkedSettings(this, props);
    this.contentSecurityPolicy = settings.contentSecurityPolicy;
    requireEdgeRegion(this, 'stack', 'is deployed', 'CloudFront access log delivery sources and CLOUDFRONT web ACLs exist only in us-east-1');

    let ownLogs: SecureBucket | undefined;
    if (props.accessLogsBucket) {
      this.accessLogsBucket = props.accessLogsBucket;
    } else {
      // WORM for a year: CloudWatch vended log delivery writes through Object Lock, unlike S3 server access logging (NIST AU-9, AU-11).
      ownLogs = new SecureBucket(this, 'AccessLogs', { dataClass: DataClass.AUDIT_LOGS, objectLockRetention: Duration.days(MIN_AUDIT_LOG_RETENTION_DAYS) });
      this.accessLogsBucket = ownLogs.bucket;
    }
    this.content = new SecureBucket(this, 'Content', {
      dataClass: DataClass.PUBLIC_CONTENT,
      serverAccessLogsBucket: ownLogs?.serverAccessLogsBucket,
    });
    this.failover = new SecureBucket(this, 'Failover', {
      dataClass: DataClass.PUBLIC_CONTENT,
      serverAccessLogsBucket: this.content.serverAccessLogsBucket,
    });
    this.bucket = this.content.bucket;

    this.webAcl = props.webAcl ?? new ElectionWebAcl(this, 'WebAcl', { scope: WebAclScope.CLOUDFRONT, preset: props.preset ?? WebAclPreset.RESULTS });
    this.cachePolicy = new cloudfront.CachePolicy(this, 'CachePolicy', cachePolicyProps(settings.cacheTtl, `Short, never-off edge cache of ${this.node.path}`));
    this.responseHeadersPolicy = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: `HSTS, CSP and anti-framing headers of ${this.node.path}`,
      securityHeadersBehavior: securityHeaders(settings.contentSecurityPolicy),
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `Election static site ${this.node.path}`,
      defaultBehavior: {
        origin: new origins.OriginGroup({
          primaryOrigin: origins.S3BucketOrigin.withOriginAccessControl(this.content.bucket),
          fallbackOrigin: origins.S3BucketOrigin.withOriginAccessControl(this.failover.bucket),
          // 403/404 too: a primary emptied by ransomware or a bad publish answers 403, and the failover copy still serves.
          fallbackStatusCodes: [403, 404, 500, 502, 503, 504],
        }),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: this.cachePolicy,
        responseHeadersPolicy: this.responseHeadersPolicy,
        compress: true,
      },
      additionalBehaviors: this.hardenedBehaviors(props.additionalBehaviors),
      defaultRootObject: 'index.html',
      errorResponses: settings.errorPagePath === undefined ? undefined : [403, 404].map((httpStatus) => ({
        httpStatus, responseHttpStatus: 404, responsePagePath: settings.errorPagePath, ttl: Duration.seconds(ERROR_CACHING_SECONDS),
      })),
      domainNames: props.domainNames,
      certificate: props.certificate,
      // Applies only with a certificate: the *.cloudfront.net certificate's policy is fixed by CloudFront.
      minimumProtocolVersion: props.certificate ? cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 : undefined,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      enableIpv6: true,
      priceClass: props.priceClass ?? cloudfront.PriceClass.PRICE_CLASS_ALL,
      webAclId: this.webAcl.webAclArn,
    });
    const plainHttp = plainHttpOrigins(this.distribution);
    if (plainHttp.length > 0) {
      throw validationError(this, ValidationErrorCode.WEAKENS_BASELINE, `additionalBehaviors['${plainHttp[0].pattern}'].origin`,
        `has origin protocol policy ${plainHttp[0].policy}`, PLAIN_HTTP_ALLOWED);
    }
    // Behaviors added later through distribution.addBehavior are held to the same rule at synth.
    this.node.addValidation({
      validate: () => plainHttpOrigins(this.distribution).map(({ pattern, policy }) =>
        validationError(this, ValidationErrorCode.WEAKENS_BASELINE, `behavior '${pattern}'`, `has origin protocol policy ${policy}`, PLAIN_HTTP_ALLOWED).message),
    });
    this.accessLogDelivery = this.deliverAccessLogs();
    this.acknowledgeFindings(props.certificate !== undefined);
  }

  /**
   * Lets `grantee` publish: put objects into the content and failover buckets,
   * and nothing else (no delete, no read, no policy change). Publish every object
   * to both. With the 30 s cache no invalidation is needed.
   */
  public grantPublish(grantee: iam.IGrantable): iam.Grant {
    return this.content.grantPut(grantee).combine(this.failover.grantPut(grantee));
  }

  private hardenedBehaviors(behaviors: Record<string, cloudfront.BehaviorOptions> | undefined): Record<string, cloudfront.BehaviorOptions> | undefined {
    if (!behaviors) return undefined;
    const result: Record<string, cloudfront.BehaviorOptions> = {};
    for (const [pattern, behavior] of Object.entries(behaviors)) {
      if (behavior.viewerProtocolPolicy === cloudfront.ViewerProtocolPolicy.ALLOW_ALL) {
        throw validationError(this, ValidationErrorCode.WEAKENS_BASELINE, `additionalBehaviors['${pattern}'].viewerProtocolPolicy`, 'is ALLOW_ALL',
          'allowed are REDIRECT_TO_HTTPS and HTTPS_ONLY: voter data and results must never travel over plain HTTP (NIST SC-8)');
      }
      if (behavior.responseHeadersPolicy !== undefined) {
        throw validationError(this, ValidationErrorCode.WEAKENS_BASELINE, `additionalBehaviors['${pattern}'].responseHeadersPolicy`, 'is a policy of its own',
          'leave it unset: every behavior gets this site\'s policy, because HSTS (includeSubDomains, preload), the CSP and frame denial ' +
          'must apply on every path; a path without them can be framed, altered or downgraded to HTTP');
      }
      result[pattern] = {
        ...behavior,
        viewerProtocolPolicy: behavior.viewerProtocolPolicy ?? cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: this.responseHeadersPolicy,
      };
    }
    return result;
  }

  /**
   * CloudFront standard logging v2: a delivery source on the distribution, an S3
   * delivery destination and the delivery between them. Legacy logging would need
   * S3 ACLs, which every bucket of this library disables.
   */
  private deliverAccessLogs(): logs.CfnDelivery {
    const stack = Stack.of(this);
    const sourceName = Names.uniqueResourceName(this, { maxLength: 60, separator: '-' });
    const source = new logs.CfnDeliverySource(this, 'AccessLogSource', {
      name: sourceName,
      logType: 'ACCESS_LOGS',
      resourceArn: this.distribution.distributionArn,
    });
    const sourceArn = Arn.format({ service: 'logs', region: EDGE_REGION, resource: 'delivery-source', resourceName: sourceName, arnFormat: ArnFormat.COLON_RESOURCE_NAME }, stack);
    this.allowLogDelivery(sourceArn);
    const destination = new logs.CfnDeliveryDestination(this, 'AccessLogDestination', {
      name: sourceName,
      destinationResourceArn: this.accessLogsBucket.bucketArn,
      outputFormat: 'json',
    });
    const delivery = new logs.CfnDelivery(this, 'AccessLogDelivery', {
      deliverySourceName: sourceName,
      deliveryDestinationArn: destination.attrArn,
      s3SuffixPath: 'cloudfront/{DistributionId}/{yyyy}/{MM}/{dd}/{HH}',
    });
    delivery.node.addDependency(source);
    const policy = this.accessLogsBucket.policy?.node.defaultChild;
    if (policy) delivery.node.addDependency(policy);
    return delivery;
  }

  /** Lets CloudWatch vended log delivery write this site's access logs, and only from its own delivery source. */
  private allowLogDelivery(sourceArn: string): void {
    const stack = Stack.of(this);
    const principal = new iam.ServicePrincipal(LOG_DELIVERY_SERVICE);
    const conditions = { StringEquals: { 'aws:SourceAccount': stack.account }, ArnLike: { 'aws:SourceArn': sourceArn } };
    const bucketAdded = this.accessLogsBucket.addToResourcePolicy(new iam.PolicyStatement({
      principals: [principal],
      actions: ['s3:PutObject'],
      resources: [this.accessLogsBucket.arnForObjects('*')],
      conditions: { ...conditions, StringEquals: { ...conditions.StringEquals, 's3:x-amz-acl': 'bucket-owner-full-control' } },
    })).statementAdded;
    const key = this.accessLogsBucket.encryptionKey;
    const keyAdded = key ? key.addToResourcePolicy(new iam.PolicyStatement({
      principals: [principal],
      actions: ['kms:Encrypt', 'kms:GenerateDataKey*', 'kms:Decrypt', 'kms:DescribeKey'],
      resources: ['*'],
      conditions,
    })).statementAdded : true;
    if (!bucketAdded || !keyAdded) {
      Annotations.of(this).addWarningV2('cdk-election-baseline:accessLogsBucketPolicy',
        `The access logs bucket${key ? ' or its key' : ''} is imported: allow delivery.logs.amazonaws.com to write (s3:PutObject; kms:GenerateDataKey*) from ${sourceArn}, or CloudFront access logs are lost.`);
    }
  }

  private acknowledgeFindings(hasCertificate: boolean): void {
    const cfn = this.distribution.node.defaultChild as cloudfront.CfnDistribution;
    acknowledge(cfn,
      {
        id: 'AwsSolutions-CFR1',
        reason: 'No CloudFront geo restriction on purpose: overseas military and citizen voters (UOCAVA) must reach election sites, and ' +
          'attackers use domestic VPNs (CISA AA20-304A); the attached WAF web ACL rate-limits and filters by IP reputation instead.',
      },
      {
        id: 'AwsSolutions-CFR3',
        reason: 'Access logs are delivered by CloudFront standard logging v2 (AWS::Logs::DeliverySource and Delivery) to a KMS-encrypted ' +
          'audit-logs bucket; this check reads only the legacy Logging property, which needs S3 ACLs that the baseline disables.',
      },
    );
    if (!hasCertificate) {
      acknowledge(cfn, {
        id: 'AwsSolutions-CFR4',
        reason: 'No certificate given: the *.cloudfront.net certificate keeps the TLSv1 floor CloudFront fixes for it. HTTPS is forced ' +
          '(redirect, HSTS preload) and current browsers negotiate TLS 1.2+; production sites give domainNames and an ACM certificate, which sets TLSv1.2_2021.',
      });
    }
    // The OAC key policy names distribution/* to avoid a key-bucket-distribution cycle; the bucket policy still admits only this distribution.
    for (const bucket of [this.content, this.failover]) {
      Annotations.of(bucket).acknowledgeWarning('@aws-cdk/aws-cloudfront-origins:wildcardKeyPolicyForOac',
        'Bucket policy limits reads to this distribution by aws:SourceArn; the key policy condition only adds kms:Decrypt for CloudFront.');
    }
  }
}

interface CheckedSettings {
  readonly cacheTtl: Duration;
  readonly contentSecurityPolicy: string;
  /** Undefined when the distribution has additional behaviors: error responses would rewrite their answers too. */
  readonly errorPagePath?: string;
}

type Fail = (code: ValidationErrorCode, prop: string, given: string, allowed: string) => Error;

/**
 * A bucket of this app given for the access logs keeps them as the pack requires (ElectionBaseline-S3AccessLogBucketProtected):
 * Object Lock COMPLIANCE for a year. An imported bucket, or a retention from a parameter, is judged by the pack where it is defined.
 */
function checkAccessLogsBucket(fail: Fail, bucket: s3.IBucket | undefined): void {
  const cfn = bucket?.node.defaultChild;
  if (!(cfn instanceof s3.CfnBucket)) return;
  const lock = cfn.objectLockConfiguration as s3.CfnBucket.ObjectLockConfigurationProperty | undefined;
  const retention = (lock?.rule as s3.CfnBucket.ObjectLockRuleProperty | undefined)?.defaultRetention as s3.CfnBucket.DefaultRetentionProperty | undefined;
  const days = retention?.days ?? (retention?.years !== undefined ? retention.years * DAYS_PER_RETENTION_YEAR : 0);
  if (Token.isUnresolved(days)) return;
  if (cfn.objectLockEnabled === true && retention?.mode === 'COMPLIANCE' && days >= MIN_AUDIT_LOG_RETENTION_DAYS) return;
  throw fail(ValidationErrorCode.WEAKENS_BASELINE, 'accessLogsBucket', `is '${bucket!.node.path}', without Object Lock COMPLIANCE of ${MIN_AUDIT_LOG_RETENTION_DAYS} days or more`,
    'the logs of who read the site must be write-once for a year (NIST AU-9, AU-11): give a LogArchiveBucket\'s bucket, a SecureBucket with ' +
    `objectLockRetention of at least ${MIN_AUDIT_LOG_RETENTION_DAYS} days, or leave it unset`);
}

function checkedSettings(scope: Construct, props: HardenedStaticSiteProps): CheckedSettings {
  const fail: Fail = (code, prop, given, allowed) => validationError(scope, code, prop, given, allowed);
  if (props.webAcl && props.webAcl.scope !== WebAclScope.CLOUDFRONT) {
    throw fail(ValidationErrorCode.WRONG_PLACEMENT, 'webAcl', `has scope ${props.webAcl.scope}`, 'a CloudFront distribution takes only a CLOUDFRONT-scope web ACL');
  }
  if (props.webAcl && props.preset !== undefined) {
    throw fail(ValidationErrorCode.CONFLICTING_PROPS, 'preset', `is '${props.preset}' while webAcl is given`, 'give webAcl or preset, not both: the preset of a given web ACL is its own');
  }
  checkDomainNames(scope, props.domainNames);
  checkAccessLogsBucket(fail, props.accessLogsBucket);
  if ((props.domainNames === undefined || props.domainNames.length === 0) !== (props.certificate === undefined)) {
    throw fail(ValidationErrorCode.MISSING_VALUE, props.certificate ? 'domainNames' : 'certificate', 'is missing', 'give domainNames and certificate together, or neither');
  }
  const certArn = props.certificate?.certificateArn;
  if (certArn && !Token.isUnresolved(certArn)) {
    const region = Arn.split(certArn, ArnFormat.SLASH_RESOURCE_NAME).region;
    if (region !== EDGE_REGION) {
      throw fail(ValidationErrorCode.WRONG_PLACEMENT, 'certificate', `is in ${region}`, `CloudFront takes only ACM certificates from ${EDGE_REGION}`);
    }
  }
  let ttlSeconds: number;
  try {
    ttlSeconds = (props.cacheTtl ?? Duration.seconds(DEFAULT_CACHE_TTL_SECONDS)).toSeconds();
  } catch {
    ttlSeconds = NaN;
  }
  if (Token.isUnresolved(ttlSeconds) || !Number.isInteger(ttlSeconds) || ttlSeconds < MIN_CACHE_TTL_SECONDS || ttlSeconds > MAX_CACHE_TTL_SECONDS) {
    throw fail(Token.isUnresolved(ttlSeconds) ? ValidationErrorCode.TOKEN_NOT_ALLOWED : Number.isInteger(ttlSeconds) ? ValidationErrorCode.OUTSIDE_BASELINE_BOUND : ValidationErrorCode.INVALID_VALUE, 'cacheTtl', `is ${Number.isNaN(ttlSeconds) || Token.isUnresolved(ttlSeconds) ? 'not a literal whole number of seconds' : `${ttlSeconds} seconds`}`,
      `allowed are ${MIN_CACHE_TTL_SECONDS} to ${MAX_CACHE_TTL_SECONDS} whole seconds: caching cannot be turned off, and results must not go stale for long`);
  }
  const csp = props.contentSecurityPolicy ?? DEFAULT_CONTENT_SECURITY_POLICY;
  if (Token.isUnresolved(csp) || csp.trim().length === 0 || csp.length > MAX_CSP_LENGTH || /[\r\n]/.test(csp)) {
    throw fail(tokenOr(csp, ValidationErrorCode.INVALID_VALUE), 'contentSecurityPolicy', `is ${shown(csp)}`, `give a literal, non-empty policy on one line, at most ${MAX_CSP_LENGTH} characters`);
  }
  if (!isStrictContentSecurityPolicy(csp)) {
    throw fail(ValidationErrorCode.WEAKENS_BASELINE, 'contentSecurityPolicy', `is ${shown(csp)}`,
      "it must restrict scripts (ElectionBaseline-CloudFrontSecurityHeaders): a script-src or default-src without 'unsafe-eval', " +
      "without 'unsafe-inline' unless hashed, without any-host sources (*, https:, data:), and no default-src *");
  }
  const contentSecurityPolicy = withIntegrationSdk(csp, props.webAcl, fail);
  const hasOtherBehaviors = Object.keys(props.additionalBehaviors ?? {}).length > 0;
  if (hasOtherBehaviors && props.errorPagePath !== undefined) {
    throw fail(ValidationErrorCode.CONFLICTING_PROPS, 'errorPagePath', `is ${shown(props.errorPagePath)} while additionalBehaviors are given`,
      'CloudFront error responses apply to every behavior, so they would rewrite the other origins\' errors (an API\'s 403 or 404) into this page; leave it unset');
  }
  if (hasOtherBehaviors) return { cacheTtl: Duration.seconds(ttlSeconds), contentSecurityPolicy };
  const errorPagePath = props.errorPagePath ?? '/error.html';
  if (Token.isUnresolved(errorPagePath) || !/^\/[\x21-\x7e]{1,4095}$/.test(errorPagePath)) {
    throw fail(tokenOr(errorPagePath, ValidationErrorCode.INVALID_VALUE), 'errorPagePath', `is ${shown(errorPagePath)}`, 'give a literal object path starting with /, such as /error.html');
  }
  return { cacheTtl: Duration.seconds(ttlSeconds), contentSecurityPolicy, errorPagePath };
}

/**
 * The policy with the AWS WAF JavaScript integration SDK allowed when the web ACL's Fraud Control
 * relies on its tokens: without it the browser refuses the SDK, and ACFP every registration.
 */
function withIntegrationSdk(csp: string, webAcl: ElectionWebAcl | undefined, fail: Fail): string {
  if (!webAcl?.usesIntegrationSdk) return csp;
  const allowed = allowSource(csp, WAF_INTEGRATION_SDK_SOURCE, WAF_INTEGRATION_SDK_DIRECTIVES);
  if (allowed.length > MAX_CSP_LENGTH) {
    throw fail(ValidationErrorCode.ABOVE_SERVICE_LIMIT, 'contentSecurityPolicy', `is ${allowed.length} characters once the AWS WAF SDK source ${WAF_INTEGRATION_SDK_SOURCE} is added for the web ACL's Fraud Control`,
      `CloudFront takes at most ${MAX_CSP_LENGTH}: shorten the policy`);
  }
  return allowed;
}

const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
/** A top-level domain: letters, or an internationalized one in punycode. */
const TOP_LEVEL_LABEL = /^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const MAX_DNS_NAME_LENGTH = 253;

function isDnsName(name: string): boolean {
  if (typeof name !== 'string' || name.length > MAX_DNS_NAME_LENGTH) return false;
  const labels = (name.startsWith('*.') ? name.slice(2) : name).split('.');
  return labels.length >= 2 && labels.every((label) => DNS_LABEL.test(label)) && TOP_LEVEL_LABEL.test(labels[labels.length - 1]);
}

/**
 * Alternate domain names CloudFront accepts, checked at synth so a typo (a URL, '..', a
 * non-ASCII name) fails with the prop named, not at deploy. Tokens pass through.
 */
export function checkDomainNames(subject: ErrorSubject, names: string[] | undefined): void {
  const seen = new Set<string>();
  for (const name of names ?? []) {
    if (Token.isUnresolved(name)) continue;
    if (!isDnsName(name)) {
      throw validationError(subject, ValidationErrorCode.INVALID_VALUE, 'domainNames', `contains ${shown(name)}`,
        'each must be a lower-case DNS name such as results.county.gov: at least two labels of 1 to 63 ASCII letters, digits and hyphens, ' +
        `not starting or ending with a hyphen, ${MAX_DNS_NAME_LENGTH} characters in all; a leading *. wildcard and punycode (xn--) labels are allowed, no scheme or path`);
    }
    if (seen.has(name)) throw validationError(subject, ValidationErrorCode.INVALID_VALUE, 'domainNames', `contains '${name}' twice`, 'list each name once');
    seen.add(name);
  }
}

const PLAIN_HTTP_ALLOWED = 'allowed is HTTPS_ONLY: requests and answers must not cross from the edge to the origin over plain HTTP (NIST SC-8)';

/** The behaviors whose origin (or a member of their origin group) CloudFront reaches over plain HTTP. */
function plainHttpOrigins(distribution: cloudfront.Distribution): Array<{ pattern: string; policy: string }> {
  const stack = Stack.of(distribution);
  const config = (distribution.node.defaultChild as cloudfront.CfnDistribution).distributionConfig as cloudfront.CfnDistribution.DistributionConfigProperty;
  const boundOrigins = (stack.resolve(config.origins) ?? []) as Array<{ id: string; customOriginConfig?: { originProtocolPolicy?: string } }>;
  const groups = (stack.resolve(config.originGroups)?.items ?? []) as Array<{ id: string; members: { items: Array<{ originId: string }> } }>;
  const behaviors = (stack.resolve(config.cacheBehaviors) ?? []) as Array<{ pathPattern: string; targetOriginId: string }>;
  const policyOf = new Map(boundOrigins.map((o) => [o.id, o.customOriginConfig?.originProtocolPolicy]));
  const found: Array<{ pattern: string; policy: string }> = [];
  for (const behavior of behaviors) {
    const group = groups.find((g) => g.id === behavior.targetOriginId);
    const ids = group ? group.members.items.map((m) => m.originId) : [behavior.targetOriginId];
    const policy = ids.map((id) => policyOf.get(id)).find((p) => p !== undefined && p !== 'https-only');
    if (policy !== undefined) {
      found.push({ pattern: behavior.pathPattern, policy: typeof policy === 'string' ? policy.toUpperCase().replace('-', '_') : 'that is not a literal' });
    }
  }
  return found;
}
