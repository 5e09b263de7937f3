import { NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../lib/pack/election-rule';
import { StackTemplate } from '../../lib/pack/template-model';
import { ELECTION_RULES } from '../../lib/rules';

/**
 * Every rule that names the property at fault (`faultPath`), on a template it
 * fails: the path it names, from the resource. A rule not listed under
 * FIXTURES fails on a bare resource of its first type with no properties, the
 * case of a property left out, where the path names where the fix goes.
 */

type Resources = Record<string, Record<string, unknown>>;
interface Case {
  readonly resources: Resources;
  /** The resource judged. @default 'R' */
  readonly id?: string;
  readonly path: string;
}

const FOREIGN = 'arn:aws:iam::999999999999:root';
const doc = (principal: unknown, action = '*') => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: action, Resource: '*' }] });
const OPEN = doc('*');
const TO_FOREIGN = doc({ AWS: FOREIGN });
const one = (type: string, properties: Record<string, unknown>, extra: Record<string, unknown> = {}): Resources => ({ R: { Type: type, Properties: properties, ...extra } });
const managedGroup = (name: string, extra: Record<string, unknown> = {}) => ({
  Name: name, Priority: 1, OverrideAction: { None: {} }, Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: name, ...extra } },
});
const secretHeaderCheck = {
  NotStatement: { Statement: { ByteMatchStatement: {
    FieldToMatch: { SingleHeader: { Name: 'x-origin-verify' } }, PositionalConstraint: 'EXACTLY', TextTransformations: [{ Priority: 0, Type: 'NONE' }],
    SearchString: '{{resolve:secretsmanager:origin:SecretString:::}}',
  } } },
};

