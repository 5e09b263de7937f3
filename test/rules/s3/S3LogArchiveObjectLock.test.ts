import { NagRuleCompliance } from 'cdk-nag';
import { S3LogArchiveObjectLock as rule } from '../../../lib/rules/s3/S3LogArchiveObjectLock';
import { Body, bucketArn, compliantBucketTemplate, judge, objectsArn, tlsOnlyStatement, withBucket } from '../../helpers/template-fixtures';

const delivery = (service: string, action: unknown = 's3:PutObject') => ({
  Effect: 'Allow',
  Principal: { Service: service },
  Action: action,
  Resource: objectsArn,
  Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } },
});

/** An audit-logs archive (LogArchiveBucket's lock: COMPLIANCE, 913 days) whose policy lets `statements` in. */
function archive(dataClass = 'audit-logs', ...statements: unknown[]): Record<string, Body> {
  const t = compliantBucketTemplate(dataClass, {
    ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 913 } } },
  });
  t.BucketPolicy.Properties!.PolicyDocument = { Version: '2012-10-17', Statement: [tlsOnlyStatement(), ...statements] };
  return t;
}
const trailArchive = (dataClass = 'audit-logs') => archive(dataClass, { ...delivery('cloudtrail.amazonaws.com'), Sid: 'CloudTrailWrite' });
const lock = (edit: (lock: Record<string, unknown>) => void) => (t: Record<string, Body>) =>
  withBucket(t, (p) => edit(p.ObjectLockConfiguration as Record<string, unknown>));

describe('S3LogArchiveObjectLock', () => {
  test.each([
    ['a CloudTrail archive locked 913 days', trailArchive()],
    ['a Config archive locked 365 days', withBucket(archive('audit-logs', delivery('config.amazonaws.com')), (p) => {
      p.ObjectLockConfiguration = { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Years: 1 } } };
    })],
    ['an unclassified bucket a trail names, locked', withBucket({ ...trailArchive(), Trail: { Type: 'AWS::CloudTrail::Trail', Properties: { S3BucketName: { Ref: 'Bucket' } } } }, (p) => {
      p.Tags = [];
    })],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['GOVERNANCE mode', lock((l) => { (l.Rule as { DefaultRetention: Record<string, unknown> }).DefaultRetention.Mode = 'GOVERNANCE'; })(trailArchive())],
    ['retention cut to 30 days', lock((l) => { (l.Rule as { DefaultRetention: Record<string, unknown> }).DefaultRetention.Days = 30; })(trailArchive())],
    ['no default retention', lock((l) => { delete l.Rule; })(trailArchive())],
    ['Object Lock removed', withBucket(trailArchive(), (p) => { delete p.ObjectLockConfiguration; delete p.ObjectLockEnabled; })],
    ['an unlocked unclassified bucket Config writes to (s3:*)', withBucket(archive('audit-logs', delivery('config.amazonaws.com', 's3:*')), (p) => {
      p.Tags = [];
      delete p.ObjectLockConfiguration;
      delete p.ObjectLockEnabled;
    })],
    ['an unlocked bucket a Config delivery channel names', withBucket({
      ...compliantBucketTemplate('audit-logs'),
      Channel: { Type: 'AWS::Config::DeliveryChannel', Properties: { S3BucketName: { Ref: 'Bucket' } } },
    }, (p) => { delete p.ObjectLockConfiguration; delete p.ObjectLockEnabled; })],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each([
    ['an access-log bucket (logging.s3 delivers, not CloudTrail)', withBucket(archive('audit-logs', delivery('logging.s3.amazonaws.com')), (p) => { delete p.ObjectLockConfiguration; })],
    ['an audit-logs bucket CloudTrail may only read the ACL of', withBucket(archive('audit-logs', { ...delivery('cloudtrail.amazonaws.com', 's3:GetBucketAcl'), Resource: bucketArn }), (p) => { delete p.ObjectLockConfiguration; })],
    ['a voter-pii bucket (S3RecordsObjectLock and others judge it)', withBucket(trailArchive('voter-pii'), (p) => { delete p.ObjectLockConfiguration; })],
  ])('not applicable: %s', (_, t) => {
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('not applicable: the bucket policy', () => {
    expect(judge(rule, trailArchive(), 'BucketPolicy')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a policy document from a parameter, on an unlocked bucket', (() => {
      const t = withBucket(compliantBucketTemplate('audit-logs'), (p) => { delete p.ObjectLockConfiguration; delete p.ObjectLockEnabled; });
      t.BucketPolicy.Properties!.PolicyDocument = { Ref: 'ArchivePolicy' };
      return t;
    })()],
    ['retention days from a parameter', lock((l) => { (l.Rule as { DefaultRetention: Record<string, unknown> }).DefaultRetention.Days = { Ref: 'Days' }; })(trailArchive())],
    ['the mode from a condition', lock((l) => { (l.Rule as { DefaultRetention: Record<string, unknown> }).DefaultRetention.Mode = { 'Fn::If': ['Prod', 'COMPLIANCE', 'GOVERNANCE'] }; })(trailArchive())],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('cannot be waived', () => expect(rule.waivable).toBe(false));
});
