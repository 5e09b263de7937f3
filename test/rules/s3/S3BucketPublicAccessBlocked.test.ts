import { NagRuleCompliance } from 'cdk-nag';
import { S3BucketPublicAccessBlocked as rule } from '../../../lib/rules/s3/S3BucketPublicAccessBlocked';
import { compliantBucketTemplate, judge, withBucket } from '../../helpers/template-fixtures';

describe('S3BucketPublicAccessBlocked', () => {
  test('compliant: all four settings on, also for public content', () => {
    expect(judge(rule, compliantBucketTemplate('public-content'), 'Bucket')).toBe(NagRuleCompliance.COMPLIANT);
    const strings = withBucket(compliantBucketTemplate(), (p) => {
      p.PublicAccessBlockConfiguration = { BlockPublicAcls: 'true', BlockPublicPolicy: 'true', IgnorePublicAcls: 'true', RestrictPublicBuckets: 'true' };
    });
    expect(judge(rule, strings, 'Bucket')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each(['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'])('non-compliant: %s off', (setting) => {
    const t = withBucket(compliantBucketTemplate(), (p) => {
      (p.PublicAccessBlockConfiguration as Record<string, unknown>)[setting] = false;
    });
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('non-compliant: no configuration at all', () => {
    const t = withBucket(compliantBucketTemplate(), (p) => {
      delete p.PublicAccessBlockConfiguration;
    });
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: a resource that is not a bucket', () => {
    expect(judge(rule, compliantBucketTemplate(), 'Key')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: a setting given by a condition fails closed', () => {
    const t = withBucket(compliantBucketTemplate(), (p) => {
      (p.PublicAccessBlockConfiguration as Record<string, unknown>).RestrictPublicBuckets = { 'Fn::If': ['IsProd', true, false] };
    });
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
    const whole = withBucket(compliantBucketTemplate(), (p) => {
      p.PublicAccessBlockConfiguration = { Ref: 'Param' };
    });
    expect(judge(rule, whole, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
