import { NagRuleCompliance } from 'cdk-nag';
import { S3BucketServerAccessLogs as rule } from '../../../lib/rules/s3/S3BucketServerAccessLogs';
import { compliantBucketTemplate, judge, withBucket } from '../../helpers/template-fixtures';

describe('S3BucketServerAccessLogs', () => {
  test('compliant: logs to another bucket by reference, by name or by import', () => {
    expect(judge(rule, compliantBucketTemplate(), 'Bucket')).toBe(NagRuleCompliance.COMPLIANT);
    for (const destination of ['agency-access-logs', { 'Fn::ImportValue': 'LogBucketName' }]) {
      const t = withBucket(compliantBucketTemplate(), (p) => {
        p.LoggingConfiguration = { DestinationBucketName: destination };
      });
      expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.COMPLIANT);
    }
  });

  test('non-compliant: no logging, or logging to itself by reference or by name', () => {
    const none = withBucket(compliantBucketTemplate(), (p) => {
      delete p.LoggingConfiguration;
    });
    expect(judge(rule, none, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
    const self = withBucket(compliantBucketTemplate(), (p) => {
      p.LoggingConfiguration = { DestinationBucketName: { Ref: 'Bucket' } };
    });
    expect(judge(rule, self, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
    const selfByName = withBucket(compliantBucketTemplate(), (p) => {
      p.BucketName = 'records';
      p.LoggingConfiguration = { DestinationBucketName: 'records' };
    });
    expect(judge(rule, selfByName, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the access-log bucket, named as a destination or granting log delivery', () => {
    expect(judge(rule, compliantBucketTemplate(), 'LogBucket')).toBe(NagRuleCompliance.NOT_APPLICABLE);
    const t = compliantBucketTemplate();
    delete (t.Bucket.Properties as Record<string, unknown>).LoggingConfiguration;
    t.LogBucketPolicy = {
      Type: 'AWS::S3::BucketPolicy',
      Properties: {
        Bucket: { Ref: 'LogBucket' },
        PolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'logging.s3.amazonaws.com' }, Action: 's3:PutObject', Resource: '*' }] },
      },
    };
    expect(judge(rule, t, 'LogBucket')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: a logging configuration from a parameter fails closed', () => {
    const t = withBucket(compliantBucketTemplate(), (p) => {
      p.LoggingConfiguration = { Ref: 'LoggingConfig' };
    });
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
