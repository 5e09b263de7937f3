import { ElectionRule } from '../pack/election-rule';
import { DataStoreClassified } from './common/DataStoreClassified';
import { RetainStatefulResources } from './common/RetainStatefulResources';
import { KmsKeyPolicyNoOpenPrincipal } from './kms/KmsKeyPolicyNoOpenPrincipal';
import { KmsKeyRotation } from './kms/KmsKeyRotation';
import { S3BucketCustomerManagedKey } from './s3/S3BucketCustomerManagedKey';
import { S3BucketNoAcls } from './s3/S3BucketNoAcls';
import { S3BucketPublicAccessBlocked } from './s3/S3BucketPublicAccessBlocked';
import { S3BucketServerAccessLogs } from './s3/S3BucketServerAccessLogs';
import { S3BucketTlsOnly } from './s3/S3BucketTlsOnly';
import { S3BucketVersioning } from './s3/S3BucketVersioning';
import { S3RecordsNoRetentionBypass } from './s3/S3RecordsNoRetentionBypass';
import { S3RecordsObjectLock } from './s3/S3RecordsObjectLock';
// edge rule imports (issue 3)
// logging rule imports (issue 4)

/** Every rule of the election baseline, in the order the pack applies them. */
export const ELECTION_RULES: readonly ElectionRule[] = [
  DataStoreClassified,
  RetainStatefulResources,
  S3BucketCustomerManagedKey,
  S3BucketPublicAccessBlocked,
  S3BucketTlsOnly,
  S3BucketVersioning,
  S3BucketServerAccessLogs,
  S3BucketNoAcls,
  S3RecordsObjectLock,
  S3RecordsNoRetentionBypass,
  KmsKeyRotation,
  KmsKeyPolicyNoOpenPrincipal,
  // edge rules (issue 3)
  // logging rules (issue 4)
];
