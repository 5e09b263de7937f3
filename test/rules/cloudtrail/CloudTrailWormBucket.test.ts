import { NagRuleCompliance } from 'cdk-nag';
import { CloudTrailWormBucket as rule } from '../../../lib/rules/cloudtrail/CloudTrailWormBucket';
import { compliantTrailTemplate, editing } from '../../helpers/logging-fixtures';
import { judge } from '../../helpers/template-fixtures';

describe('CloudTrailWormBucket', () => {
  test('compliant: Ref to a bucket with COMPLIANCE retention of 913 days', () => {
    expect(judge(rule, compliantTrailTemplate(), 'Trail')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('compliant: the literal name of a bucket of the template, retention in years', () => {
    let t = editing(compliantTrailTemplate({ S3BucketName: 'county-log-archive' }), 'Bucket', (p) => {
      p.BucketName = 'county-log-archive';
      p.ObjectLockConfiguration = { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Years: 3 } } };
    });
    t = JSON.parse(JSON.stringify(t));
    expect(judge(rule, t, 'Trail')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('a retention from a Number parameter counts as its MinValue, as for records buckets (one Object Lock reader)', () => {
    const byParameter = editing(compliantTrailTemplate(), 'Bucket', (p) => {
      p.ObjectLockConfiguration = { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: { Ref: 'ArchiveDays' } } } };
    });
    expect(judge(rule, byParameter, 'Trail', { ArchiveDays: { Type: 'Number', MinValue: 400 } })).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, byParameter, 'Trail', { ArchiveDays: { Type: 'Number', MinValue: 30 } })).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, byParameter, 'Trail', { ArchiveDays: { Type: 'Number' } })).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each([
    ['Object Lock off', (p: Record<string, unknown>) => { p.ObjectLockEnabled = false; }],
    ['no Object Lock configuration', (p: Record<string, unknown>) => { delete p.ObjectLockConfiguration; }],
    ['GOVERNANCE mode, which can be bypassed', (p: Record<string, unknown>) => {
      p.ObjectLockConfiguration = { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 913 } } };
    }],
    ['no default retention', (p: Record<string, unknown>) => { p.ObjectLockConfiguration = { ObjectLockEnabled: 'Enabled' }; }],
    ['retention cut to 30 days', (p: Record<string, unknown>) => {
      p.ObjectLockConfiguration = { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 30 } } };
    }],
  ])('non-compliant: the archive has %s', (_, edit) => {
    expect(judge(rule, editing(compliantTrailTemplate(), 'Bucket', edit), 'Trail')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('non-compliant: the trail delivers to the log bucket, which has no Object Lock', () => {
    expect(judge(rule, compliantTrailTemplate({ S3BucketName: { Ref: 'LogBucket' } }), 'Trail')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the bucket itself', () => {
    expect(judge(rule, compliantTrailTemplate(), 'Bucket')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a literal name of a bucket in another account', 'org-log-archive-111122223333'],
    ['an imported bucket name', { 'Fn::ImportValue': 'LogArchiveBucketName' }],
    ['a parameter', { Ref: 'ArchiveBucketName' }],
    ['retention days from a parameter', undefined],
  ])('unresolvable: %s fails closed', (_, name) => {
    const t = name === undefined
      ? editing(compliantTrailTemplate(), 'Bucket', (p) => {
        p.ObjectLockConfiguration = { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: { Ref: 'Days' } } } };
      })
      : compliantTrailTemplate({ S3BucketName: name });
    expect(judge(rule, t, 'Trail')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('is waivable, and the rationale names the organization archive as the case for it', () => {
    expect(rule.waivable).toBe(true);
    expect(rule.rationale).toMatch(/organization log archive in a separate account/);
  });
});
