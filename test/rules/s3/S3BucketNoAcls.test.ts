import { NagRuleCompliance } from 'cdk-nag';
import { S3BucketNoAcls as rule } from '../../../lib/rules/s3/S3BucketNoAcls';
import { compliantBucketTemplate, judge, withBucket } from '../../helpers/template-fixtures';

describe('S3BucketNoAcls', () => {
  test('compliant: BucketOwnerEnforced, with or without AccessControl Private', () => {
    expect(judge(rule, compliantBucketTemplate(), 'Bucket')).toBe(NagRuleCompliance.COMPLIANT);
    const privateAcl = withBucket(compliantBucketTemplate(), (p) => {
      p.AccessControl = 'Private';
    });
    expect(judge(rule, privateAcl, 'Bucket')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['ObjectWriter ownership', (p: Record<string, unknown>) => { p.OwnershipControls = { Rules: [{ ObjectOwnership: 'ObjectWriter' }] }; }],
    ['BucketOwnerPreferred ownership', (p: Record<string, unknown>) => { p.OwnershipControls = { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] }; }],
    ['no ownership controls', (p: Record<string, unknown>) => { delete p.OwnershipControls; }],
    ['a LogDeliveryWrite ACL', (p: Record<string, unknown>) => { p.AccessControl = 'LogDeliveryWrite'; }],
    ['a PublicRead ACL', (p: Record<string, unknown>) => { p.AccessControl = 'PublicRead'; }],
  ])('non-compliant: %s', (_, edit) => {
    expect(judge(rule, withBucket(compliantBucketTemplate(), edit), 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: a KMS key', () => {
    expect(judge(rule, compliantBucketTemplate(), 'Key')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: ownership from a parameter fails closed', () => {
    const t = withBucket(compliantBucketTemplate(), (p) => {
      p.OwnershipControls = { Rules: [{ ObjectOwnership: { Ref: 'Ownership' } }] };
    });
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
    const acl = withBucket(compliantBucketTemplate(), (p) => {
      p.AccessControl = { Ref: 'Acl' };
    });
    expect(judge(rule, acl, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
