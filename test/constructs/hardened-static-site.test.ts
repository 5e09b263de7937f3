import { App, Duration, Lazy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as logs from 'aws-cdk-lib/aws-logs';
import { ElectionWebAcl, WebAclPreset, WebAclScope } from '../../constructs/election-web-acl';
import { HardenedStaticSite, HardenedStaticSiteProps } from '../../constructs/hardened-static-site';
import { LogArchiveBucket } from '../../constructs/log-archive-bucket';
import { SecureBucket } from '../../constructs/secure-bucket';
import { DataClass } from '../../lib/baseline/data-class';
import { actionsGrantedIn, lambdaRole, newStack } from '../helpers/pack-harness';
import { synthViolations } from '../helpers/synth-violations';
import { expectValidationError } from '../helpers/validation-error';
import { ValidationErrorCode } from '../../lib/validation-error';

const CERT_ARN = 'arn:aws:acm:us-east-1:111122223333:certificate/0f1e2d3c-aaaa-bbbb-cccc-000000000001';

function site(props: HardenedStaticSiteProps = {}) {
  const { app, stack } = newStack();
  const construct = new HardenedStaticSite(stack, 'Site', props);
  return { app, stack, construct };
}

describe('HardenedStaticSite defaults', () => {
  const { app, stack, construct } = site();
  const violations = synthViolations(app);
  const template = Template.fromStack(stack);
  const distribution = () => Object.values(template.findResources('AWS::CloudFront::Distribution'))[0].Properties.DistributionConfig;

  test('passes the election baseline with no violation', () => {
    expect(violations).toEqual([]);
  });

  test('serves an origin group of two OAC S3 origins, failing over on 403, 404 and 5xx', () => {
    const config = distribution();
    expect(config.Origins).toHaveLength(2);
    for (const origin of config.Origins) {
      expect(origin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [expect.any(String), 'Id'] });
      expect(origin.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    }
    expect(config.OriginGroups.Items[0].FailoverCriteria.StatusCodes.Items).toEqual([403, 404, 500, 502, 503, 504]);
    expect(config.DefaultCacheBehavior).toMatchObject({ ViewerProtocolPolicy: 'redirect-to-https', Compress: true, AllowedMethods: ['GET', 'HEAD'] });
    expect(config).toMatchObject({ DefaultRootObject: 'index.html', HttpVersion: 'http2and3', PriceClass: 'PriceClass_All' });
    expect(config.WebACLId).toEqual({ 'Fn::GetAtt': [stack.getLogicalId(construct.webAcl.webAcl), 'Arn'] });
  });

  test('caches 30 s by default, at least 1 s and at most 5 min, with nothing from the request in the cache key', () => {
    template.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: Match.objectLike({
        DefaultTTL: 30, MinTTL: 1, MaxTTL: 300,
        ParametersInCacheKeyAndForwardedToOrigin: {
          EnableAcceptEncodingGzip: true, EnableAcceptEncodingBrotli: true,
          QueryStringsConfig: { QueryStringBehavior: 'none' }, HeadersConfig: { HeaderBehavior: 'none' }, CookiesConfig: { CookieBehavior: 'none' },
        },
      }),
    });
  });

  test('sends HSTS (2 years, subdomains, preload, override), a strict CSP, nosniff, DENY and strict-origin-when-cross-origin', () => {
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: {
          StrictTransportSecurity: { AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true, Preload: true, Override: true },
          ContentSecurityPolicy: { ContentSecurityPolicy: Match.stringLikeRegexp("default-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'"), Override: true },
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
        },
      }),
    });
  });

  test('answers 403 and 404 with the error page as 404, cached 10 s', () => {
    expect(distribution().CustomErrorResponses).toEqual([403, 404].map((code) => ({ ErrorCode: code, ResponseCode: 404, ResponsePagePath: '/error.html', ErrorCachingMinTTL: 10 })));
  });

  test('delivers access logs (standard logging v2) from the distribution to the audit-logs bucket, and only from its source', () => {
    const distributionId = stack.getLogicalId(construct.distribution.node.defaultChild as cloudfront.CfnDistribution);
    const logsBucketId = stack.getLogicalId(construct.accessLogsBucket.node.defaultChild as unknown as cloudfront.CfnDistribution);
    const source = Object.values(template.findResources('AWS::Logs::DeliverySource'))[0].Properties;
    expect(source.LogType).toBe('ACCESS_LOGS');
    expect(JSON.stringify(source.ResourceArn)).toContain(`":distribution/",{"Ref":"${distributionId}"}`);
    template.hasResourceProperties('AWS::Logs::DeliveryDestination', { DestinationResourceArn: { 'Fn::GetAtt': [logsBucketId, 'Arn'] } });
    template.hasResourceProperties('AWS::Logs::Delivery', { DeliverySourceName: source.Name, DeliveryDestinationArn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] } });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logsBucketId },
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({
        Principal: { Service: 'delivery.logs.amazonaws.com' }, Action: 's3:PutObject',
        Condition: {
          StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' }, 's3:x-amz-acl': 'bucket-owner-full-control' },
          ArnLike: { 'aws:SourceArn': { 'Fn::Join': ['', Match.arrayWith([`:delivery-source:${source.Name}`])] } },
        },
      })]) },
    });
    template.hasResourceProperties('AWS::S3::Bucket', { Tags: Match.arrayWith([{ Key: 'election:data-class', Value: 'audit-logs' }]) });
  });

  test('keeps its CloudFront access logs WORM for 365 days; the content buckets log to a bucket without Object Lock, which S3 requires', () => {
    const bucket = (b: { node: { defaultChild?: unknown } }) => template.toJSON().Resources[stack.getLogicalId(b.node.defaultChild as cloudfront.CfnDistribution)].Properties;
    expect(bucket(construct.accessLogsBucket)).toMatchObject({
      ObjectLockEnabled: true,
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 365 } } },
    });
    const serverAccessLogs = bucket(construct.content.serverAccessLogsBucket);
    expect(serverAccessLogs.ObjectLockEnabled).toBeUndefined();
    expect(bucket(construct.content.bucket).LoggingConfiguration.DestinationBucketName).toEqual({ Ref: stack.getLogicalId(construct.content.serverAccessLogsBucket.node.defaultChild as cloudfront.CfnDistribution) });
  });

  test('lets only this distribution read the content buckets', () => {
    const distributionId = stack.getLogicalId(construct.distribution.node.defaultChild as cloudfront.CfnDistribution);
    for (const bucket of [construct.content.bucket, construct.failover.bucket]) {
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: stack.getLogicalId(bucket.node.defaultChild as cloudfront.CfnDistribution) },
        PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({
          Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject',
          Condition: { StringEquals: { 'AWS:SourceArn': { 'Fn::Join': ['', Match.arrayWith([{ Ref: distributionId }])] } } },
        })]) },
      });
    }
    template.resourcePropertiesCountIs('AWS::S3::Bucket', { Tags: Match.arrayWith([{ Key: 'election:data-class', Value: 'public-content' }]) }, 2);
  });

  test('creates a CLOUDFRONT results web ACL and exposes its resources', () => {
    expect(construct.webAcl.scope).toBe(WebAclScope.CLOUDFRONT);
    expect(construct.webAcl.preset).toBe(WebAclPreset.RESULTS);
    expect(construct.bucket).toBe(construct.content.bucket);
    Template.fromStack(stack).hasResourceProperties('AWS::Logs::DeliveryDestination', {
      DestinationResourceArn: stack.resolve(construct.accessLogsBucket.bucketArn),
    });
    expect(construct.accessLogDelivery).toBeInstanceOf(logs.CfnDelivery);
  });

  test('grantPublish gives put-only on both buckets and encrypt-only on their keys', () => {
    const { stack: s2, construct: c2 } = site();
    c2.grantPublish(lambdaRole(s2));
    expect(actionsGrantedIn(s2)).toEqual(['kms:Encrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:GenerateDataKey', 's3:PutObject', 's3:PutObject']);
  });
});

