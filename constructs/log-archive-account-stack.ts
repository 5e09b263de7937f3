import { Stack, StackProps } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { LogArchiveBucket } from './log-archive-bucket';
import {
  checkedOrganization,
  ORGANIZATION_TRAIL_KEY_ALIAS,
  organizationArchiveBucketName,
  organizationTrailArn,
  StatewideOrganization,
} from './statewide-organization';

/** Properties of a LogArchiveAccountStack. */
export interface LogArchiveAccountStackProps extends StackProps {
  /** The state's organization; the stack deploys to its log-archive account and home Region (`env` is set from it). */
  readonly organization: StatewideOrganization;
}

/**
 * The state's log-archive account: the write-once LogArchiveBucket
 * (Object Lock COMPLIANCE, 913 days) that the organization trail of the
 * management account writes every county's CloudTrail into, named
 * `election-org-trail-<account>-<region>`, with its key under the alias
 * `alias/election-organization-trail`, which the trail encrypts with. Bucket
 * and key policies admit that one trail of that organization and nothing
 * else. An intruder with administrator rights in a county, or in the
 * management account, cannot erase the record (NIST AU-9(2), AU-11; CISA CPG 2.U).
 */
export class LogArchiveAccountStack extends Stack {
  /** The organization trail's write-once archive. */
  public readonly archive: LogArchiveBucket;
  /** The alias by which the management account's trail names the archive key. */
  public readonly keyAlias: kms.Alias;

  constructor(scope: Construct, id: string, props: LogArchiveAccountStackProps) {
    super(scope, id, { ...props, env: { account: props.organization.logArchiveAccountId, region: props.organization.homeRegion } });
    const org = checkedOrganization(this, props.organization);
    this.archive = new LogArchiveBucket(this, 'OrganizationTrailArchive', {
      bucketName: organizationArchiveBucketName(org),
      organizationTrail: { organizationId: org.organizationId, managementAccountId: org.managementAccountId, trailArn: organizationTrailArn(org) },
    });
    this.keyAlias = new kms.Alias(this, 'ArchiveKeyAlias', { aliasName: ORGANIZATION_TRAIL_KEY_ALIAS, targetKey: this.archive.encryptionKey });
  }
}
