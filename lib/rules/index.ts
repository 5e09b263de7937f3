import { ElectionRule } from '../pack/election-rule';
import { ApiGatewayAccessLogging } from './apigateway/ApiGatewayAccessLogging';
import { ApiGatewayExecutionLogging } from './apigateway/ApiGatewayExecutionLogging';
import { ApiGatewayNoPublicPiiRead } from './apigateway/ApiGatewayNoPublicPiiRead';
import { ApiGatewayRequestValidation } from './apigateway/ApiGatewayRequestValidation';
import { ApiGatewayStageNoPlaintextSecrets } from './apigateway/ApiGatewayStageNoPlaintextSecrets';
import { ApiGatewayThrottling } from './apigateway/ApiGatewayThrottling';
import { ApiGatewayTls } from './apigateway/ApiGatewayTls';
import { ApiGatewayWebAcl } from './apigateway/ApiGatewayWebAcl';
import { BackupVaultCustomerManagedKey } from './backup/BackupVaultCustomerManagedKey';
import { BackupVaultLocked } from './backup/BackupVaultLocked';
import { BackupVaultNoOpenPolicy } from './backup/BackupVaultNoOpenPolicy';
import { CloudFrontAccessLogging } from './cloudfront/CloudFrontAccessLogging';
import { CloudFrontCacheKeyBounded } from './cloudfront/CloudFrontCacheKeyBounded';
import { CloudFrontCachingEnabled } from './cloudfront/CloudFrontCachingEnabled';
import { CloudFrontHsts } from './cloudfront/CloudFrontHsts';
import { CloudFrontNoGeoRestriction } from './cloudfront/CloudFrontNoGeoRestriction';
import { CloudFrontS3OriginAccessControl } from './cloudfront/CloudFrontS3OriginAccessControl';
import { CloudFrontSecurityHeaders } from './cloudfront/CloudFrontSecurityHeaders';
import { CloudFrontTlsMinimum } from './cloudfront/CloudFrontTlsMinimum';
import { CloudFrontViewerHttpsOnly } from './cloudfront/CloudFrontViewerHttpsOnly';
import { CloudFrontWebAclAttached } from './cloudfront/CloudFrontWebAclAttached';
import { StackSetAutoDeployment } from './cloudformation/StackSetAutoDeployment';
import { StackSetExecutionRole } from './cloudformation/StackSetExecutionRole';
import { CloudTrailCloudWatchLogs } from './cloudtrail/CloudTrailCloudWatchLogs';
import { CloudTrailEncrypted } from './cloudtrail/CloudTrailEncrypted';
import { CloudTrailLogFileValidation } from './cloudtrail/CloudTrailLogFileValidation';
import { CloudTrailLogging } from './cloudtrail/CloudTrailLogging';
import { CloudTrailManagementEvents } from './cloudtrail/CloudTrailManagementEvents';
import { CloudTrailMultiRegion } from './cloudtrail/CloudTrailMultiRegion';
import { CloudTrailOrganizationScope } from './cloudtrail/CloudTrailOrganizationScope';
import { CloudTrailWormBucket } from './cloudtrail/CloudTrailWormBucket';
import { CloudTrailAlarmSet } from './cloudwatch/CloudTrailAlarmSet';
import { CloudWatchAlarmHasAction } from './cloudwatch/CloudWatchAlarmHasAction';
import { CognitoMfaRequired } from './cognito/CognitoMfaRequired';
import { CognitoThreatProtection } from './cognito/CognitoThreatProtection';
import { CognitoUserPoolHardened } from './cognito/CognitoUserPoolHardened';
import { CognitoWebAcl } from './cognito/CognitoWebAcl';
import { DataStoreClassified } from './common/DataStoreClassified';
import { RetainStatefulResources } from './common/RetainStatefulResources';
import { SecurityControlUnconditional } from './common/SecurityControlUnconditional';
import { ConfigRecorderAllResources } from './config/ConfigRecorderAllResources';
import { DynamoDbCustomerManagedKey } from './dynamodb/DynamoDbCustomerManagedKey';
import { DynamoDbDeletionProtection } from './dynamodb/DynamoDbDeletionProtection';
import { DynamoDbNoForeignAccount } from './dynamodb/DynamoDbNoForeignAccount';
import { DynamoDbNoOpenResourcePolicy } from './dynamodb/DynamoDbNoOpenResourcePolicy';
import { DynamoDbPointInTimeRecovery } from './dynamodb/DynamoDbPointInTimeRecovery';
import { Ec2NoOpenAdminPorts } from './ec2/Ec2NoOpenAdminPorts';
import { Ec2NoOpenDatabasePorts } from './ec2/Ec2NoOpenDatabasePorts';
import { ElbListenerPassThrough } from './elb/ElbListenerPassThrough';
import { ElbListenerTlsOnly } from './elb/ElbListenerTlsOnly';
import { ElbListenerTlsPolicy } from './elb/ElbListenerTlsPolicy';
import { EcrRepositoryNoForeignAccount } from './ecr/EcrRepositoryNoForeignAccount';
import { EfsCustomerManagedKey } from './efs/EfsCustomerManagedKey';
import { EfsNoOpenPolicy } from './efs/EfsNoOpenPolicy';
import { FindingsRouteEnabled } from './events/FindingsRouteEnabled';
import { GuardDutyEnabled } from './guardduty/GuardDutyEnabled';
import { GuardDutyNoAutoArchive } from './guardduty/GuardDutyNoAutoArchive';
import { IamNoAdminAccess } from './iam/IamNoAdminAccess';
import { IamNoAuditLogTampering } from './iam/IamNoAuditLogTampering';
import { IamNoLongLivedCredentials } from './iam/IamNoLongLivedCredentials';
import { IamRoleTrustNoForeignAccount } from './iam/IamRoleTrustNoForeignAccount';
import { IamRoleTrustNoOpenPrincipal } from './iam/IamRoleTrustNoOpenPrincipal';
import { KmsKeyDeletionGuarded } from './kms/KmsKeyDeletionGuarded';
import { KmsKeyPolicyNoForeignAccount } from './kms/KmsKeyPolicyNoForeignAccount';
import { KmsKeyPolicyNoOpenPrincipal } from './kms/KmsKeyPolicyNoOpenPrincipal';
import { KmsKeyRotation } from './kms/KmsKeyRotation';
import { KmsKeyUnverifiable } from './kms/KmsKeyUnverifiable';
import { LambdaFunctionUrlAuth } from './lambda/LambdaFunctionUrlAuth';
import { LambdaNoPlaintextSecrets } from './lambda/LambdaNoPlaintextSecrets';
import { LambdaNoPublicInvoke } from './lambda/LambdaNoPublicInvoke';
import { LambdaPermissionNoForeignAccount } from './lambda/LambdaPermissionNoForeignAccount';
import { LambdaSupportedRuntime } from './lambda/LambdaSupportedRuntime';
import { LogGroupEncrypted } from './logs/LogGroupEncrypted';
import { LogGroupMetricFilterClass } from './logs/LogGroupMetricFilterClass';
import { LogGroupRetention } from './logs/LogGroupRetention';
import { LogsDestinationNoForeignAccount } from './logs/LogsDestinationNoForeignAccount';
import { OpenSearchCustomerManagedKey } from './opensearch/OpenSearchCustomerManagedKey';
import { OpenSearchHttpsOnly } from './opensearch/OpenSearchHttpsOnly';
import { OpenSearchNoOpenAccessPolicy } from './opensearch/OpenSearchNoOpenAccessPolicy';
import { OpenSearchNodeToNodeEncryption } from './opensearch/OpenSearchNodeToNodeEncryption';
import { OpenSearchVoterPiiPrivate } from './opensearch/OpenSearchVoterPiiPrivate';
import { RdsBackupRetention } from './rds/RdsBackupRetention';
import { RdsCustomerManagedKey } from './rds/RdsCustomerManagedKey';
import { RdsDeletionProtection } from './rds/RdsDeletionProtection';
import { RdsNoPublicAccess } from './rds/RdsNoPublicAccess';
import { S3BucketCustomerManagedKey } from './s3/S3BucketCustomerManagedKey';
import { S3BucketNoAcls } from './s3/S3BucketNoAcls';
import { S3BucketPolicyNoForeignAccount } from './s3/S3BucketPolicyNoForeignAccount';
import { S3BucketPublicAccessBlocked } from './s3/S3BucketPublicAccessBlocked';
import { S3BucketServerAccessLogs } from './s3/S3BucketServerAccessLogs';
import { S3BucketTlsOnly } from './s3/S3BucketTlsOnly';
import { S3BucketVersioning } from './s3/S3BucketVersioning';
import { S3AccessLogBucketProtected } from './s3/S3AccessLogBucketProtected';
import { S3LogArchiveObjectLock } from './s3/S3LogArchiveObjectLock';
import { S3RecordsLifecycleRetention } from './s3/S3RecordsLifecycleRetention';
import { S3RecordsNoRetentionBypass } from './s3/S3RecordsNoRetentionBypass';
import { S3RecordsObjectLock } from './s3/S3RecordsObjectLock';
import { S3ReplicationNoForeignAccount } from './s3/S3ReplicationNoForeignAccount';
import { S3SensitiveBucketRetained } from './s3/S3SensitiveBucketRetained';
import { SecretGeneratedStrength } from './secretsmanager/SecretGeneratedStrength';
import { SecretNoPlaintextValue } from './secretsmanager/SecretNoPlaintextValue';
import { SecretPolicyNoForeignAccount } from './secretsmanager/SecretPolicyNoForeignAccount';
import { SecurityHubAggregatorAllRegions } from './securityhub/SecurityHubAggregatorAllRegions';
import { SecurityHubNoSuppression } from './securityhub/SecurityHubNoSuppression';
import { SecurityHubDelegatedAdminSeparate } from './securityhub/SecurityHubDelegatedAdminSeparate';
import { SecurityHubOrgAutoEnable } from './securityhub/SecurityHubOrgAutoEnable';
import { SecurityHubStandardsEnabled } from './securityhub/SecurityHubStandardsEnabled';
import { SnsSubscriptionSecure } from './sns/SnsSubscriptionSecure';
import { SnsTopicEncrypted } from './sns/SnsTopicEncrypted';
import { SnsTopicPolicyNoForeignAccount } from './sns/SnsTopicPolicyNoForeignAccount';
import { SnsTopicPolicyNoOpenPrincipal } from './sns/SnsTopicPolicyNoOpenPrincipal';
import { SnsTopicTlsOnly } from './sns/SnsTopicTlsOnly';
import { SqsQueueCustomerManagedKey } from './sqs/SqsQueueCustomerManagedKey';
import { SqsQueuePolicyNoForeignAccount } from './sqs/SqsQueuePolicyNoForeignAccount';
import { SqsQueuePolicyNoOpenPrincipal } from './sqs/SqsQueuePolicyNoOpenPrincipal';
import { SqsQueueTlsOnly } from './sqs/SqsQueueTlsOnly';
import { WafDataProtection } from './wafv2/WafDataProtection';
import { WafLoggingRedacted } from './wafv2/WafLoggingRedacted';
import { WafLoggingUnfiltered } from './wafv2/WafLoggingUnfiltered';
import { WafManagedRuleGroups } from './wafv2/WafManagedRuleGroups';
import { WafNoAllowBypass } from './wafv2/WafNoAllowBypass';
import { WafNoCountOverride } from './wafv2/WafNoCountOverride';
import { WafNoGeoBlocking } from './wafv2/WafNoGeoBlocking';
import { WafOriginVerifyEnforced } from './wafv2/WafOriginVerifyEnforced';
import { WafRateBasedRule } from './wafv2/WafRateBasedRule';

