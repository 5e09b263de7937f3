import { NagRuleCompliance } from 'cdk-nag';
import { S3BucketVersioning as rule } from '../../../lib/rules/s3/S3BucketVersioning';
import { compliantBucketTemplate, judge, withBucket } from '../../helpers/template-fixtures';

describe('S3BucketVersioning', () => {
  test('compliant: versioning enabled', () => {
    expect(judge(rule, compliantBucketTemplate('operational'), 'Bucket')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([['suspended', { Status: 'Suspended' }], ['absent', undefined]])('non-compliant: versioning %s', (_, versioning) => {
    const t = withBucket(compliantBucketTemplate(), (p) => {
      p.VersioningConfiguration = versioning;
    });
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: a bucket policy', () => {
    expect(judge(rule, compliantBucketTemplate(), 'BucketPolicy')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: status from a parameter fails closed', () => {
    const t = withBucket(compliantBucketTemplate(), (p) => {
      p.VersioningConfiguration = { Status: { Ref: 'VersioningStatus' } };
    });
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
