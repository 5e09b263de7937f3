import { NagRuleCompliance } from 'cdk-nag';
import { S3RecordsLifecycleRetention as rule } from '../../../lib/rules/s3/S3RecordsLifecycleRetention';
import { compliantBucketTemplate, judge, withBucket } from '../../helpers/template-fixtures';

/** The lifecycle rule SecureBucket writes. */
const noncurrentVersions = {
  Id: 'noncurrent-versions',
  Status: 'Enabled',
  AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
  NoncurrentVersionExpiration: { NoncurrentDays: 731 },
  NoncurrentVersionTransitions: [{ StorageClass: 'GLACIER_IR', TransitionInDays: 30 }],
};
const withRules = (dataClass: string, ...rules: unknown[]) =>
  withBucket(compliantBucketTemplate(dataClass), (p) => {
    p.LifecycleConfiguration = { Rules: rules };
  });

describe('S3RecordsLifecycleRetention', () => {
  test.each([
    ['the SecureBucket noncurrent-versions rule', withRules('election-records', noncurrentVersions)],
    ['the log archive rules (914 days, cold storage)', withRules('audit-logs', { ...noncurrentVersions, NoncurrentVersionExpiration: { NoncurrentDays: 914 } }, { Id: 'cold', Status: 'Enabled', Transitions: [{ StorageClass: 'GLACIER', TransitionInDays: 365 }] })],
    ['exactly 672 days', withRules('election-records', { Status: 'Enabled', ExpirationInDays: 672, NoncurrentVersionExpirationInDays: 672 })],
    ['days as strings', withRules('audit-logs', { Status: 'Enabled', ExpirationInDays: '1000' })],
    ['a short rule that is disabled', withRules('election-records', { Status: 'Disabled', ExpirationInDays: 1 })],
    ['no lifecycle configuration', withBucket(compliantBucketTemplate('audit-logs'), () => undefined)],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['records expire daily (red team)', withRules('election-records', noncurrentVersions, { ExpirationInDays: 1, Status: 'Enabled' })],
    ['records noncurrent versions after 1 day (red team)', withRules('election-records', { ...noncurrentVersions, NoncurrentVersionExpiration: { NoncurrentDays: 1 } })],
    ['access logs noncurrent after 1 day (red team)', withRules('audit-logs', { ...noncurrentVersions, NoncurrentVersionExpiration: { NoncurrentDays: 1 } })],
    ['access logs expire after 1 day (red team)', withRules('audit-logs', noncurrentVersions, { ExpirationInDays: 1 })],
    ['access logs erased after a day, both ways (red team)', withRules('audit-logs', noncurrentVersions, { Status: 'Enabled', ExpirationInDays: 1, NoncurrentVersionExpiration: { NoncurrentDays: 1 } })],
    ['671 days', withRules('election-records', { Status: 'Enabled', ExpirationInDays: 671 })],
    ['the legacy NoncurrentVersionExpirationInDays', withRules('audit-logs', { Status: 'Enabled', NoncurrentVersionExpirationInDays: 30 })],
    ['a fixed expiration date', withRules('election-records', { Status: 'Enabled', ExpirationDate: '2030-01-01T00:00:00.000Z' })],
    ['a one-prefix rule', withRules('audit-logs', { Status: 'Enabled', Prefix: 'cloudtrail/', ExpirationInDays: 90 })],
    ['an unclassified bucket (judged as records)', withBucket(withRules('election-records', { Status: 'Enabled', ExpirationInDays: 30 }), (p) => delete p.Tags)],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each(['voter-pii', 'public-content', 'operational'])('not applicable: a %s bucket expiring daily', (dataClass) => {
    expect(judge(rule, withRules(dataClass, { Status: 'Enabled', ExpirationInDays: 1 }), 'Bucket')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['the lifecycle configuration from a condition', withBucket(compliantBucketTemplate(), (p) => { p.LifecycleConfiguration = { 'Fn::If': ['Short', { Rules: [] }, { Ref: 'AWS::NoValue' }] }; })],
    ['a rule from a condition', withRules('audit-logs', { 'Fn::If': ['Short', { Status: 'Enabled', ExpirationInDays: 1 }, { Ref: 'AWS::NoValue' }] })],
    ['days from a parameter', withRules('election-records', { Status: 'Enabled', ExpirationInDays: { Ref: 'Days' } })],
    ['noncurrent days from a parameter', withRules('audit-logs', { Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: { Ref: 'Days' } } })],
    ['a status from a parameter', withRules('audit-logs', { Status: { Ref: 'On' }, ExpirationInDays: 1 })],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
