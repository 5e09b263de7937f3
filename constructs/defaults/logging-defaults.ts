import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { CLOUDTRAIL_SERVICE, CONFIG_SERVICE, LOG_DELIVERY_SERVICE } from '../../lib/baseline/log-delivery-services';

/**
 * The log-delivery grants on one screen: which AWS service may write what
 * into the log archive, and use which key. Every grant is pinned to this
 * account with `aws:SourceAccount` (and to the source with `aws:SourceArn`
 * where it is known), so no other account can make AWS deliver its logs, or
 * forged logs, into the archive (the confused-deputy problem; NIST AU-9).
 */


const OWNER_FULL_CONTROL = { 's3:x-amz-acl': 'bucket-owner-full-control' };

/** The ARN of a trail of this account; CloudTrail names its source ARN by the trail's home Region. */
export function trailArn(stack: Stack, trailName: string): string {
  return stack.formatArn({ service: 'cloudtrail', resource: 'trail', resourceName: trailName, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
}

/** Any trail of this account, in any Region. */
function anyTrailOfAccount(stack: Stack): string {
  return `arn:${stack.partition}:cloudtrail:*:${stack.account}:trail/*`;
}

/** Any vended log delivery source of this account (CloudFront's is in us-east-1, WAF's in the ACL's Region). */
function anyLogDeliverySourceOfAccount(stack: Stack): string {
  return `arn:${stack.partition}:logs:*:${stack.account}:*`;
}

/**
 * Bucket policy statements for CloudTrail: read the bucket ACL, put objects
 * under `AWSLogs/<account>/`, for any trail of this account.
 */
export function cloudTrailBucketStatements(bucket: s3.IBucket): iam.PolicyStatement[] {
  const stack = Stack.of(bucket);
  const account = { 'aws:SourceAccount': stack.account };
  const source = { ArnLike: { 'aws:SourceArn': anyTrailOfAccount(stack) } };
  const principal = new iam.ServicePrincipal(CLOUDTRAIL_SERVICE);
  return [
    new iam.PolicyStatement({ sid: 'CloudTrailAclCheck', principals: [principal], actions: ['s3:GetBucketAcl'], resources: [bucket.bucketArn], conditions: { StringEquals: account, ...source } }),
    new iam.PolicyStatement({
      sid: 'CloudTrailWrite',
      principals: [principal],
      actions: ['s3:PutObject'],
      resources: [bucket.arnForObjects(`AWSLogs/${stack.account}/*`)],
      conditions: { StringEquals: { ...account, ...OWNER_FULL_CONTROL }, ...source },
    }),
  ];
}

/** Bucket policy statements for the AWS Config delivery channel of this account. */
export function configBucketStatements(bucket: s3.IBucket): iam.PolicyStatement[] {
  const stack = Stack.of(bucket);
  const principal = new iam.ServicePrincipal(CONFIG_SERVICE);
  const account = { 'aws:SourceAccount': stack.account };
  return [
    new iam.PolicyStatement({ sid: 'ConfigAclCheck', principals: [principal], actions: ['s3:GetBucketAcl', 's3:ListBucket'], resources: [bucket.bucketArn], conditions: { StringEquals: account } }),
    new iam.PolicyStatement({
      sid: 'ConfigWrite',
      principals: [principal],
      actions: ['s3:PutObject'],
      resources: [bucket.arnForObjects(`AWSLogs/${stack.account}/Config/*`)],
      conditions: { StringEquals: { ...account, ...OWNER_FULL_CONTROL } },
    }),
  ];
}

/** Bucket policy statements for CloudWatch vended log delivery (CloudFront, WAF) of this account. */
export function logDeliveryBucketStatements(bucket: s3.IBucket): iam.PolicyStatement[] {
  const stack = Stack.of(bucket);
  const principal = new iam.ServicePrincipal(LOG_DELIVERY_SERVICE);
  const account = { 'aws:SourceAccount': stack.account };
  const source = { ArnLike: { 'aws:SourceArn': anyLogDeliverySourceOfAccount(stack) } };
  return [
    new iam.PolicyStatement({ sid: 'LogDeliveryAclCheck', principals: [principal], actions: ['s3:GetBucketAcl'], resources: [bucket.bucketArn], conditions: { StringEquals: account, ...source } }),
    new iam.PolicyStatement({
      sid: 'LogDeliveryWrite',
      principals: [principal],
      actions: ['s3:PutObject'],
      resources: [bucket.arnForObjects(`AWSLogs/${stack.account}/*`)],
      conditions: { StringEquals: { ...account, ...OWNER_FULL_CONTROL }, ...source },
    }),
  ];
}

/**
 * Key policy statements that let the delivery services encrypt log objects
 * under the archive's bucket default key (SSE-KMS with a customer-managed key
 * needs the writer to hold kms:GenerateDataKey; the S3 Bucket Key also needs kms:Decrypt).
 */
export function archiveKeyStatements(stack: Stack): iam.PolicyStatement[] {
  const account = { 'aws:SourceAccount': stack.account };
  const actions = ['kms:GenerateDataKey*', 'kms:Decrypt'];
  return [
    new iam.PolicyStatement({
      sid: 'CloudTrailEncryptLogs',
      principals: [new iam.ServicePrincipal(CLOUDTRAIL_SERVICE)],
      actions,
      resources: ['*'],
      conditions: { StringEquals: account, ArnLike: { 'aws:SourceArn': anyTrailOfAccount(stack) } },
    }),
    new iam.PolicyStatement({ sid: 'ConfigEncryptLogs', principals: [new iam.ServicePrincipal(CONFIG_SERVICE)], actions, resources: ['*'], conditions: { StringEquals: account } }),
    new iam.PolicyStatement({
      sid: 'LogDeliveryEncryptLogs',
      principals: [new iam.ServicePrincipal(LOG_DELIVERY_SERVICE)],
      actions,
      resources: ['*'],
      conditions: { StringEquals: account, ArnLike: { 'aws:SourceArn': anyLogDeliverySourceOfAccount(stack) } },
    }),
  ];
}

/**
 * Key policy statements of a trail's own key, as the CloudTrail guide gives
 * them: encrypt only for this trail (aws:SourceArn) and only in the
 * encryption context of this account's trails; describe the key.
 */
export function trailKeyStatements(stack: Stack, trail: string): iam.PolicyStatement[] {
  const principal = new iam.ServicePrincipal(CLOUDTRAIL_SERVICE);
  return [
    new iam.PolicyStatement({
      sid: 'CloudTrailEncryptLogs',
      principals: [principal],
      actions: ['kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: {
        StringEquals: { 'aws:SourceArn': trail },
        StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': anyTrailOfAccount(stack) },
      },
    }),
    new iam.PolicyStatement({
      sid: 'CloudTrailDescribeKey',
      principals: [principal],
      actions: ['kms:DescribeKey'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:SourceArn': trail } },
    }),
  ];
}

/**
 * Key policy statement that lets CloudWatch Logs use the key for one log
 * group only: the encryption context names the log group's ARN.
 */
export function logGroupKeyStatement(stack: Stack, logGroupName: string): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid: 'CloudWatchLogsEncryptLogGroup',
    principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
    actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
    resources: ['*'],
    conditions: {
      ArnEquals: {
        'kms:EncryptionContext:aws:logs:arn': stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME }),
      },
    },
  });
}
