import { NagRuleCompliance } from 'cdk-nag';
import { S3RecordsObjectLock as rule } from '../../../lib/rules/s3/S3RecordsObjectLock';
import { compliantBucketTemplate, judge, withBucket } from '../../helpers/template-fixtures';

const lock = (retention: Record<string, unknown>) => ({ ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: retention } });

describe('S3RecordsObjectLock', () => {
  test.each([
    ['730 days', { Mode: 'COMPLIANCE', Days: 730 }],
    ['exactly 672 days', { Mode: 'COMPLIANCE', Days: 672 }],
    ['2 years', { Mode: 'COMPLIANCE', Years: 2 }],
    ['days as a string', { Mode: 'COMPLIANCE', Days: '700' }],
  ])('compliant: COMPLIANCE mode for %s', (_, retention) => {
    const t = withBucket(compliantBucketTemplate(), (p) => {
      p.ObjectLockConfiguration = lock(retention);
    });
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['GOVERNANCE mode', { ObjectLockConfiguration: lock({ Mode: 'GOVERNANCE', Days: 730 }) }],
    ['671 days', { ObjectLockConfiguration: lock({ Mode: 'COMPLIANCE', Days: 671 }) }],
    ['30 days', { ObjectLockConfiguration: lock({ Mode: 'COMPLIANCE', Days: 30 }) }],
    ['1 year', { ObjectLockConfiguration: lock({ Mode: 'COMPLIANCE', Years: 1 }) }],
    ['no default retention', { ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled' } }],
    ['Object Lock not enabled on the bucket', { ObjectLockEnabled: false }],
    ['no lock configuration', { ObjectLockConfiguration: undefined }],
  ])('non-compliant: %s', (_, change) => {
    const t = withBucket(compliantBucketTemplate(), (p) => Object.assign(p, change));
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('non-compliant: an unclassified bucket without a lock (judged as records)', () => {
    const t = withBucket(compliantBucketTemplate(), (p) => {
      delete p.Tags;
      delete p.ObjectLockConfiguration;
    });
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each(['voter-pii', 'audit-logs', 'public-content', 'operational'])('not applicable: %s bucket', (dataClass) => {
    const t = withBucket(compliantBucketTemplate(dataClass), (p) => {
      delete p.ObjectLockConfiguration;
      delete p.ObjectLockEnabled;
    });
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: retention days, mode or class from a parameter fail closed', () => {
    const days = withBucket(compliantBucketTemplate(), (p) => {
      p.ObjectLockConfiguration = lock({ Mode: 'COMPLIANCE', Days: { Ref: 'RetentionDays' } });
    });
    expect(judge(rule, days, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
    const mode = withBucket(compliantBucketTemplate(), (p) => {
      p.ObjectLockConfiguration = lock({ Mode: { Ref: 'Mode' }, Days: 730 });
    });
    expect(judge(rule, mode, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
    const dataClass = withBucket(compliantBucketTemplate(), (p) => {
      p.Tags = [{ Key: 'election:data-class', Value: { Ref: 'DataClass' } }];
      delete p.ObjectLockConfiguration;
    });
    expect(judge(rule, dataClass, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