describe('HardenedStaticSite options', () => {
  test('a custom domain gets TLSv1.2_2021 with SNI, and CFR4 is not acknowledged', () => {
    const { app, stack } = newStack();
    const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert', CERT_ARN);
    const s = new HardenedStaticSite(stack, 'Site', { domainNames: ['results.example.gov'], certificate });
    expect(synthViolations(app)).toEqual([]);
    Template.fromStack(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['results.example.gov'],
        ViewerCertificate: { AcmCertificateArn: CERT_ARN, MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' },
      }),
    });
    const acks = (s.distribution.node.defaultChild as cloudfront.CfnDistribution).node.metadata.flatMap((m) => Object.keys(m.data ?? {}));
    expect(acks.join(' ')).not.toContain('CFR4');
  });

  test('a given web ACL is attached and exposed; the portal preset creates a portal web ACL', () => {
    const { stack } = newStack();
    const acl = new ElectionWebAcl(stack, 'Acl', { scope: WebAclScope.CLOUDFRONT, preset: WebAclPreset.PORTAL });
    const given = new HardenedStaticSite(stack, 'Given', { webAcl: acl });
    const portal = new HardenedStaticSite(stack, 'Portal', { preset: WebAclPreset.PORTAL });
    expect(given.webAcl).toBe(acl);
    expect(portal.webAcl.preset).toBe(WebAclPreset.PORTAL);
    Template.fromStack(stack).resourceCountIs('AWS::WAFv2::WebACL', 2);
  });

  test('additional behaviors get HTTPS unless they set their own viewer policy, and always the site\'s security headers', () => {
    const { app, stack } = newStack();
    const api = new origins.HttpOrigin('api.example.gov');
    // A write API is the portal's: on a results site every path must cache (next test).
    new HardenedStaticSite(stack, 'Site', {
      preset: WebAclPreset.PORTAL,
      additionalBehaviors: { '/api/*': { origin: api, cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED, allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL } },
    });
    expect(synthViolations(app)).toEqual([]);
    const config = Object.values(Template.fromStack(stack).findResources('AWS::CloudFront::Distribution'))[0].Properties.DistributionConfig;
    expect(config.CacheBehaviors[0]).toMatchObject({
      PathPattern: '/api/*', ViewerProtocolPolicy: 'redirect-to-https', ResponseHeadersPolicyId: config.DefaultCacheBehavior.ResponseHeadersPolicyId,
    });
  });

  test.each([
    ['an uncached write API on a results site', WebAclPreset.RESULTS, cloudfront.AllowedMethods.ALLOW_ALL],
    ['an uncached GET path on a site that takes no writes', WebAclPreset.PORTAL, cloudfront.AllowedMethods.ALLOW_GET_HEAD],
  ])('%s fails CloudFrontCachingEnabled: every path of a results distribution must cache', (_, preset, allowedMethods) => {
    const { app, stack } = newStack();
    new HardenedStaticSite(stack, 'Site', {
      preset,
      additionalBehaviors: { '/live/*': { origin: new origins.HttpOrigin('feed.example.gov'), cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED, allowedMethods } },
    });
    expect(synthViolations(app)).toEqual([{ ruleId: 'ElectionBaseline-CloudFrontCachingEnabled[Behavior::/live/*]', path: 'Test/Site/Distribution/Resource' }]);
  });

  test('with additional behaviors there are no custom error responses: they are distribution-wide and would rewrite an API\'s 403/404', () => {
    const { stack } = site({ additionalBehaviors: { '/api/*': { origin: new origins.HttpOrigin('api.example.gov') } } });
    const config = Object.values(Template.fromStack(stack).findResources('AWS::CloudFront::Distribution'))[0].Properties.DistributionConfig;
    expect(config.CustomErrorResponses).toBeUndefined();
    expect(config.CacheBehaviors).toHaveLength(1);
  });

  test('an empty additionalBehaviors keeps the error page', () => {
    const { stack } = site({ additionalBehaviors: {}, errorPagePath: '/missing.html' });
    const config = Object.values(Template.fromStack(stack).findResources('AWS::CloudFront::Distribution'))[0].Properties.DistributionConfig;
    expect(config.CustomErrorResponses.map((r: { ResponsePagePath: string }) => r.ResponsePagePath)).toEqual(['/missing.html', '/missing.html']);
  });

  test('cache TTL and CSP are applied', () => {
    const { stack } = site({ cacheTtl: Duration.seconds(5), contentSecurityPolicy: "default-src 'self'" });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::CloudFront::CachePolicy', { CachePolicyConfig: Match.objectLike({ DefaultTTL: 5, MinTTL: 1, MaxTTL: 300 }) });
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({ SecurityHeadersConfig: Match.objectLike({ ContentSecurityPolicy: { ContentSecurityPolicy: "default-src 'self'", Override: true } }) }),
    });
  });
});