/** Rules that pass (or do not apply to) a bare resource, each with a template it fails; and deeper paths of some that do not. */
const FIXTURES: Record<string, readonly Case[]> = {
  CloudFrontViewerHttpsOnly: [{
    resources: one('AWS::CloudFront::Distribution', { DistributionConfig: {
      DefaultCacheBehavior: { ViewerProtocolPolicy: 'redirect-to-https' },
      CacheBehaviors: [{ PathPattern: '/api/*', ViewerProtocolPolicy: 'allow-all' }],
    } }),
    path: 'Properties.DistributionConfig.CacheBehaviors.0.ViewerProtocolPolicy',
  }],
  CloudFrontTlsMinimum: [{
    resources: one('AWS::CloudFront::Distribution', { DistributionConfig: {
      Origins: [{ Id: 'o', DomainName: 'origin.example.gov', CustomOriginConfig: { OriginProtocolPolicy: 'http-only' } }],
    } }),
    path: 'Properties.DistributionConfig.Origins.0.CustomOriginConfig',
  }],
  ElbListenerTlsPolicy: [{
    resources: one('AWS::ElasticLoadBalancing::LoadBalancer', { Listeners: [
      { Protocol: 'TCP', LoadBalancerPort: 22, InstancePort: 22 },
      { Protocol: 'HTTPS', LoadBalancerPort: 443, InstancePort: 80, SSLCertificateId: 'c' },
    ] }),
    path: 'Properties.Listeners.1.PolicyNames',
  }],
  ElbListenerTlsOnly: [{
    resources: one('AWS::ElasticLoadBalancingV2::Listener', { Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: 't' }] }),
    path: 'Properties.DefaultActions',
  }],
  RetainStatefulResources: [{ resources: one('AWS::DynamoDB::Table', {}, { DeletionPolicy: 'Retain' }), path: 'UpdateReplacePolicy' }],
  ApiGatewayRequestValidation: [{ resources: one('AWS::ApiGateway::Method', { HttpMethod: 'POST', AuthorizationType: 'NONE' }), path: 'Properties.RequestValidatorId' }],
  S3AccessLogBucketProtected: [
    {
      resources: {
        R: { Type: 'AWS::S3::Bucket', Properties: { ObjectLockEnabled: true } },
        Logged: { Type: 'AWS::S3::Bucket', Properties: { LoggingConfiguration: { DestinationBucketName: { Ref: 'R' } } } },
      },
      path: 'Properties.ObjectLockEnabled',
    },
    {
      resources: {
        R: { Type: 'AWS::S3::Bucket', Properties: {} },
        Logged: { Type: 'AWS::S3::Bucket', Properties: { LoggingConfiguration: { DestinationBucketName: { Ref: 'R' } } } },
      },
      path: 'Properties.VersioningConfiguration.Status',
    },
    {
      resources: {
        R: { Type: 'AWS::S3::Bucket', Properties: { ObjectLockEnabled: true, ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled' } } },
        Destination: { Type: 'AWS::Logs::DeliveryDestination', Properties: { Name: 'd', DestinationResourceArn: { 'Fn::GetAtt': ['R', 'Arn'] } } },
      },
      path: 'Properties.ObjectLockConfiguration.Rule.DefaultRetention',
    },
  ],
  BackupVaultNoOpenPolicy: [{ resources: one('AWS::Backup::BackupVault', { AccessPolicy: OPEN }), path: 'Properties.AccessPolicy' }],
  CloudTrailManagementEvents: [{ resources: one('AWS::CloudTrail::Trail', { EventSelectors: [{ ReadWriteType: 'WriteOnly' }] }), path: 'Properties.EventSelectors' }],
  CloudTrailOrganizationScope: [{
    resources: one('AWS::CloudTrail::Trail', { Tags: [{ Key: 'election:trail-scope', Value: 'organization' }] }), path: 'Properties.IsOrganizationTrail',
  }],
  DynamoDbNoForeignAccount: [{ resources: one('AWS::DynamoDB::Table', { ResourcePolicy: { PolicyDocument: TO_FOREIGN } }), path: 'Properties.ResourcePolicy' }],
  DynamoDbNoOpenResourcePolicy: [{ resources: one('AWS::DynamoDB::Table', { ResourcePolicy: { PolicyDocument: OPEN } }), path: 'Properties.ResourcePolicy' }],
  Ec2NoOpenAdminPorts: [
    {
      resources: one('AWS::EC2::SecurityGroup', { SecurityGroupIngress: [
        { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' },
        { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' },
      ] }),
      path: 'Properties.SecurityGroupIngress.1',
    },
    { resources: one('AWS::EC2::SecurityGroupIngress', { IpProtocol: 'tcp', FromPort: 3389, ToPort: 3389, CidrIpv6: '::/0' }), path: 'Properties.CidrIpv6' },
  ],
  Ec2NoOpenDatabasePorts: [{
    resources: one('AWS::EC2::SecurityGroup', { SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, CidrIp: '0.0.0.0/0' }] }),
    path: 'Properties.SecurityGroupIngress.0',
  }],
  EcrRepositoryNoForeignAccount: [{ resources: one('AWS::ECR::Repository', { RepositoryPolicyText: TO_FOREIGN }), path: 'Properties.RepositoryPolicyText' }],
  EfsNoOpenPolicy: [{ resources: one('AWS::EFS::FileSystem', { FileSystemPolicy: OPEN }), path: 'Properties.FileSystemPolicy' }],
  ElbListenerPassThrough: [{ resources: one('AWS::ElasticLoadBalancingV2::Listener', { Protocol: 'TCP', Port: 443 }), path: 'Properties.Protocol' }],
  FindingsRouteEnabled: [{
    resources: one('AWS::Events::Rule', { EventPattern: { source: ['aws.guardduty'] }, State: 'DISABLED', Targets: [{ Id: 't', Arn: 'arn:aws:sns:us-east-1:111111111111:t' }] }),
    path: 'Properties.State',
  }],
  GuardDutyNoAutoArchive: [{ resources: one('AWS::GuardDuty::Filter', { Action: 'ARCHIVE' }), path: 'Properties.Action' }],
  IamNoAdminAccess: [
    { resources: one('AWS::IAM::Role', { Policies: [{ PolicyName: 'p', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }] }), path: 'Properties.Policies' },
    { resources: one('AWS::IAM::Role', { ManagedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'] }), path: 'Properties.ManagedPolicyArns' },
    { resources: one('AWS::IAM::ManagedPolicy', { PolicyDocument: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }), path: 'Properties.PolicyDocument' },
  ],
  IamRoleTrustNoForeignAccount: [{ resources: one('AWS::IAM::Role', { AssumeRolePolicyDocument: doc({ AWS: FOREIGN }, 'sts:AssumeRole') }), path: 'Properties.AssumeRolePolicyDocument' }],
  IamRoleTrustNoOpenPrincipal: [{ resources: one('AWS::IAM::Role', { AssumeRolePolicyDocument: doc({ AWS: '*' }, 'sts:AssumeRole') }), path: 'Properties.AssumeRolePolicyDocument' }],
  KmsKeyDeletionGuarded: [{ resources: one('AWS::KMS::Key', { PendingWindowInDays: 7 }), path: 'Properties.PendingWindowInDays' }],
  KmsKeyPolicyNoForeignAccount: [{ resources: one('AWS::KMS::Key', { KeyPolicy: TO_FOREIGN }), path: 'Properties.KeyPolicy' }],
  KmsKeyPolicyNoOpenPrincipal: [{ resources: one('AWS::KMS::Key', { KeyPolicy: OPEN }), path: 'Properties.KeyPolicy' }],
  KmsKeyUnverifiable: [{
    resources: one('AWS::S3::Bucket', { BucketEncryption: { ServerSideEncryptionConfiguration: [
      { ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::ImportValue': 'RecordsKeyArn' } } },
    ] } }),
    path: 'Properties.BucketEncryption',
  }],
  LambdaNoPlaintextSecrets: [{ resources: one('AWS::Lambda::Function', { Environment: { Variables: { DB_PASSWORD: 'hunter2hunter2' } } }), path: 'Properties.Environment.Variables' }],
  LambdaPermissionNoForeignAccount: [{
    resources: one('AWS::Lambda::Permission', { Action: 'lambda:InvokeFunction', FunctionName: 'f', Principal: '999999999999' }), path: 'Properties.Principal',
  }],
  LogGroupMetricFilterClass: [{
    resources: {
      R: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupClass: 'INFREQUENT_ACCESS' } },
      Filter: { Type: 'AWS::Logs::MetricFilter', Properties: { LogGroupName: { Ref: 'R' }, FilterPattern: '{ $.x = 1 }', MetricTransformations: [] } },
    },
    path: 'Properties.LogGroupClass',
  }],
  LogGroupRetention: [{ resources: one('AWS::Logs::LogGroup', { RetentionInDays: 30 }), path: 'Properties.RetentionInDays' }],
  LogsDestinationNoForeignAccount: [{
    resources: one('AWS::Logs::Destination', { DestinationName: 'd', DestinationPolicy: JSON.stringify(TO_FOREIGN), RoleArn: 'r', TargetArn: 't' }),
    path: 'Properties.DestinationPolicy',
  }],
  OpenSearchNoOpenAccessPolicy: [{ resources: one('AWS::OpenSearchService::Domain', { AccessPolicies: OPEN }), path: 'Properties.AccessPolicies' }],
  S3BucketPolicyNoForeignAccount: [{ resources: one('AWS::S3::BucketPolicy', { Bucket: 'b', PolicyDocument: TO_FOREIGN }), path: 'Properties.PolicyDocument' }],
  S3LogArchiveObjectLock: [{
    resources: {
      R: { Type: 'AWS::S3::Bucket', Properties: { Tags: [{ Key: 'election:data-class', Value: 'audit-logs' }] } },
      Trail: { Type: 'AWS::CloudTrail::Trail', Properties: { S3BucketName: { Ref: 'R' }, IsLogging: true } },
    },
    path: 'Properties.ObjectLockEnabled',
  }],
  S3RecordsLifecycleRetention: [{
    resources: one('AWS::S3::Bucket', { LifecycleConfiguration: { Rules: [{ Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 3650 } }, { Status: 'Enabled', ExpirationInDays: 30 }] } }),
    path: 'Properties.LifecycleConfiguration.Rules.1',
  }],
  S3RecordsNoRetentionBypass: [
    { resources: one('AWS::S3::BucketPolicy', { Bucket: 'b', PolicyDocument: doc('*', 's3:BypassGovernanceRetention') }), path: 'Properties.PolicyDocument' },
    { resources: one('AWS::IAM::Role', { Policies: [{ PolicyName: 'p', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] } }] }), path: 'Properties.Policies' },
  ],
  S3ReplicationNoForeignAccount: [{
    resources: one('AWS::S3::Bucket', { ReplicationConfiguration: { Role: 'r', Rules: [{ Status: 'Enabled', Destination: { Bucket: 'arn:aws:s3:::copy', Account: '999999999999' } }] } }),
    path: 'Properties.ReplicationConfiguration',
  }],
  SecretGeneratedStrength: [{ resources: one('AWS::SecretsManager::Secret', { GenerateSecretString: { PasswordLength: 8 } }), path: 'Properties.GenerateSecretString' }],
  SecretNoPlaintextValue: [{ resources: one('AWS::SecretsManager::Secret', { SecretString: 'hunter2hunter2' }), path: 'Properties.SecretString' }],
  SecretPolicyNoForeignAccount: [{ resources: one('AWS::SecretsManager::ResourcePolicy', { SecretId: 's', ResourcePolicy: TO_FOREIGN }), path: 'Properties.ResourcePolicy' }],
  SecurityControlUnconditional: [{ resources: one('AWS::WAFv2::WebACL', {}, { Condition: 'IsProduction' }), path: 'Condition' }],
  SecurityHubStandardsEnabled: [{ resources: one('AWS::SecurityHub::Hub', { EnableDefaultStandards: false }), path: 'Properties.EnableDefaultStandards' }],
  SnsTopicPolicyNoForeignAccount: [{ resources: one('AWS::SNS::TopicPolicy', { Topics: ['t'], PolicyDocument: TO_FOREIGN }), path: 'Properties.PolicyDocument' }],
  SnsTopicPolicyNoOpenPrincipal: [{ resources: one('AWS::SNS::TopicPolicy', { Topics: ['t'], PolicyDocument: OPEN }), path: 'Properties.PolicyDocument' }],
  SqsQueuePolicyNoForeignAccount: [{ resources: one('AWS::SQS::QueuePolicy', { Queues: ['q'], PolicyDocument: TO_FOREIGN }), path: 'Properties.PolicyDocument' }],
  SqsQueuePolicyNoOpenPrincipal: [{ resources: one('AWS::SQS::QueuePolicy', { Queues: ['q'], PolicyDocument: OPEN }), path: 'Properties.PolicyDocument' }],
  StackSetAutoDeployment: [{
    resources: one('AWS::CloudFormation::StackSet', { PermissionModel: 'SERVICE_MANAGED', AutoDeployment: { Enabled: false } }), path: 'Properties.AutoDeployment',
  }],
  ApiGatewayStageNoPlaintextSecrets: [{ resources: one('AWS::ApiGateway::Stage', { RestApiId: 'a', Variables: { dbPassword: 'hunter2' } }), path: 'Properties.Variables' }],
  WafLoggingUnfiltered: [{ resources: one('AWS::WAFv2::LoggingConfiguration', { LoggingFilter: { DefaultBehavior: 'DROP', Filters: [] } }), path: 'Properties.LoggingFilter' }],
  WafNoAllowBypass: [{
    resources: one('AWS::WAFv2::WebACL', { Rules: [
      { Name: 'allow-office', Priority: 0, Action: { Allow: {} }, Statement: { IPSetReferenceStatement: { Arn: 'arn:aws:wafv2:us-east-1:111111111111:regional/ipset/o/1' } } },
      managedGroup('AWSManagedRulesCommonRuleSet'),
    ] }),
    path: 'Properties.Rules.0',
  }],
  WafNoCountOverride: [{
    resources: one('AWS::WAFv2::WebACL', { Rules: [managedGroup('AWSManagedRulesAmazonIpReputationList'), { ...managedGroup('AWSManagedRulesCommonRuleSet'), OverrideAction: { Count: {} } }] }),
    path: 'Properties.Rules.1',
  }],
  WafNoGeoBlocking: [{
    resources: one('AWS::WAFv2::WebACL', { Rules: [{ Name: 'geo', Priority: 0, Action: { Block: {} }, Statement: { GeoMatchStatement: { CountryCodes: ['CN'] } } }] }),
    path: 'Properties.Rules',
  }],
  WafOriginVerifyEnforced: [{
    resources: one('AWS::WAFv2::WebACL', { Rules: [managedGroup('AWSManagedRulesAmazonIpReputationList', { ScopeDownStatement: secretHeaderCheck })] }),
    path: 'Properties.Rules',
  }],
};

