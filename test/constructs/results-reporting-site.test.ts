import { Duration } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import { ElectionWebAcl, WebAclPreset, WebAclScope } from '../../constructs/election-web-acl';
import { ResultsReportingSite, ResultsReportingSiteProps } from '../../constructs/results-reporting-site';
import { ElectionBaselineChecks } from '../../lib/election-baseline-checks';
import { actionsGrantedIn, lambdaRole, newStack } from '../helpers/pack-harness';
import { synthPathsViolating, synthViolations } from '../helpers/synth-violations';
import { expectValidationError } from '../helpers/validation-error';
import { ValidationErrorCode } from '../../lib/validation-error';

const DISTRIBUTION = 'Test/Results/Site/Distribution/Resource';
const WEB_ACL = 'Test/Results/Site/WebAcl/WebAcl';
/** The id of CloudFront's managed CachingDisabled policy. */
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';

function results(props?: ResultsReportingSiteProps) {
  const { app, stack } = newStack();
  const construct = new ResultsReportingSite(stack, 'Results', props);
  return { app, stack, construct, cfn: construct.distribution.node.defaultChild as cloudfront.CfnDistribution };
}

describe('ResultsReportingSite with no props', () => {
  test.each([
    ['ElectionBaseline', () => new ElectionBaselineChecks()],
    ['AwsSolutions', () => new AwsSolutionsChecks()],
    ['NIST.800.53.R5', () => new NIST80053R5Checks()],
  ])('has zero findings under %s', (_, pack) => {
    expect(synthViolations(results().app, pack())).toEqual([]);
  });

  test('is a results-preset site with a 30 s cache, no Shield Advanced, exposing its parts', () => {
    const { stack, construct } = results();
    expect(construct.webAcl).toBe(construct.site.webAcl);
    expect(construct.webAcl.preset).toBe(WebAclPreset.RESULTS);
    expect(construct.distribution).toBe(construct.site.distribution);
    expect(construct.bucket).toBe(construct.site.content.bucket);
    expect(construct.shieldProtection).toBeUndefined();
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::WAFv2::WebACL', { Tags: [{ Key: 'election:waf-preset', Value: 'results' }] });
    template.hasResourceProperties('AWS::CloudFront::CachePolicy', { CachePolicyConfig: Match.objectLike({ DefaultTTL: 30 }) });
    template.resourceCountIs('AWS::Shield::Protection', 0);
  });

  test('grantPublish is write-only', () => {
    const { stack, construct } = results();
    construct.grantPublish(lambdaRole(stack));
    for (const action of actionsGrantedIn(stack)) expect(['s3:PutObject', 'kms:Encrypt', 'kms:GenerateDataKey']).toContain(action);
  });
});

describe('ResultsReportingSite options', () => {
  test('shieldAdvanced protects the distribution and warns that it needs a 30-day baseline', () => {
    const { stack, construct } = results({ shieldAdvanced: true });
    const distributionId = stack.getLogicalId(construct.distribution.node.defaultChild as cloudfront.CfnDistribution);
    Template.fromStack(stack).hasResourceProperties('AWS::Shield::Protection', {
      ResourceArn: { 'Fn::Join': ['', Match.arrayWith([':distribution/', { Ref: distributionId }])] },
    });
    Annotations.fromStack(stack).hasWarning('/Test/Results', Match.stringLikeRegexp('at least 30 days before election day'));
  });

  test('a given web ACL is used', () => {
    const { stack } = newStack();
    const webAcl = new ElectionWebAcl(stack, 'Acl', { scope: WebAclScope.CLOUDFRONT, preset: WebAclPreset.RESULTS, rateLimit: 5000 });
    expect(new ResultsReportingSite(stack, 'Results', { webAcl }).webAcl).toBe(webAcl);
  });

  test('takes the same site options as the portal: CSP, cache TTL, price class reach the distribution, and the pack passes it', () => {
    const csp = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'";
    const { app, stack, construct } = results({ contentSecurityPolicy: csp, cacheTtl: Duration.seconds(10), priceClass: cloudfront.PriceClass.PRICE_CLASS_200 });
    expect(construct.site.contentSecurityPolicy).toBe(csp);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({ SecurityHeadersConfig: Match.objectLike({ ContentSecurityPolicy: { ContentSecurityPolicy: csp, Override: true } }) }),
    });
    template.hasResourceProperties('AWS::CloudFront::CachePolicy', { CachePolicyConfig: Match.objectLike({ DefaultTTL: 10 }) });
    template.hasResourceProperties('AWS::CloudFront::Distribution', { DistributionConfig: Match.objectLike({ PriceClass: 'PriceClass_200' }) });
    expect(synthViolations(app)).toEqual([]);
  });

  test('ATP on a staff login of its web ACL lets the pages load the AWS WAF SDK', () => {
    const { stack } = newStack();
    const webAcl = new ElectionWebAcl(stack, 'Acl', { scope: WebAclScope.CLOUDFRONT, preset: WebAclPreset.RESULTS, staffLoginPath: '/staff/login' });
    const construct = new ResultsReportingSite(stack, 'Results', { webAcl });
    expect(construct.site.contentSecurityPolicy).toContain("script-src 'self' https://*.awswaf.com; connect-src 'self' https://*.awswaf.com");
  });

  test('a weak CSP throws, naming the site path and the prop', () => {
    expectValidationError(() => results({ contentSecurityPolicy: "default-src 'self'; script-src *" }), {
      code: ValidationErrorCode.WEAKENS_BASELINE, prop: 'contentSecurityPolicy', constructType: 'HardenedStaticSite', constructPath: 'Test/Results/Site',
      message: "HardenedStaticSite 'Test/Results/Site': contentSecurityPolicy is 'default-src 'self'; script-src *'; it must restrict scripts",
    });
  });
});