/** Every rule of the election baseline, in the order the pack applies them and the rule reference (`docs/rules/`) lists them. */
export const ELECTION_RULES: readonly ElectionRule[] = [
  // Data stores: every store classified and kept; S3, KMS, DynamoDB, RDS, EFS and Backup by class; no database port open.
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
  S3RecordsLifecycleRetention,
  S3LogArchiveObjectLock,
  S3AccessLogBucketProtected,
  S3SensitiveBucketRetained,
  KmsKeyRotation,
  KmsKeyPolicyNoOpenPrincipal,
  KmsKeyDeletionGuarded,
  KmsKeyUnverifiable,
  DynamoDbCustomerManagedKey,
  DynamoDbPointInTimeRecovery,
  DynamoDbDeletionProtection,
  DynamoDbNoOpenResourcePolicy,
  RdsNoPublicAccess,
  RdsCustomerManagedKey,
  RdsBackupRetention,
  RdsDeletionProtection,
  EfsCustomerManagedKey,
  EfsNoOpenPolicy,
  BackupVaultLocked,
  BackupVaultCustomerManagedKey,
  BackupVaultNoOpenPolicy,
  Ec2NoOpenDatabasePorts,

  // The edge: CloudFront, WAF, API Gateway, Lambda and Cognito in front of voters and the public.
  CloudFrontWebAclAttached,
  CloudFrontViewerHttpsOnly,
  CloudFrontTlsMinimum,
  CloudFrontAccessLogging,
  CloudFrontS3OriginAccessControl,
  CloudFrontHsts,
  CloudFrontCachingEnabled,
  CloudFrontSecurityHeaders,
  CloudFrontCacheKeyBounded,
  CloudFrontNoGeoRestriction,
  WafManagedRuleGroups,
  WafNoCountOverride,
  WafRateBasedRule,
  WafLoggingRedacted,
  WafDataProtection,
  WafNoGeoBlocking,
  WafNoAllowBypass,
  WafLoggingUnfiltered,
  WafOriginVerifyEnforced,
  ApiGatewayWebAcl,
  ApiGatewayAccessLogging,
  ApiGatewayExecutionLogging,
  ApiGatewayRequestValidation,
  ApiGatewayNoPublicPiiRead,
  ApiGatewayThrottling,
  ApiGatewayTls,
  ApiGatewayStageNoPlaintextSecrets,
  LambdaNoPublicInvoke,
  LambdaFunctionUrlAuth,
  LambdaNoPlaintextSecrets,
  LambdaSupportedRuntime,
  SecretNoPlaintextValue,
  SecretGeneratedStrength,
  CognitoMfaRequired,
  CognitoThreatProtection,
  CognitoWebAcl,
  CognitoUserPoolHardened,

  // Search, queues and load balancers vendors add: no open policy, customer keys, TLS 1.2+ only.
  OpenSearchNoOpenAccessPolicy,
  OpenSearchCustomerManagedKey,
  OpenSearchNodeToNodeEncryption,
  OpenSearchHttpsOnly,
  OpenSearchVoterPiiPrivate,
  SqsQueuePolicyNoOpenPrincipal,
  SqsQueueCustomerManagedKey,
  SqsQueueTlsOnly,
  ElbListenerTlsOnly,
  ElbListenerTlsPolicy,
  ElbListenerPassThrough,

  // Audit logging and detection: the trail, its logs, the alerts and the services that raise them.
  CloudTrailLogging,
  CloudTrailLogFileValidation,
  CloudTrailEncrypted,
  CloudTrailMultiRegion,
  CloudTrailOrganizationScope,
  CloudTrailCloudWatchLogs,
  CloudTrailWormBucket,
  CloudTrailManagementEvents,
  LogGroupEncrypted,
  LogGroupRetention,
  LogGroupMetricFilterClass,
  SnsTopicEncrypted,
  SnsTopicTlsOnly,
  SnsTopicPolicyNoOpenPrincipal,
  SnsSubscriptionSecure,
  CloudWatchAlarmHasAction,
  CloudTrailAlarmSet,
  GuardDutyEnabled,
  GuardDutyNoAutoArchive,
  SecurityHubStandardsEnabled,
  SecurityHubNoSuppression,
  ConfigRecorderAllResources,
  FindingsRouteEnabled,

  // Identity and network: no administrator grants, no open trust, no long-lived keys, no open admin ports.
  IamNoAdminAccess,
  IamNoAuditLogTampering,
  IamRoleTrustNoOpenPrincipal,
  IamRoleTrustNoForeignAccount,
  IamNoLongLivedCredentials,
  Ec2NoOpenAdminPorts,

  // Access from outside the agency: resource policies and replication name only its own and trusted accounts.
  S3BucketPolicyNoForeignAccount,
  S3ReplicationNoForeignAccount,
  KmsKeyPolicyNoForeignAccount,
  DynamoDbNoForeignAccount,
  SnsTopicPolicyNoForeignAccount,
  SqsQueuePolicyNoForeignAccount,
  LambdaPermissionNoForeignAccount,
  LogsDestinationNoForeignAccount,
  SecretPolicyNoForeignAccount,
  EcrRepositoryNoForeignAccount,

  // Statewide: the organization-level resources that roll the baseline out and watch every county.
  StackSetAutoDeployment,
  StackSetExecutionRole,
  SecurityHubAggregatorAllRegions,
  SecurityHubOrgAutoEnable,
  SecurityHubDelegatedAdminSeparate,

  // Across services: a security control exists whatever the template's parameters say.
  SecurityControlUnconditional,
];
