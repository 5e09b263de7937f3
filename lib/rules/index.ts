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
import { CloudFrontWebAclAttached } from './cloudfront/CloudFrontWebAclAttached';
import { CloudFrontViewerHttpsOnly } from './cloudfront/CloudFrontViewerHttpsOnly';
import { CloudFrontTlsMinimum } from './cloudfront/CloudFrontTlsMinimum';
import { CloudFrontAccessLogging } from './cloudfront/CloudFrontAccessLogging';
import { CloudFrontS3OriginAccessControl } from './cloudfront/CloudFrontS3OriginAccessControl';
import { CloudFrontHsts } from './cloudfront/CloudFrontHsts';
import { CloudFrontCachingEnabled } from './cloudfront/CloudFrontCachingEnabled';
import { WafManagedRuleGroups } from './wafv2/WafManagedRuleGroups';
import { WafNoCountOverride } from './wafv2/WafNoCountOverride';
import { WafRateBasedRule } from './wafv2/WafRateBasedRule';
import { WafLoggingRedacted } from './wafv2/WafLoggingRedacted';
import { WafNoGeoBlocking } from './wafv2/WafNoGeoBlocking';
import { ApiGatewayWebAcl } from './apigateway/ApiGatewayWebAcl';
import { ApiGatewayAccessLogging } from './apigateway/ApiGatewayAccessLogging';
import { ApiGatewayThrottling } from './apigateway/ApiGatewayThrottling';
import { ApiGatewayTls } from './apigateway/ApiGatewayTls';
import { DynamoDbCustomerManagedKey } from './dynamodb/DynamoDbCustomerManagedKey';
import { DynamoDbPointInTimeRecovery } from './dynamodb/DynamoDbPointInTimeRecovery';
import { DynamoDbDeletionProtection } from './dynamodb/DynamoDbDeletionProtection';
import { LambdaNoPublicInvoke } from './lambda/LambdaNoPublicInvoke';
import { LambdaFunctionUrlAuth } from './lambda/LambdaFunctionUrlAuth';
import { CognitoMfaRequired } from './cognito/CognitoMfaRequired';
import { CognitoThreatProtection } from './cognito/CognitoThreatProtection';
// logging rule imports (issue 4)
import { CloudTrailLogFileValidation } from './cloudtrail/CloudTrailLogFileValidation';
import { CloudTrailEncrypted } from './cloudtrail/CloudTrailEncrypted';
import { CloudTrailMultiRegion } from './cloudtrail/CloudTrailMultiRegion';
import { CloudTrailCloudWatchLogs } from './cloudtrail/CloudTrailCloudWatchLogs';
import { CloudTrailWormBucket } from './cloudtrail/CloudTrailWormBucket';
import { LogGroupEncrypted } from './logs/LogGroupEncrypted';
import { LogGroupRetention } from './logs/LogGroupRetention';
import { SnsTopicEncrypted } from './sns/SnsTopicEncrypted';
import { SnsTopicTlsOnly } from './sns/SnsTopicTlsOnly';
import { CloudWatchAlarmHasAction } from './cloudwatch/CloudWatchAlarmHasAction';
// mutation-gap rule imports (issue 6)
import { CloudTrailLogging } from './cloudtrail/CloudTrailLogging';
import { SnsTopicPolicyNoOpenPrincipal } from './sns/SnsTopicPolicyNoOpenPrincipal';
import { WafDataProtection } from './wafv2/WafDataProtection';
import { CognitoWebAcl } from './cognito/CognitoWebAcl';
import { CognitoUserPoolHardened } from './cognito/CognitoUserPoolHardened';
import { GuardDutyEnabled } from './guardduty/GuardDutyEnabled';
import { ConfigRecorderAllResources } from './config/ConfigRecorderAllResources';
import { SecurityHubStandardsEnabled } from './securityhub/SecurityHubStandardsEnabled';
import { FindingsRouteEnabled } from './events/FindingsRouteEnabled';
import { S3LogArchiveObjectLock } from './s3/S3LogArchiveObjectLock';

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
  WafNoGeoBlocking,
  ApiGatewayWebAcl,
  ApiGatewayAccessLogging,
  ApiGatewayThrottling,
  ApiGatewayTls,
  DynamoDbCustomerManagedKey,
  DynamoDbPointInTimeRecovery,
  DynamoDbDeletionProtection,
  LambdaNoPublicInvoke,
  LambdaFunctionUrlAuth,
  CognitoMfaRequired,
  CognitoThreatProtection,
  // logging rules (issue 4)
  CloudTrailLogFileValidation,
  CloudTrailEncrypted,
  CloudTrailMultiRegion,
  CloudTrailCloudWatchLogs,
  CloudTrailWormBucket,
  LogGroupEncrypted,
  LogGroupRetention,
  SnsTopicEncrypted,
  SnsTopicTlsOnly,
  CloudWatchAlarmHasAction,
  // mutation-gap rules (issue 6)
  CloudTrailLogging,
  SnsTopicPolicyNoOpenPrincipal,
  WafDataProtection,
  CognitoWebAcl,
  CognitoUserPoolHardened,
  GuardDutyEnabled,
  ConfigRecorderAllResources,
  SecurityHubStandardsEnabled,
  FindingsRouteEnabled,
  S3LogArchiveObjectLock,
];