describe('results sites the pack rejects (one protection weakened each)', () => {
  test('no web ACL on the distribution (election-day DDoS on state sites, 2022)', () => {
    const { app, cfn } = results();
    cfn.addPropertyDeletionOverride('DistributionConfig.WebACLId');
    expect(synthPathsViolating(app, 'CloudFrontWebAclAttached')).toEqual([DISTRIBUTION]);
  });

  test('no rate-based rule: one IP floods the site (San Diego County, 2012)', () => {
    const { app, construct } = results();
    const acl = construct.webAcl.webAcl;
    acl.rules = (acl.rules as wafv2.CfnWebACL.RuleProperty[]).filter((r) => r.name !== 'RateLimitPerIp');
    expect(synthPathsViolating(app, 'WafRateBasedRule')).toEqual([WEB_ACL]);
  });

  test('caching disabled: every refresh reaches the origin (results site crash, 2018)', () => {
    const { app, cfn } = results();
    cfn.addPropertyOverride('DistributionConfig.DefaultCacheBehavior.CachePolicyId', CACHING_DISABLED);
    expect(synthPathsViolating(app, 'CloudFrontCachingEnabled[Behavior::default]')).toEqual([DISTRIBUTION]);
  });

  test('a default that geo-blocks, turning away voters abroad (2018)', () => {
    const { app, construct } = results();
    const acl = construct.webAcl.webAcl;
    acl.rules = [...(acl.rules as wafv2.CfnWebACL.RuleProperty[]), {
      name: 'UsOnly', priority: 1, action: { block: {} },
      statement: { notStatement: { statement: { geoMatchStatement: { countryCodes: ['US'] } } } },
      visibilityConfig: { cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: 'UsOnly' },
    }];
    expect(synthPathsViolating(app, 'WafNoGeoBlocking')).toEqual([WEB_ACL]);
  });

  test('monitor mode: the managed groups only count', () => {
    const { app, stack } = newStack();
    const webAcl = new ElectionWebAcl(stack, 'Acl', { scope: WebAclScope.CLOUDFRONT, preset: WebAclPreset.RESULTS, monitorMode: true });
    new ResultsReportingSite(stack, 'Results', { webAcl });
    expect(synthPathsViolating(app, 'WafNoCountOverride')).toEqual(['Test/Acl/WebAcl']);
  });

  test('plain HTTP allowed to viewers', () => {
    const { app, cfn } = results();
    cfn.addPropertyOverride('DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy', 'allow-all');
    expect(synthPathsViolating(app, 'CloudFrontViewerHttpsOnly')).toEqual([DISTRIBUTION]);
  });

  test('HSTS shortened to a day', () => {
    const { app, construct } = results();
    (construct.site.responseHeadersPolicy.node.defaultChild as cloudfront.CfnResponseHeadersPolicy)
      .addPropertyOverride('ResponseHeadersPolicyConfig.SecurityHeadersConfig.StrictTransportSecurity.AccessControlMaxAgeSec', 86400);
    expect(synthPathsViolating(app, 'CloudFrontHsts')).toEqual([DISTRIBUTION]);
  });

  test('access log delivery removed', () => {
    const { app, construct } = results();
    construct.site.node.tryRemoveChild(construct.site.accessLogDelivery.node.id);
    expect(synthPathsViolating(app, 'CloudFrontAccessLogging')).toEqual([DISTRIBUTION]);
  });

  test('a legacy origin access identity on the primary origin', () => {
    const { app, cfn } = results();
    cfn.addPropertyOverride('DistributionConfig.Origins.0.S3OriginConfig.OriginAccessIdentity', 'origin-access-identity/cloudfront/E2EXAMPLE');
    expect(synthPathsViolating(app, 'CloudFrontS3OriginAccessControl')).toEqual([DISTRIBUTION]);
  });
});
