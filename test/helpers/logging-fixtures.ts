import { Body, compliantBucketTemplate } from './template-fixtures';

/**
 * A trail that meets the whole logging baseline, with its key, log group,
 * role and write-once archive bucket (`Bucket`, audit-logs, COMPLIANCE 913 days).
 */
export function compliantTrailTemplate(trail: Record<string, unknown> = {}): Record<string, Body> {
  const resources = compliantBucketTemplate('audit-logs', {
    ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 913 } } },
  });
  return {
    ...resources,
    LogGroup: {
      Type: 'AWS::Logs::LogGroup',
      Properties: { KmsKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] }, RetentionInDays: 731, Tags: [{ Key: 'election:data-class', Value: 'audit-logs' }] },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    },
    LogsRole: { Type: 'AWS::IAM::Role', Properties: {} },
    Trail: {
      Type: 'AWS::CloudTrail::Trail',
      Properties: {
        IsLogging: true,
        EnableLogFileValidation: true,
        IsMultiRegionTrail: true,
        IncludeGlobalServiceEvents: true,
        KMSKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] },
        S3BucketName: { Ref: 'Bucket' },
        CloudWatchLogsLogGroupArn: { 'Fn::GetAtt': ['LogGroup', 'Arn'] },
        CloudWatchLogsRoleArn: { 'Fn::GetAtt': ['LogsRole', 'Arn'] },
        ...trail,
      },
    },
  };
}

/** The TLS-only statement CDK writes for a topic's `enforceSSL`. */
export function topicTlsStatement(): Record<string, unknown> {
  return {
    Sid: 'AllowPublishThroughSSLOnly',
    Effect: 'Deny',
    Principal: '*',
    Action: 'sns:Publish',
    Resource: { Ref: 'Topic' },
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}

/** An encrypted topic with a TLS-only topic policy, as the reference app builds it. */
export function compliantTopicTemplate(): Record<string, Body> {
  return {
    TopicKey: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } },
    Topic: { Type: 'AWS::SNS::Topic', Properties: { KmsMasterKeyId: { 'Fn::GetAtt': ['TopicKey', 'Arn'] } } },
    TopicPolicy: {
      Type: 'AWS::SNS::TopicPolicy',
      Properties: { Topics: [{ Ref: 'Topic' }], PolicyDocument: { Version: '2012-10-17', Statement: [topicTlsStatement()] } },
    },
  };
}

/** Returns a deep copy of `template` with one resource's properties changed by `edit`. */
export function editing(template: Record<string, Body>, id: string, edit: (props: Record<string, unknown>) => void): Record<string, Body> {
  const copy = JSON.parse(JSON.stringify(template)) as Record<string, Body>;
  copy[id].Properties = copy[id].Properties ?? {};
  edit(copy[id].Properties!);
  return copy;
}
