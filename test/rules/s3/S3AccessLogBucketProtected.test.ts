import { NagRuleCompliance } from 'cdk-nag';
import { S3AccessLogBucketProtected as rule } from '../../../lib/rules/s3/S3AccessLogBucketProtected';
import { Body, judge } from '../../helpers/template-fixtures';

const logsArn = { 'Fn::GetAtt': ['Logs', 'Arn'] };
const logsObjects = { 'Fn::Join': ['', [logsArn, '/*']] };
const versioned = { VersioningConfiguration: { Status: 'Enabled' } };
const lock = (mode: string, days: unknown) => ({
  ObjectLockEnabled: true,
  ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: mode, Days: days } } },
});
/** What SecureBucket's access-log bucket carries. */
const deleteDeny = (extra: Record<string, unknown> = {}) => ({
  Effect: 'Deny', Principal: { AWS: '*' }, Action: ['s3:DeleteObject', 's3:DeleteObjectVersion'], Resource: logsObjects, ...extra,
});
const policy = (...statements: unknown[]): Body => ({
  Type: 'AWS::S3::BucketPolicy',
  Properties: { Bucket: { Ref: 'Logs' }, PolicyDocument: { Version: '2012-10-17', Statement: statements } },
});

/** `Logs` receiving the server access logs of `Data`. */
function serverAccessTarget(logs: Record<string, unknown>, ...statements: unknown[]): Record<string, Body> {
  return {
    Data: { Type: 'AWS::S3::Bucket', Properties: { LoggingConfiguration: { DestinationBucketName: { Ref: 'Logs' } } } },
    Logs: { Type: 'AWS::S3::Bucket', Properties: logs },
    LogsPolicy: policy(...statements),
  };
}

/** `Logs` named by a CloudWatch log delivery destination (CloudFront standard logging v2, as HardenedStaticSite makes it). */
function vendedTarget(logs: Record<string, unknown>): Record<string, Body> {
  return {
    Logs: { Type: 'AWS::S3::Bucket', Properties: logs },
    Destination: { Type: 'AWS::Logs::DeliveryDestination', Properties: { Name: 'site', DestinationResourceArn: logsArn } },
  };
}

/** `Logs` named by a distribution's legacy logging. */
function legacyCloudFrontTarget(logs: Record<string, unknown>, ...statements: unknown[]): Record<string, Body> {
  return {
    Logs: { Type: 'AWS::S3::Bucket', Properties: logs },
    LogsPolicy: policy(...statements),
    Site: { Type: 'AWS::CloudFront::Distribution', Properties: { DistributionConfig: { Logging: { Bucket: { 'Fn::GetAtt': ['Logs', 'RegionalDomainName'] } } } } },
  };
}

describe('S3AccessLogBucketProtected', () => {
  test.each([
    ['a server access log target: versioned, no Object Lock, deletes denied to everyone', serverAccessTarget(versioned, deleteDeny())],
    ['the same with s3:Delete* on "*"', serverAccessTarget({ ...versioned, ObjectLockEnabled: false }, deleteDeny({ Action: 's3:Delete*', Resource: '*' }))],
    ['a vended delivery target with COMPLIANCE 365 days', vendedTarget(lock('COMPLIANCE', 365))],
    ['a vended delivery target by its bucket policy, COMPLIANCE 1 year', {
      Logs: { Type: 'AWS::S3::Bucket', Properties: { ObjectLockEnabled: true, ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Years: 1 } } } } },
      LogsPolicy: policy({ Effect: 'Allow', Principal: { Service: 'delivery.logs.amazonaws.com' }, Action: 's3:PutObject', Resource: logsObjects }),
    }],
    ['a legacy CloudFront target with Object Lock', legacyCloudFrontTarget(lock('COMPLIANCE', 400))],
    ['a legacy CloudFront target with deletes denied instead', legacyCloudFrontTarget(versioned, deleteDeny())],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t as Record<string, Body>, 'Logs')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['a server access log target with no Deny (red team: deny removed)', serverAccessTarget(versioned)],
    ['a server access log target with Object Lock: S3 delivers no logs to it', serverAccessTarget({ ...versioned, ...lock('COMPLIANCE', 365) }, deleteDeny())],
    ['a server access log target not versioned', serverAccessTarget({}, deleteDeny())],
    ['a Deny that leaves DeleteObjectVersion', serverAccessTarget(versioned, deleteDeny({ Action: 's3:DeleteObject' }))],
    ['a Deny with a condition', serverAccessTarget(versioned, deleteDeny({ Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }))],
    ['a Deny of the bucket, not its objects', serverAccessTarget(versioned, deleteDeny({ Resource: logsArn }))],
    ['a Deny to one account only', serverAccessTarget(versioned, deleteDeny({ Principal: { AWS: 'arn:aws:iam::111111111111:root' } }))],
    ['a target of both paths: one bucket cannot serve both', { ...serverAccessTarget({ ...versioned, ...lock('COMPLIANCE', 365) }, deleteDeny()), ...vendedTarget({ ...versioned, ...lock('COMPLIANCE', 365) }) }],
    ['a vended target without Object Lock', vendedTarget(versioned)],
    ['a vended target in GOVERNANCE mode', vendedTarget(lock('GOVERNANCE', 365))],
    ['a vended target kept 364 days (red team: retention cut)', vendedTarget(lock('COMPLIANCE', 364))],
    ['a legacy CloudFront target with neither', legacyCloudFrontTarget(versioned)],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t as Record<string, Body>, 'Logs')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each([
    ['a bucket nothing logs to', { Logs: { Type: 'AWS::S3::Bucket', Properties: {} } }],
    ['a bucket logging to itself', { Logs: { Type: 'AWS::S3::Bucket', Properties: { LoggingConfiguration: { DestinationBucketName: { Ref: 'Logs' } } } } }],
    ['a bucket policy', serverAccessTarget(versioned), 'LogsPolicy'],
  ])('not applicable: %s', (_, t, id = 'Logs') => {
    expect(judge(rule, t as Record<string, Body>, id)).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a bucket policy from a parameter', {
      ...serverAccessTarget(versioned),
      LogsPolicy: { Type: 'AWS::S3::BucketPolicy', Properties: { Bucket: { Ref: 'Logs' }, PolicyDocument: { Ref: 'Doc' } } },
    }],
    ['a Deny whose resource is a parameter', serverAccessTarget(versioned, deleteDeny({ Resource: { Ref: 'LogsArn' } }))],
    ['Object Lock decided by a condition', serverAccessTarget({ ...versioned, ObjectLockEnabled: { 'Fn::If': ['Lock', true, false] } }, deleteDeny())],
    ['a retention from a parameter', vendedTarget(lock('COMPLIANCE', { Ref: 'Days' }))],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t as Record<string, Body>, 'Logs')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
