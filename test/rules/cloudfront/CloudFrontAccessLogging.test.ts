import { NagRuleCompliance } from 'cdk-nag';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { CloudFrontAccessLogging as rule } from '../../../lib/rules/cloudfront/CloudFrontAccessLogging';
import { newStack, pathsViolating } from '../../helpers/pack-harness';
import { distributionTemplate, withDistribution, withProps, without } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

describe('CloudFrontAccessLogging', () => {
  test('compliant: a v2 delivery source on the distribution and a delivery from it', () => {
    expect(judge(rule, distributionTemplate(), 'Distribution')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('compliant: the source named literally and its ARN spelled with Fn::Sub', () => {
    let t = withProps(distributionTemplate(), 'AccessLogDelivery', (p) => {
      p.DeliverySourceName = 'results-cdn-access';
    });
    t = withProps(t, 'AccessLogSource', (p) => {
      p.ResourceArn = { 'Fn::Sub': 'arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${Distribution}' };
    });
    expect(judge(rule, t, 'Distribution')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('compliant: legacy S3 logging', () => {
    const t = withDistribution((c) => {
      c.Logging = { Bucket: 'logs-bucket.s3.amazonaws.com', Prefix: 'cdn/' };
    }, without(distributionTemplate(), 'AccessLogSource', 'AccessLogDelivery'));
    expect(judge(rule, t, 'Distribution')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['no logging at all', without(distributionTemplate(), 'AccessLogSource', 'AccessLogDelivery')],
    ['a source but no delivery', without(distributionTemplate(), 'AccessLogDelivery')],
    ['a delivery of another source', withProps(distributionTemplate(), 'AccessLogDelivery', (p) => { p.DeliverySourceName = 'other-source'; })],
    ['a delivery without a destination', withProps(distributionTemplate(), 'AccessLogDelivery', (p) => { delete p.DeliveryDestinationArn; })],
    ['a source of CONNECTION_LOGS', withProps(distributionTemplate(), 'AccessLogSource', (p) => { p.LogType = 'CONNECTION_LOGS'; })],
    ['a source on another distribution', withProps(distributionTemplate(), 'AccessLogSource', (p) => {
      p.ResourceArn = 'arn:aws:cloudfront::111122223333:distribution/E2EXAMPLE';
    })],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Distribution')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the delivery source', () => {
    expect(judge(rule, distributionTemplate(), 'AccessLogSource')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a delivery destination from a parameter', withProps(distributionTemplate(), 'AccessLogDelivery', (p) => { p.DeliveryDestinationArn = { Ref: 'DestinationArn' }; })],
    ['a legacy log bucket from a parameter', withDistribution((c) => { c.Logging = { Bucket: { Ref: 'LogBucketDomain' } }; }, without(distributionTemplate(), 'AccessLogSource'))],
    ['a distribution config from a condition', withProps(without(distributionTemplate(), 'AccessLogSource'), 'Distribution', (p) => { p.DistributionConfig = { 'Fn::If': ['Logs', {}, {}] }; })],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'Distribution')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('through the pack: a CDK distribution with an ACCESS_LOGS delivery source passes, one without fails', () => {
    const { stack } = newStack();
    const origin = origins.S3BucketOrigin.withOriginAccessControl(new s3.Bucket(stack, 'Site'));
    const logged = new cloudfront.Distribution(stack, 'Logged', { defaultBehavior: { origin } });
    const silent = new cloudfront.Distribution(stack, 'Silent', { defaultBehavior: { origin } });
    const source = new logs.CfnDeliverySource(stack, 'Source', {
      name: 'logged-access',
      logType: 'ACCESS_LOGS',
      resourceArn: logged.distributionArn,
    });
    const group = new logs.LogGroup(stack, 'Group');
    const destination = new logs.CfnDeliveryDestination(stack, 'Destination', { name: 'logged-dest', destinationResourceArn: group.logGroupArn });
    new logs.CfnDelivery(stack, 'Delivery', { deliverySourceName: source.ref, deliveryDestinationArn: destination.attrArn });
    const paths = pathsViolating(stack, 'CloudFrontAccessLogging');
    expect(paths).toContain(`${silent.node.path}/Resource`);
    expect(paths).not.toContain(`${logged.node.path}/Resource`);
  });
});