/** Rules that fail a bare resource of their first type: the path of the property left out. */
const BARE: Record<string, string> = {
  DataStoreClassified: 'Properties.Tags',
  RetainStatefulResources: 'DeletionPolicy',
  S3BucketCustomerManagedKey: 'Properties.BucketEncryption',
  S3BucketPublicAccessBlocked: 'Properties.PublicAccessBlockConfiguration',
  S3BucketVersioning: 'Properties.VersioningConfiguration.Status',
  S3BucketServerAccessLogs: 'Properties.LoggingConfiguration.DestinationBucketName',
  S3BucketNoAcls: 'Properties.OwnershipControls',
  S3RecordsObjectLock: 'Properties.ObjectLockEnabled',
  S3SensitiveBucketRetained: 'DeletionPolicy',
  KmsKeyRotation: 'Properties.EnableKeyRotation',
  DynamoDbCustomerManagedKey: 'Properties.SSESpecification',
  DynamoDbPointInTimeRecovery: 'Properties.PointInTimeRecoverySpecification',
  DynamoDbDeletionProtection: 'Properties.DeletionProtectionEnabled',
  RdsNoPublicAccess: 'Properties.PubliclyAccessible',
  RdsCustomerManagedKey: 'Properties.StorageEncrypted',
  RdsBackupRetention: 'Properties.BackupRetentionPeriod',
  RdsDeletionProtection: 'Properties.DeletionProtection',
  EfsCustomerManagedKey: 'Properties.Encrypted',
  BackupVaultLocked: 'Properties.LockConfiguration',
  BackupVaultCustomerManagedKey: 'Properties.EncryptionKeyArn',
  CloudFrontWebAclAttached: 'Properties.DistributionConfig.WebACLId',
  CloudFrontViewerHttpsOnly: 'Properties.DistributionConfig',
  CloudFrontTlsMinimum: 'Properties.DistributionConfig',
  CloudFrontAccessLogging: 'Properties.DistributionConfig.Logging',
  CloudFrontS3OriginAccessControl: 'Properties.DistributionConfig',
  CloudFrontHsts: 'Properties.DistributionConfig',
  CloudFrontSecurityHeaders: 'Properties.ResponseHeadersPolicyConfig',
  CloudFrontCacheKeyBounded: 'Properties.CachePolicyConfig',
  CloudFrontNoGeoRestriction: 'Properties.DistributionConfig.Restrictions.GeoRestriction',
  WafManagedRuleGroups: 'Properties.Rules',
  WafRateBasedRule: 'Properties.Rules',
  WafDataProtection: 'Properties.DataProtectionConfig',
  ApiGatewayAccessLogging: 'Properties.AccessLogSetting',
  ApiGatewayExecutionLogging: 'Properties.MethodSettings',
  ApiGatewayRequestValidation: 'Properties.HttpMethod',
  ApiGatewayThrottling: 'Properties.MethodSettings',
  ApiGatewayTls: 'Properties.SecurityPolicy',
  LambdaNoPublicInvoke: 'Properties.Principal',
  LambdaFunctionUrlAuth: 'Properties.AuthType',
  LambdaSupportedRuntime: 'Properties.Runtime',
  CognitoMfaRequired: 'Properties.MfaConfiguration',
  CognitoThreatProtection: 'Properties.UserPoolAddOns.AdvancedSecurityMode',
  CognitoUserPoolHardened: 'Properties.DeletionProtection',
  OpenSearchCustomerManagedKey: 'Properties.EncryptionAtRestOptions',
  OpenSearchNodeToNodeEncryption: 'Properties.NodeToNodeEncryptionOptions.Enabled',
  OpenSearchHttpsOnly: 'Properties.DomainEndpointOptions.EnforceHTTPS',
  OpenSearchVoterPiiPrivate: 'Properties.VPCOptions',
  SqsQueueCustomerManagedKey: 'Properties.KmsMasterKeyId',
  ElbListenerTlsOnly: 'Properties.Protocol',
  ElbListenerTlsPolicy: 'Properties.SslPolicy',
  CloudTrailLogging: 'Properties.IsLogging',
  CloudTrailLogFileValidation: 'Properties.EnableLogFileValidation',
  CloudTrailEncrypted: 'Properties.KMSKeyId',
  CloudTrailMultiRegion: 'Properties.IsMultiRegionTrail',
  CloudTrailCloudWatchLogs: 'Properties.CloudWatchLogsLogGroupArn',
  CloudTrailWormBucket: 'Properties.S3BucketName',
  LogGroupEncrypted: 'Properties.KmsKeyId',
  SnsTopicEncrypted: 'Properties.KmsMasterKeyId',
  SnsSubscriptionSecure: 'Properties.Protocol',
  CloudWatchAlarmHasAction: 'Properties.AlarmActions',
  GuardDutyEnabled: 'Properties.Enable',
  SecurityHubNoSuppression: 'Properties.Actions',
  ConfigRecorderAllResources: 'Properties.RecordingGroup',
  StackSetExecutionRole: 'Properties.ExecutionRoleName',
  SecurityHubAggregatorAllRegions: 'Properties.RegionLinkingMode',
  SecurityHubOrgAutoEnable: 'Properties.AutoEnable',
  SecurityHubDelegatedAdminSeparate: 'Properties.AdminAccountId',
};

