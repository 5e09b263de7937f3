import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { CLOUDTRAIL_SERVICE } from '../../lib/baseline/log-delivery-services';

/**
 * The grants of an organization trail's archive on one screen: CloudTrail may
 * write, and encrypt, only for the one trail of the management account
 * (`aws:SourceArn`) and only on behalf of the state's organization
 * (`aws:SourceOrgID`); nothing else is admitted (NIST AU-9, AU-9(2)).
 */

/** The organization trail an archive admits. */
export interface OrganizationTrailSource {
  /** The organization id (`o-...`). */
  readonly organizationId: string;
  /** The management account that owns the trail (its own events land under `AWSLogs/<account>/`). */
  readonly managementAccountId: string;
  /** The trail's ARN. */
  readonly trailArn: string;
}

function sourceConditions(source: OrganizationTrailSource): Record<string, string> {
  return { 'aws:SourceArn': source.trailArn, 'aws:SourceOrgID': source.organizationId };
}

/** Bucket policy statements: read the ACL, put log files under the organization's and the management account's prefixes. */
export function organizationTrailBucketStatements(bucket: s3.IBucket, source: OrganizationTrailSource): iam.PolicyStatement[] {
  const principal = new iam.ServicePrincipal(CLOUDTRAIL_SERVICE);
  return [
    new iam.PolicyStatement({
      sid: 'OrganizationTrailAclCheck',
      principals: [principal],
      actions: ['s3:GetBucketAcl'],
      resources: [bucket.bucketArn],
      conditions: { StringEquals: sourceConditions(source) },
    }),
    new iam.PolicyStatement({
      sid: 'OrganizationTrailWrite',
      principals: [principal],
      actions: ['s3:PutObject'],
      resources: [bucket.arnForObjects(`AWSLogs/${source.organizationId}/*`), bucket.arnForObjects(`AWSLogs/${source.managementAccountId}/*`)],
      conditions: { StringEquals: { ...sourceConditions(source), 's3:x-amz-acl': 'bucket-owner-full-control' } },
    }),
  ];
}

/** Key policy statements: CloudTrail encrypts log files for this trail only, in the encryption context of the management account's trails. */
export function organizationTrailKeyStatements(source: OrganizationTrailSource, partition: string): iam.PolicyStatement[] {
  const principal = new iam.ServicePrincipal(CLOUDTRAIL_SERVICE);
  return [
    new iam.PolicyStatement({
      sid: 'OrganizationTrailEncrypt',
      principals: [principal],
      actions: ['kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: {
        StringEquals: sourceConditions(source),
        StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:${partition}:cloudtrail:*:${source.managementAccountId}:trail/*` },
      },
    }),
    new iam.PolicyStatement({
      sid: 'OrganizationTrailDescribeKey',
      principals: [principal],
      actions: ['kms:DescribeKey'],
      resources: ['*'],
      conditions: { StringEquals: sourceConditions(source) },
    }),
  ];
}
