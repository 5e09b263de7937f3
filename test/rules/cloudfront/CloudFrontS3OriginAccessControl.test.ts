import { NagRuleCompliance } from 'cdk-nag';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { CloudFrontS3OriginAccessControl as rule } from '../../../lib/rules/cloudfront/CloudFrontS3OriginAccessControl';
import { newStack, pathsViolating } from '../../helpers/pack-harness';
import { distributionTemplate, Props, withDistribution } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

const siteOrigin = (c: Props) => (c.Origins as Props[])[0];

describe('CloudFrontS3OriginAccessControl', () => {
  test('compliant: a bucket origin with OAC and an empty OAI', () => {
    expect(judge(rule, distributionTemplate(), 'Distribution')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('compliant: a literal regional S3 domain with a literal OAC id and no S3OriginConfig', () => {
    const t = withDistribution((c) => {
      const o = siteOrigin(c);
      o.DomainName = 'county-results.s3.us-east-1.amazonaws.com';
      o.OriginAccessControlId = 'E2QWRUHAPOMQZL';
      delete o.S3OriginConfig;
    });
    expect(judge(rule, t, 'Distribution')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['a legacy origin access identity', (o: Props) => { o.S3OriginConfig = { OriginAccessIdentity: 'origin-access-identity/cloudfront/E127EXAMPLE51Z' }; }],
    ['OAC and an OAI together', (o: Props) => { o.S3OriginConfig = { OriginAccessIdentity: { 'Fn::Join': ['', ['origin-access-identity/cloudfront/', { Ref: 'Oai' }]] } }; }],
    ['no OAC (a public bucket read directly)', (o: Props) => { delete o.OriginAccessControlId; }],
    ['an empty OAC id', (o: Props) => { o.OriginAccessControlId = ''; }],
    ['a literal global S3 domain without OAC', (o: Props) => { o.DomainName = 'county-results.s3.amazonaws.com'; delete o.OriginAccessControlId; delete o.S3OriginConfig; }],
  ])('non-compliant: %s', (_, edit) => {
    expect(judge(rule, withDistribution((c) => edit(siteOrigin(c))), 'Distribution')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  describe('a second S3 origin (a failover copy) is held to the first one\'s protections', () => {
    const withSecond = (second: Props) => withDistribution((c) => {
      (c.Origins as Props[]).push({ Id: 'failover', DomainName: { 'Fn::GetAtt': ['Site', 'DomainName'] }, S3OriginConfig: { OriginAccessIdentity: '' }, ...second });
    });
    test('compliant: both with OAC', () => {
      expect(judge(rule, withSecond({ OriginAccessControlId: { 'Fn::GetAtt': ['Oac', 'Id'] } }), 'Distribution')).toBe(NagRuleCompliance.COMPLIANT);
    });
    test.each([
      ['without OAC', {}],
      ['with a legacy origin access identity', { S3OriginConfig: { OriginAccessIdentity: 'origin-access-identity/cloudfront/E127EXAMPLE51Z' } }],
    ])('non-compliant: the second %s', (_, second) => {
      expect(judge(rule, withSecond(second), 'Distribution')).toBe(NagRuleCompliance.NON_COMPLIANT);
    });
  });

  test('not applicable: no S3 origin (an S3 website endpoint is a custom origin)', () => {
    const t = withDistribution((c) => {
      c.Origins = [
        { Id: 'web', DomainName: 'county-results.s3-website-us-east-1.amazonaws.com', CustomOriginConfig: { OriginProtocolPolicy: 'http-only' } },
      ];
    });
    expect(judge(rule, t, 'Distribution')).toBe(NagRuleCompliance.NOT_APPLICABLE);
    expect(judge(rule, distributionTemplate(), 'Site')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['an OAC id from a parameter', (o: Props) => { o.OriginAccessControlId = { Ref: 'OacIdParam' }; }],
    ['an imported bucket domain without OAC', (o: Props) => { o.DomainName = { 'Fn::ImportValue': 'site-domain' }; delete o.OriginAccessControlId; }],
  ])('unresolvable: %s fails closed', (_, edit) => {
    expect(judge(rule, withDistribution((c) => edit(siteOrigin(c))), 'Distribution')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('unresolvable: origins from a condition fail closed', () => {
    const t = withDistribution((c) => {
      c.Origins = { 'Fn::If': ['Prod', [], []] };
    });
    expect(judge(rule, t, 'Distribution')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('through the pack: withOriginAccessControl passes, withOriginAccessIdentity fails', () => {
    const { stack } = newStack();
    const bucket = new s3.Bucket(stack, 'Site');
    const oac = new cloudfront.Distribution(stack, 'Oac', { defaultBehavior: { origin: origins.S3BucketOrigin.withOriginAccessControl(bucket) } });
    const oai = new cloudfront.Distribution(stack, 'Oai', { defaultBehavior: { origin: origins.S3BucketOrigin.withOriginAccessIdentity(bucket) } });
    const paths = pathsViolating(stack, 'CloudFrontS3OriginAccessControl');
    expect(paths).toContain(`${oai.node.path}/Resource`);
    expect(paths).not.toContain(`${oac.node.path}/Resource`);
  });
});