function judged(rule: ElectionRule, c: Case): { verdict: NagRuleCompliance; path: string | undefined } {
  const template = StackTemplate.fromResources(c.resources);
  const resource = template.get(c.id ?? 'R');
  if (!resource) throw new Error(`fixture has no ${c.id ?? 'R'}`);
  return { verdict: rule.check(resource, template), path: rule.faultPath?.(resource, template) };
}

function casesOf(rule: ElectionRule): readonly Case[] {
  const bare = BARE[rule.name] !== undefined ? [{ resources: one(rule.resourceTypes[0], {}), path: BARE[rule.name] }] : [];
  return [...bare, ...FIXTURES[rule.name] ?? []];
}

const withFaultPath = ELECTION_RULES.filter((rule) => rule.faultPath);

describe('faultPath', () => {
  test('most rules name the property at fault', () => {
    expect(withFaultPath.length).toBeGreaterThanOrEqual(100);
  });

  test('every rule with a faultPath has an expected path here', () => {
    expect(withFaultPath.filter((rule) => FIXTURES[rule.name] === undefined && BARE[rule.name] === undefined).map((r) => r.name)).toEqual([]);
  });

  test.each(withFaultPath.flatMap((rule) => casesOf(rule).map((c, i) => [`${rule.name}#${i}`, rule, c] as const)))(
    '%s: fails its fixture and names the expected path from the resource',
    (_, rule, c) => {
      const { verdict, path } = judged(rule, c);
      expect(verdict).toBe(NagRuleCompliance.NON_COMPLIANT);
      expect(path).toBe(c.path);
      expect(path).toMatch(/^(Properties(\.[A-Za-z0-9]+)*|DeletionPolicy|UpdateReplacePolicy|Condition)$/);
    },
  );
});
