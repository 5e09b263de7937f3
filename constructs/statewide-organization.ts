import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ACCOUNT_ID, ORGANIZATION_ID } from '../lib/baseline/account-id';
import { AWS_REGION } from '../lib/baseline/aws-names';
import { ValidationErrorCode } from '../lib/validation-error';
import { shown, tokenOr, validationError } from './defaults/validate';

/**
 * The state's AWS Organization as the statewide constructs need it: given as
 * literals (no lookups, so synth stays offline), checked at synth.
 */
export interface StatewideOrganization {
  /** The organization id, `o-` and 10 to 32 lowercase letters or digits. */
  readonly organizationId: string;
  /** The management account (12 digits): it owns the organization trail and the stack set. */
  readonly managementAccountId: string;
  /** The log-archive account (12 digits): it holds the write-once archive of the organization trail. */
  readonly logArchiveAccountId: string;
  /** The security-tooling account (12 digits): delegated administrator of GuardDuty and Security Hub. */
  readonly securityToolingAccountId: string;
  /** The home Region of the trail, the archive and the finding aggregator, such as `us-east-1`. */
  readonly homeRegion: string;
}


/** The organization trail's name. */
export const ORGANIZATION_TRAIL_NAME = 'election-organization-trail';
/** The alias of the archive key the organization trail encrypts with. */
export const ORGANIZATION_TRAIL_KEY_ALIAS = 'alias/election-organization-trail';

/**
 * Checks every field, throwing with the construct path, the field, the value
 * and what is allowed; the three state accounts must differ (NIST AU-9(2):
 * logs apart from what they record).
 */
export function checkedOrganization(scope: IConstruct, org: StatewideOrganization): StatewideOrganization {
  const fail = (field: string, value: unknown, allowed: string, code = tokenOr(value, ValidationErrorCode.INVALID_VALUE)): never => {
    throw validationError(scope, code, `organization.${field}`, `is ${shown(value)}`, allowed);
  };
  if (Token.isUnresolved(org.organizationId) || !ORGANIZATION_ID.test(org.organizationId)) {
    fail('organizationId', org.organizationId, "give the literal organization id ('o-' and 10 to 32 lowercase letters or digits)");
  }
  for (const field of ['managementAccountId', 'logArchiveAccountId', 'securityToolingAccountId'] as const) {
    if (Token.isUnresolved(org[field]) || !ACCOUNT_ID.test(org[field])) fail(field, org[field], 'give the literal 12-digit account id');
  }
  if (Token.isUnresolved(org.homeRegion) || !AWS_REGION.test(org.homeRegion)) fail('homeRegion', org.homeRegion, "give a literal Region such as 'us-east-1'");
  const accounts = [org.managementAccountId, org.logArchiveAccountId, org.securityToolingAccountId];
  if (new Set(accounts).size !== accounts.length) {
    fail('logArchiveAccountId', org.logArchiveAccountId, 'the management, log-archive and security-tooling accounts must be three different accounts (NIST AU-9(2))',
      ValidationErrorCode.WEAKENS_BASELINE);
  }
  return org;
}

/** The archive bucket's name: fixed, so the management account's trail can name a bucket of another account without a lookup. */
export function organizationArchiveBucketName(org: StatewideOrganization): string {
  return `election-org-trail-${org.logArchiveAccountId}-${org.homeRegion}`;
}

/** The organization trail's ARN: a trail of the management account in the home Region. */
export function organizationTrailArn(org: StatewideOrganization): string {
  return `arn:${partitionOf(org.homeRegion)}:cloudtrail:${org.homeRegion}:${org.managementAccountId}:trail/${ORGANIZATION_TRAIL_NAME}`;
}

/** The ARN of the archive key's alias, by which the management account's trail names a key of the log-archive account. */
export function organizationTrailKeyArn(org: StatewideOrganization): string {
  return `arn:${partitionOf(org.homeRegion)}:kms:${org.homeRegion}:${org.logArchiveAccountId}:${ORGANIZATION_TRAIL_KEY_ALIAS}`;
}

/** The partition of a literal Region: GovCloud (`us-gov-*`) is `aws-us-gov`, where many election offices run. */
export function partitionOf(region: string): string {
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('cn-')) return 'aws-cn';
  return 'aws';
}
