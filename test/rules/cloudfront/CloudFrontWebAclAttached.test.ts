import { NagRuleCompliance } from 'cdk-nag';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { CloudFrontWebAclAttached as rule } from '../../../lib/rules/cloudfront/CloudFrontWebAclAttached';
import { newStack, pathsViolating } from '../../helpers/pack-harness';
import { distributionTemplate, withDistribution } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

describe('CloudFrontWebAclAttached', () => {
  test('compliant: GetAtt Arn of a web ACL of the template', () => {
    expect(judge(rule, distributionTemplate(), 'Distribution')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('compliant: a literal global WAFv2 web ACL ARN', () => {
    const t = withDistribution((c) => {
      c.WebACLId = 'arn:aws:wafv2:us-east-1:111122223333:global/webacl/results/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';
    });
    expect(judge(rule, t, 'Distribution')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['no web ACL', undefined],
    ['a WAF Classic id', 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111'],
    ['a regional web ACL ARN', 'arn:aws:wafv2:us-east-1:111122223333:regional/webacl/api/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111'],
    ['Ref of the web ACL (name|id|scope, which CloudFront refuses)', { Ref: 'WebAcl' }],
    ['GetAtt Arn of a bucket', { 'Fn::GetAtt': ['Site', 'Arn'] }],
  ])('non-compliant: %s', (_, webAclId) => {
    const t = withDistribution((c) => {
      c.WebACLId = webAclId;
    });
    expect(judge(rule, t, 'Distribution')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the web ACL itself', () => {
    expect(judge(rule, distributionTemplate(), 'WebAcl')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a parameter', { Ref: 'WebAclArnParam' }],
    ['an import', { 'Fn::ImportValue': 'shared-web-acl-arn' }],
  ])('unresolvable: a web ACL given by %s fails closed', (_, webAclId) => {
    const t = withDistribution((c) => {
      c.WebACLId = webAclId;
    });
    expect(judge(rule, t, 'Distribution')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('unresolvable: a DistributionConfig from an intrinsic fails closed', () => {
    const t = distributionTemplate();
    t.Distribution.Properties = { DistributionConfig: { 'Fn::If': ['Prod', {}, {}] } };
    expect(judge(rule, t, 'Distribution')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('through the pack: a CDK distribution with webAclId passes, one without fails', () => {
    const { stack } = newStack();
    const origin = origins.S3BucketOrigin.withOriginAccessControl(new s3.Bucket(stack, 'Site'));
    const acl = new wafv2.CfnWebACL(stack, 'Acl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: { cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: 'acl' },
    });
    const guarded = new cloudfront.Distribution(stack, 'Guarded', { defaultBehavior: { origin }, webAclId: acl.attrArn });
    const open = new cloudfront.Distribution(stack, 'Open', { defaultBehavior: { origin } });
    const paths = pathsViolating(stack, 'CloudFrontWebAclAttached');
    expect(paths).toContain(`${open.node.path}/Resource`);
    expect(paths).not.toContain(`${guarded.node.path}/Resource`);
  });
});
