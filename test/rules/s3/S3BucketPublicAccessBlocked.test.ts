import { NagRuleCompliance } from 'cdk-nag';
import { S3BucketPublicAccessBlocked as rule } from '../../../lib/rules/s3/S3BucketPublicAccessBlocked';
import { Body, compliantBucketTemplate, judge, objectsArn, withBucket } from '../../helpers/template-fixtures';

/** `template` with `statement` added to Bucket's policy. */
function withPolicyStatement(template: Record<string, Body>, statement: Record<string, unknown>): Record<string, Body> {
  const copy = JSON.parse(JSON.stringify(template)) as Record<string, Body>;
  const document = copy.BucketPolicy.Properties!.PolicyDocument as { Statement: unknown[] };
  document.Statement.push(statement);
  return copy;
}

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

  test('compliant: a bucket policy allowing a named service, or everyone under a condition', () => {
    const service = withPolicyStatement(compliantBucketTemplate('public-content'), {
      Effect: 'Allow', Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject', Resource: objectsArn,
      Condition: { StringEquals: { 'AWS:SourceArn': 'arn:aws:cloudfront::111122223333:distribution/E1' } },
    });
    expect(judge(rule, service, 'Bucket')).toBe(NagRuleCompliance.COMPLIANT);
    const conditioned = withPolicyStatement(compliantBucketTemplate(), {
      Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: objectsArn, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } },
    });
    expect(judge(rule, conditioned, 'Bucket')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([['*'], [{ AWS: '*' }], [{ AWS: ['arn:aws:iam::111122223333:root', '*'] }]])(
    'non-compliant: all four settings on, but the bucket policy allows principal %j with no condition',
    (principal) => {
      const t = withPolicyStatement(compliantBucketTemplate('public-content'), { Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: objectsArn });
      expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
    },
  );

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

  test('unresolvable: a bucket policy document given by a parameter fails closed', () => {
    const t = JSON.parse(JSON.stringify(compliantBucketTemplate())) as Record<string, Body>;
    t.BucketPolicy.Properties!.PolicyDocument = { Ref: 'PolicyParam' };
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
