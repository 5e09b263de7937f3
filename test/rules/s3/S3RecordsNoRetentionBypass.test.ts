import { NagRuleCompliance } from 'cdk-nag';
import { S3RecordsNoRetentionBypass as rule } from '../../../lib/rules/s3/S3RecordsNoRetentionBypass';
import { Body, bucketArn, compliantBucketTemplate, judge, objectsArn, tlsOnlyStatement } from '../../helpers/template-fixtures';

function withGrant(statement: Record<string, unknown>, dataClass = 'election-records'): Record<string, Body> {
  const t = compliantBucketTemplate(dataClass);
  t.BucketPolicy.Properties!.PolicyDocument = { Statement: [tlsOnlyStatement(), statement] };
  return t;
}

function withIamPolicy(statement: Record<string, unknown>, type = 'AWS::IAM::Policy'): Record<string, Body> {
  const t = compliantBucketTemplate();
  const document = { Statement: [statement] };
  t.Grant = type === 'AWS::IAM::Role'
    ? { Type: type, Properties: { AssumeRolePolicyDocument: {}, Policies: [{ PolicyName: 'p', PolicyDocument: document }] } }
    : { Type: type, Properties: { PolicyDocument: document, PolicyName: 'p' } };
  return t;
}

const everyone = { AWS: '*' };

describe('S3RecordsNoRetentionBypass', () => {
  test('compliant: the TLS-only deny and a put-only grant to one role', () => {
    expect(judge(rule, compliantBucketTemplate(), 'BucketPolicy')).toBe(NagRuleCompliance.COMPLIANT);
    const t = withIamPolicy({ Effect: 'Allow', Action: 's3:PutObject', Resource: objectsArn });
    expect(judge(rule, t, 'Grant')).toBe(NagRuleCompliance.COMPLIANT);
    const readAll = withIamPolicy({ Effect: 'Allow', Action: ['s3:GetObject*', 's3:List*'], Resource: '*' });
    expect(judge(rule, readAll, 'Grant')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['BypassGovernanceRetention', 's3:BypassGovernanceRetention'],
    ['PutBucketObjectLockConfiguration', 's3:PutBucketObjectLockConfiguration'],
    ['s3:*', 's3:*'],
    ['*', '*'],
    ['s3:Put* (matches the lock configuration)', 's3:Put*'],
    ['lower-case s3:bypassgovernanceretention', 's3:bypassgovernanceretention'],
  ])('non-compliant: bucket policy grants %s to everyone', (_, action) => {
    const t = withGrant({ Effect: 'Allow', Principal: everyone, Action: action, Resource: [bucketArn, objectsArn] });
    expect(judge(rule, t, 'BucketPolicy')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('non-compliant: NotAction that leaves the lock actions allowed', () => {
    const t = withGrant({ Effect: 'Allow', Principal: '*', NotAction: 's3:DeleteObject', Resource: objectsArn });
    expect(judge(rule, t, 'BucketPolicy')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each(['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::Role'])('non-compliant: %s grants s3:* on the records bucket', (type) => {
    const t = withIamPolicy({ Effect: 'Allow', Action: 's3:*', Resource: [bucketArn, objectsArn] }, type);
    expect(judge(rule, t, 'Grant')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('non-compliant: an IAM policy grants the lock action on every resource', () => {
    const t = withIamPolicy({ Effect: 'Allow', Action: 's3:PutBucketObjectLockConfiguration', Resource: '*' });
    expect(judge(rule, t, 'Grant')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the policy of a bucket of another class', () => {
    const t = withGrant({ Effect: 'Allow', Principal: everyone, Action: 's3:*', Resource: objectsArn }, 'operational');
    expect(judge(rule, t, 'BucketPolicy')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('compliant: an IAM s3:* grant on a bucket of another class only', () => {
    const t = withIamPolicy({ Effect: 'Allow', Action: 's3:*', Resource: { 'Fn::GetAtt': ['LogBucket', 'Arn'] } });
    expect(judge(rule, t, 'Grant')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('unresolvable: documents, principals and resources from parameters fail closed', () => {
    const doc = compliantBucketTemplate();
    doc.BucketPolicy.Properties!.PolicyDocument = { Ref: 'PolicyJson' };
    expect(judge(rule, doc, 'BucketPolicy')).toBe(NagRuleCompliance.NON_COMPLIANT);
    const principal = withGrant({ Effect: 'Allow', Principal: { AWS: { Ref: 'Who' } }, Action: 's3:*', Resource: objectsArn });
    expect(judge(rule, principal, 'BucketPolicy')).toBe(NagRuleCompliance.NON_COMPLIANT);
    const resource = withIamPolicy({ Effect: 'Allow', Action: 's3:*', Resource: { 'Fn::ImportValue': 'SomeBucketArn' } });
    expect(judge(rule, resource, 'Grant')).toBe(NagRuleCompliance.NON_COMPLIANT);
    const unknownBucket = compliantBucketTemplate();
    unknownBucket.BucketPolicy.Properties = {
      Bucket: { Ref: 'BucketNameParam' },
      PolicyDocument: { Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }] },
    };
    expect(judge(rule, unknownBucket, 'BucketPolicy')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});

describe('S3RecordsNoRetentionBypass: resources however they are spelled', () => {
  test.each([
    ['Fn::Sub of the bucket ARN', { 'Fn::Sub': '${Bucket.Arn}/*' }],
    ['Fn::Sub with the partition and the bucket name', { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Bucket}' }],
    ['a wildcard name that may match the generated name', 'arn:aws:s3:::*results*'],
    ['a literal ARN of the named records bucket', 'arn:aws-us-gov:s3:::county-records/*'],
  ])('non-compliant: s3:* on %s', (_, resource) => {
    const t = withIamPolicy({ Effect: 'Allow', Action: 's3:*', Resource: resource });
    t.Bucket.Properties!.BucketName = resource === 'arn:aws:s3:::*results*' ? undefined : 'county-records';
    expect(judge(rule, t, 'Grant')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each([
    ['a literal ARN of another named bucket', 'arn:aws:s3:::county-website/*'],
    ['a Join naming another bucket by literal name', { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::county-website/*']] }],
    ['a DynamoDB table', 'arn:aws:dynamodb:us-east-1:111122223333:table/*'],
  ])('compliant: s3:* on %s', (_, resource) => {
    const t = withIamPolicy({ Effect: 'Allow', Action: 's3:*', Resource: resource });
    t.Bucket.Properties!.BucketName = 'county-records';
    expect(judge(rule, t, 'Grant')).toBe(NagRuleCompliance.COMPLIANT);
  });
});
