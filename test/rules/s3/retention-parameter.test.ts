import { NagRuleCompliance } from 'cdk-nag';
import { MIN_RECORDS_RETENTION_DAYS } from '../../../lib/baseline/records-retention';
import { S3RecordsLifecycleRetention } from '../../../lib/rules/s3/S3RecordsLifecycleRetention';
import { S3RecordsObjectLock } from '../../../lib/rules/s3/S3RecordsObjectLock';
import { compliantBucketTemplate, judge, withBucket } from '../../helpers/template-fixtures';

/** A records bucket whose lock and noncurrent expiry are both `{ Ref: RetentionDays }`, as CountyBaselineStack writes them. */
const parameterBucket = () => withBucket(compliantBucketTemplate(), (p) => {
  p.ObjectLockConfiguration = { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: { Ref: 'RetentionDays' } } } };
  p.LifecycleConfiguration = { Rules: [{ Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: { Ref: 'RetentionDays' } } }] };
});
const param = (definition: Record<string, unknown>) => ({ RetentionDays: definition });

describe.each([
  ['S3RecordsObjectLock', S3RecordsObjectLock],
  ['S3RecordsLifecycleRetention', S3RecordsLifecycleRetention],
])('%s: retention days from a template parameter', (_, rule) => {
  test.each([
    ['MinValue at the floor', { Type: 'Number', MinValue: MIN_RECORDS_RETENTION_DAYS }],
    ['MinValue above the floor, written as a string', { Type: 'Number', MinValue: '730', Default: 730 }],
  ])('compliant: a Number parameter with %s', (_name, definition) => {
    expect(judge(rule, parameterBucket(), 'Bucket', param(definition))).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['MinValue below the floor', { Type: 'Number', MinValue: MIN_RECORDS_RETENTION_DAYS - 1 }],
    ['no MinValue', { Type: 'Number', Default: 730 }],
    ['Type String (MinValue does not apply)', { Type: 'String', MinValue: 730 }],
  ])('non-compliant: a parameter with %s', (_name, definition) => {
    expect(judge(rule, parameterBucket(), 'Bucket', param(definition))).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('unresolvable: a Ref to a parameter the template does not declare fails closed', () => {
    expect(judge(rule, parameterBucket(), 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: an operational bucket', () => {
    expect(judge(rule, compliantBucketTemplate('operational'), 'Bucket', param({ Type: 'Number', MinValue: 1 }))).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });
});
