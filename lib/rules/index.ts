import { ElectionRule } from '../pack/election-rule';
import { ApiGatewayAccessLogging } from './apigateway/ApiGatewayAccessLogging';
import { ApiGatewayThrottling } from './apigateway/ApiGatewayThrottling';
import { ApiGatewayTls } from './apigateway/ApiGatewayTls';
import { ApiGatewayWebAcl } from './apigateway/ApiGatewayWebAcl';
import { CloudFrontAccessLogging } from './cloudfront/CloudFrontAccessLogging';
import { CloudFrontCachingEnabled } from './cloudfront/CloudFrontCachingEnabled';
import { CloudFrontHsts } from './cloudfront/CloudFrontHsts';
import { CloudFrontS3OriginAccessControl } from './cloudfront/CloudFrontS3OriginAccessControl';
import { CloudFrontTlsMinimum } from './cloudfront/CloudFrontTlsMinimum';
import { CloudFrontViewerHttpsOnly } from './cloudfront/CloudFrontViewerHttpsOnly';
import { CloudFrontWebAclAttached } from './cloudfront/CloudFrontWebAclAttached';
import { CloudTrailCloudWatchLogs } from './cloudtrail/CloudTrailCloudWatchLogs';
import { CloudTrailEncrypted } from './cloudtrail/CloudTrailEncrypted';
import { CloudTrailLogFileValidation } from './cloudtrail/CloudTrailLogFileValidation';
import { CloudTrailLogging } from './cloudtrail/CloudTrailLogging';
import { CloudTrailMultiRegion } from './cloudtrail/CloudTrailMultiRegion';
import { CloudTrailWormBucket } from './cloudtrail/CloudTrailWormBucket';
import { CloudWatchAlarmHasAction } from './cloudwatch/CloudWatchAlarmHasAction';
import { CognitoMfaRequired } from './cognito/CognitoMfaRequired';
import { CognitoThreatProtection } from './cognito/CognitoThreatProtection';
import { CognitoUserPoolHardened } from './cognito/CognitoUserPoolHardened';
import { CognitoWebAcl } from './cognito/CognitoWebAcl';
import { DataStoreClassified } from './common/DataStoreClassified';
import { RetainStatefulResources } from './common/RetainStatefulResources';
import { ConfigRecorderAllResources } from './config/ConfigRecorderAllResources';
import { DynamoDbCustomerManagedKey } from './dynamodb/DynamoDbCustomerManagedKey';
import { DynamoDbDeletionProtection } from './dynamodb/DynamoDbDeletionProtection';
import { DynamoDbPointInTimeRecovery } from './dynamodb/DynamoDbPointInTimeRecovery';
import { FindingsRouteEnabled } from './events/FindingsRouteEnabled';
import { GuardDutyEnabled } from './guardduty/GuardDutyEnabled';
import { KmsKeyPolicyNoOpenPrincipal } from './kms/KmsKeyPolicyNoOpenPrincipal';
import { KmsKeyRotation } from './kms/KmsKeyRotation';
import { LambdaFunctionUrlAuth } from './lambda/LambdaFunctionUrlAuth';
import { LambdaNoPublicInvoke } from './lambda/LambdaNoPublicInvoke';
import { LogGroupEncrypted } from './logs/LogGroupEncrypted';
import { LogGroupRetention } from './logs/LogGroupRetention';
import { S3BucketCustomerManagedKey } from './s3/S3BucketCustomerManagedKey';
import { S3BucketNoAcls } from './s3/S3BucketNoAcls';
import { S3BucketPublicAccessBlocked } from './s3/S3BucketPublicAccessBlocked';
import { S3BucketServerAccessLogs } from './s3/S3BucketServerAccessLogs';
import { S3BucketTlsOnly } from './s3/S3BucketTlsOnly';
import { S3BucketVersioning } from './s3/S3BucketVersioning';
import { S3LogArchiveObjectLock } from './s3/S3LogArchiveObjectLock';
import { S3RecordsNoRetentionBypass } from './s3/S3RecordsNoRetentionBypass';
import { S3RecordsObjectLock } from './s3/S3RecordsObjectLock';
import { SecurityHubStandardsEnabled } from './securityhub/SecurityHubStandardsEnabled';
import { SnsTopicEncrypted } from './sns/SnsTopicEncrypted';
import { SnsTopicPolicyNoOpenPrincipal } from './sns/SnsTopicPolicyNoOpenPrincipal';
import { SnsTopicTlsOnly } from './sns/SnsTopicTlsOnly';
import { WafDataProtection } from './wafv2/WafDataProtection';
import { WafLoggingRedacted } from './wafv2/WafLoggingRedacted';
import { WafManagedRuleGroups } from './wafv2/WafManagedRuleGroups';
import { WafNoCountOverride } from './wafv2/WafNoCountOverride';
import { WafNoGeoBlocking } from './wafv2/WafNoGeoBlocking';
import { WafRateBasedRule } from './wafv2/WafRateBasedRule';

/** Every rule of the election baseline, in the order the pack applies them and the README lists them. */
export const ELECTION_RULES: readonly ElectionRule[] = [
  // Data stores: every store classified and kept; S3, KMS and DynamoDB by class.
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
  S3LogArchiveObjectLock,
  KmsKeyRotation,
  KmsKeyPolicyNoOpenPrincipal,
  DynamoDbCustomerManagedKey,
  DynamoDbPointInTimeRecovery,
  DynamoDbDeletionProtection,

  // The edge: CloudFront, WAF, API Gateway, Lambda and Cognito in front of voters and the public.
  CloudFrontWebAclAttached,
  CloudFrontViewerHttpsOnly,
  CloudFrontTlsMinimum,
  CloudFrontAccessLogging,
  CloudFrontS3OriginAccessControl,
  CloudFrontHsts,
  CloudFrontCachingEnabled,
  WafManagedRuleGroups,
  WafNoCountOverride,
  WafRateBasedRule,
  WafLoggingRedacted,
  WafDataProtection,
  WafNoGeoBlocking,
  ApiGatewayWebAcl,
  ApiGatewayAccessLogging,
  ApiGatewayThrottling,
  ApiGatewayTls,
  LambdaNoPublicInvoke,
  LambdaFunctionUrlAuth,
  CognitoMfaRequired,
  CognitoThreatProtection,
  CognitoWebAcl,
  CognitoUserPoolHardened,

  // Audit logging and detection: the trail, its logs, the alerts and the services that raise them.
  CloudTrailLogging,
  CloudTrailLogFileValidation,
  CloudTrailEncrypted,
  CloudTrailMultiRegion,
  CloudTrailCloudWatchLogs,
  CloudTrailWormBucket,
  LogGroupEncrypted,
  LogGroupRetention,
  SnsTopicEncrypted,
  SnsTopicTlsOnly,
  SnsTopicPolicyNoOpenPrincipal,
  CloudWatchAlarmHasAction,
  GuardDutyEnabled,
  SecurityHubStandardsEnabled,
  ConfigRecorderAllResources,
  FindingsRouteEnabled,
];
