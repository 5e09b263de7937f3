import { NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../lib/pack/election-rule';
import { StackTemplate } from '../../lib/pack/template-model';

/** A resource body as a bare template carries it. */
export type Body = { Type: string; Properties?: Record<string, unknown>; DeletionPolicy?: unknown; UpdateReplacePolicy?: unknown };

/** Judges `logicalId` of a bare template (with its `Parameters`, if any) with one rule, as an auditor's run would. */
export function judge(rule: ElectionRule, resources: Record<string, Body>, logicalId: string, parameters: Record<string, unknown> = {}): NagRuleCompliance {
  const template = StackTemplate.fromResources(resources, undefined, parameters);
  const resource = template.get(logicalId);
  if (!resource) throw new Error(`fixture has no ${logicalId}`);
  if (!rule.resourceTypes.includes(resource.type)) return NagRuleCompliance.NOT_APPLICABLE;
  return rule.check(resource, template);
}

export const keyArn = { 'Fn::GetAtt': ['Key', 'Arn'] };
export const bucketArn = { 'Fn::GetAtt': ['Bucket', 'Arn'] };
export const objectsArn = { 'Fn::Join': ['', [bucketArn, '/*']] };

/** The TLS-only statement CDK writes for `enforceSSL`. */
export function tlsOnlyStatement(): Record<string, unknown> {
  return {
    Effect: 'Deny',
    Principal: { AWS: '*' },
    Action: 's3:*',
    Resource: [bucketArn, objectsArn],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}

/** A bucket of `dataClass` that meets the whole baseline, with its key, policy and log bucket. */
export function compliantBucketTemplate(dataClass = 'election-records', bucket: Record<string, unknown> = {}): Record<string, Body> {
  const props: Record<string, unknown> = {
    BucketEncryption: {
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: keyArn } }],
    },
    PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    VersioningConfiguration: { Status: 'Enabled' },
    OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    LoggingConfiguration: { DestinationBucketName: { Ref: 'LogBucket' }, LogFilePrefix: 'records/' },
    ObjectLockEnabled: true,
    ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 730 } } },
    Tags: [{ Key: 'election:data-class', Value: dataClass }],
    ...bucket,
  };
  return {
    Key: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true }, DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' },
    Bucket: { Type: 'AWS::S3::Bucket', Properties: props, DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' },
    BucketPolicy: {
      Type: 'AWS::S3::BucketPolicy',
      Properties: { Bucket: { Ref: 'Bucket' }, PolicyDocument: { Version: '2012-10-17', Statement: [tlsOnlyStatement()] } },
    },
    LogBucket: {
      Type: 'AWS::S3::Bucket',
      Properties: { Tags: [{ Key: 'election:data-class', Value: 'audit-logs' }] },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    },
  };
}

/** Returns a copy of `template` with `Bucket`'s properties changed by `edit`. */
export function withBucket(template: Record<string, Body>, edit: (props: Record<string, unknown>) => void): Record<string, Body> {
  const copy = JSON.parse(JSON.stringify(template)) as Record<string, Body>;
  edit(copy.Bucket.Properties!);
  return copy;
}