describe('HardenedStaticSite rejects bad input with an error that names the prop, the value and what is allowed', () => {
  test('an access-logs bucket of the app without a year of COMPLIANCE Object Lock; one with it, or a LogArchiveBucket, is taken', () => {
    const { stack } = newStack();
    const unlocked = new SecureBucket(stack, 'Unlocked', { dataClass: DataClass.AUDIT_LOGS });
    expectValidationError(() => new HardenedStaticSite(stack, 'Site', { accessLogsBucket: unlocked.bucket }), {
      code: ValidationErrorCode.WEAKENS_BASELINE, prop: 'accessLogsBucket',
      message: "HardenedStaticSite 'Test/Site': accessLogsBucket is 'Test/Unlocked/Bucket', without Object Lock COMPLIANCE of 365 days or more; the logs of who read the site",
    });
    const short = new SecureBucket(stack, 'Short', { dataClass: DataClass.OPERATIONAL, objectLockRetention: Duration.days(364) });
    expectValidationError(() => new HardenedStaticSite(stack, 'Site2', { accessLogsBucket: short.bucket }), {
      code: ValidationErrorCode.WEAKENS_BASELINE, prop: 'accessLogsBucket', message: /accessLogsBucket is 'Test\/Short\/Bucket'/,
    });
    const worm = new SecureBucket(stack, 'Worm', { dataClass: DataClass.AUDIT_LOGS, objectLockRetention: Duration.days(365) });
    expect(() => new HardenedStaticSite(stack, 'Site3', { accessLogsBucket: worm.bucket })).not.toThrow();
    expect(() => new HardenedStaticSite(stack, 'Site4', { accessLogsBucket: new LogArchiveBucket(stack, 'Archive').bucket })).not.toThrow();
  });

  test.each([
    ['caching off', { cacheTtl: Duration.seconds(0) }, ValidationErrorCode.OUTSIDE_BASELINE_BOUND, 'cacheTtl', /cacheTtl is 0 seconds; allowed are 1 to 300 whole seconds: caching cannot be turned off/],
    ['an hour of cache', { cacheTtl: Duration.hours(1) }, ValidationErrorCode.OUTSIDE_BASELINE_BOUND, 'cacheTtl', /cacheTtl is 3600 seconds; allowed are 1 to 300/],
    ['an empty CSP', { contentSecurityPolicy: ' ' }, ValidationErrorCode.INVALID_VALUE, 'contentSecurityPolicy', /contentSecurityPolicy is ' '; give a literal, non-empty policy/],
    ['a relative error page', { errorPagePath: 'error.html' }, ValidationErrorCode.INVALID_VALUE, 'errorPagePath', /errorPagePath is 'error.html'; give a literal object path starting with \//],
    ['domain names without certificate', { domainNames: ['results.example.gov'] }, ValidationErrorCode.MISSING_VALUE, 'certificate', /certificate is missing; give domainNames and certificate together, or neither/],
    ['a web ACL and a preset', { preset: WebAclPreset.PORTAL, webAcl: 'acl' }, ValidationErrorCode.CONFLICTING_PROPS, 'preset', /preset is 'portal' while webAcl is given; give webAcl or preset, not both/],
  ] as Array<[string, Record<string, unknown>, ValidationErrorCode, string, RegExp]>)('%s', (_, raw, code, prop, message) => {
    const { stack } = newStack();
    const props = { ...raw } as HardenedStaticSiteProps & Record<string, unknown>;
    if (raw.webAcl === 'acl') {
      (props as { webAcl?: ElectionWebAcl }).webAcl = new ElectionWebAcl(stack, 'Acl', { scope: WebAclScope.CLOUDFRONT, preset: WebAclPreset.RESULTS });
    }
    expectValidationError(() => new HardenedStaticSite(stack, 'Site', props), { code, prop, message });
  });

  test('a certificate without domain names', () => {
    const { stack } = newStack();
    const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert', CERT_ARN);
    expectValidationError(() => new HardenedStaticSite(stack, 'Site', { certificate }), {
      code: ValidationErrorCode.MISSING_VALUE, prop: 'domainNames', message: "HardenedStaticSite 'Test/Site': domainNames is missing",
    });
  });

  test('a certificate outside us-east-1', () => {
    const { stack } = newStack();
    const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert', CERT_ARN.replace('us-east-1', 'us-west-2'));
    expectValidationError(() => new HardenedStaticSite(stack, 'Site', { domainNames: ['results.example.gov'], certificate }), {
      code: ValidationErrorCode.WRONG_PLACEMENT, prop: 'certificate', message: /certificate is in us-west-2; CloudFront takes only ACM certificates from us-east-1/,
    });
  });

  test('a REGIONAL web ACL', () => {
    const { stack } = newStack();
    const webAcl = new ElectionWebAcl(stack, 'Acl', { scope: WebAclScope.REGIONAL, preset: WebAclPreset.RESULTS });
    expectValidationError(() => new HardenedStaticSite(stack, 'Site', { webAcl }), {
      code: ValidationErrorCode.WRONG_PLACEMENT, prop: 'webAcl', message: /webAcl has scope REGIONAL; a CloudFront distribution takes only a CLOUDFRONT-scope web ACL/,
    });
  });

  test('an additional behavior that allows plain HTTP', () => {
    const { stack } = newStack();
    expectValidationError(() => new HardenedStaticSite(stack, 'Site', {
      additionalBehaviors: { '/api/*': { origin: new origins.HttpOrigin('api.example.gov'), viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.ALLOW_ALL } },
    }), {
      code: ValidationErrorCode.WEAKENS_BASELINE, prop: "additionalBehaviors['/api/*'].viewerProtocolPolicy",
      message: /additionalBehaviors\['\/api\/\*'\].viewerProtocolPolicy is ALLOW_ALL; allowed are REDIRECT_TO_HTTPS and HTTPS_ONLY/,
    });
  });

  test('an error page with additional behaviors, whose errors it would rewrite', () => {
    const { stack } = newStack();
    expectValidationError(() => new HardenedStaticSite(stack, 'Site', {
      errorPagePath: '/error.html', additionalBehaviors: { '/api/*': { origin: new origins.HttpOrigin('api.example.gov') } },
    }), {
      code: ValidationErrorCode.CONFLICTING_PROPS, prop: 'errorPagePath',
      message: /errorPagePath is '\/error.html' while additionalBehaviors are given; CloudFront error responses apply to every behavior/,
    });
  });

  test.each([
    ['errorPagePath', { errorPagePath: Lazy.string({ produce: () => '/e.html' }) }, "errorPagePath is a token; give a literal object path"],
    ['contentSecurityPolicy', { contentSecurityPolicy: Lazy.string({ produce: () => "default-src 'self'" }) }, 'contentSecurityPolicy is a token; give a literal'],
  ] as Array<[string, HardenedStaticSiteProps, string]>)('a token %s is refused as a token, not shown by its encoding', (prop, props, message) => {
    expectValidationError(() => site(props), { code: ValidationErrorCode.TOKEN_NOT_ALLOWED, prop, message });
    expect(() => site(props)).not.toThrow(/\$\{Token\[/);
  });

  test.each([
    ['empty', ''],
    ['a URL', 'https://results.example.gov'],
    ['an empty label', 'results..example.gov'],
    ['non-ASCII', 'résultats.example.gov'],
    ['a 64-character label', `${'a'.repeat(64)}.example.gov`],
    ['capitals', 'Results.Example.gov'],
    ['a label ending in a hyphen', 'results-.example.gov'],
    ['one label', 'localhost'],
    ['a wildcard inside', 'results.*.example.gov'],
    ['a path', 'results.example.gov/x'],
    ['over 253 characters', `${Array.from({ length: 5 }, () => 'a'.repeat(60)).join('.')}.gov`],
  ])('domainNames refuses %s, naming the value', (_, name) => {
    const { stack } = newStack();
    const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert', CERT_ARN);
    expectValidationError(() => new HardenedStaticSite(stack, 'Site', { domainNames: [name], certificate }), {
      code: ValidationErrorCode.INVALID_VALUE, prop: 'domainNames', message: `HardenedStaticSite 'Test/Site': domainNames contains '${name}'; each must be a lower-case DNS name`,
    });
  });

  test('domainNames takes DNS names, a leading wildcard and punycode, and refuses a name listed twice', () => {
    const { stack } = newStack();
    const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert', CERT_ARN);
    const names = ['results.county.example.gov', '*.vote.example.gov', 'xn--rsultats-bya.example.gov', 'vote.xn--p1ai', `${'a'.repeat(63)}.gov`];
    const built = new HardenedStaticSite(stack, 'Site', { domainNames: names, certificate });
    expect(stack.resolve((built.distribution.node.defaultChild as cloudfront.CfnDistribution).distributionConfig).aliases).toEqual(names);
    const other = newStack().stack;
    const cert = acm.Certificate.fromCertificateArn(other, 'Cert', CERT_ARN);
    expectValidationError(() => new HardenedStaticSite(other, 'Site', { domainNames: ['a.example.gov', 'a.example.gov'], certificate: cert }), {
      code: ValidationErrorCode.INVALID_VALUE, prop: 'domainNames', message: "domainNames contains 'a.example.gov' twice; list each name once",
    });
  });

  test.each([
    ['HTTP_ONLY', cloudfront.OriginProtocolPolicy.HTTP_ONLY],
    ['MATCH_VIEWER', cloudfront.OriginProtocolPolicy.MATCH_VIEWER],
  ])('an additional behavior whose origin is reached over %s', (policy, protocolPolicy) => {
    const { stack } = newStack();
    expectValidationError(() => new HardenedStaticSite(stack, 'Site', {
      additionalBehaviors: { '/api/*': { origin: new origins.HttpOrigin('api.example.gov', { protocolPolicy }) } },
    }), {
      code: ValidationErrorCode.WEAKENS_BASELINE, prop: "additionalBehaviors['/api/*'].origin",
      message: `HardenedStaticSite 'Test/Site': additionalBehaviors['/api/*'].origin has origin protocol policy ${policy}; allowed is HTTPS_ONLY`,
    });
  });

  test('a plain-HTTP origin added later through distribution.addBehavior fails at synth', () => {
    const { app, construct } = site();
    construct.distribution.addBehavior('/legacy/*', new origins.HttpOrigin('legacy.example.gov', { protocolPolicy: cloudfront.OriginProtocolPolicy.HTTP_ONLY }));
    expect(() => app.synth()).toThrow(/HardenedStaticSite 'Test\/Site': behavior '\/legacy\/\*' has origin protocol policy HTTP_ONLY; allowed is HTTPS_ONLY/);
  });

  test.each([
    ['the managed SECURITY_HEADERS policy', () => cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS],
    ['a CORS policy', () => cloudfront.ResponseHeadersPolicy.CORS_ALLOW_ALL_ORIGINS],
  ])('an additional behavior with its own response headers policy (%s)', (_, policy) => {
    const { stack } = newStack();
    expectValidationError(() => new HardenedStaticSite(stack, 'Site', {
      additionalBehaviors: { '/api/*': { origin: new origins.HttpOrigin('api.example.gov'), responseHeadersPolicy: policy() } },
    }), {
      code: ValidationErrorCode.WEAKENS_BASELINE, prop: "additionalBehaviors['/api/*'].responseHeadersPolicy",
      message: /additionalBehaviors\['\/api\/\*'\].responseHeadersPolicy is a policy of its own; leave it unset: every behavior gets this site's policy, because HSTS/,
    });
  });

  test('a stack in another literal Region names the Region', () => {
    const stack = new Stack(new App(), 'West', { env: { region: 'us-west-2' } });
    expectValidationError(() => new HardenedStaticSite(stack, 'Site'), {
      code: ValidationErrorCode.WRONG_PLACEMENT, prop: 'stack', message: "HardenedStaticSite 'West/Site': stack is deployed in stack 'West' of region us-west-2",
    });
  });
});
