import { CfnResource, CfnTemplate } from './construct-templates';
import { AUDIT_LOG_MUTATIONS } from './mutations-audit-logs';
import { DATA_STORE_MUTATIONS } from './mutations-data-stores';
import { EDGE_PATH_MUTATIONS } from './mutations-edge-paths';
import { ENTRY_POINT_MUTATIONS } from './mutations-entry-points';
import { FOREIGN_MUTATIONS } from './mutations-foreign';
import { RED_TEAM_MUTATIONS } from './mutations-red-team';
import { STATEWIDE_MUTATIONS } from './mutations-statewide';
import { has, hasRateRule, isRateRule, Json, list, obj, props, rateRule, webAclRules } from './template-edits';

/**
 * Single-property weakenings of a synthesized template. Each one edits one
 * setting of one resource (or removes one resource) the way a hurried
 * escape hatch or a hand edit would; the rule pack must catch every one.
 */
export interface Mutation {
  readonly name: string;
  /** The CloudFormation type it edits. */
  readonly type: string;
  /** Whether a resource of `type` has the setting this mutation weakens. @default every resource of the type */
  readonly applies?: (resource: CfnResource) => boolean;
  /** The places inside one resource it can strike (managed rule groups of a web ACL). @default the resource itself */
  readonly spots?: (resource: CfnResource) => string[];
  /** Weakens `resource` (a copy, in `template`) in place. */
  readonly edit: (resource: CfnResource, place: { template: CfnTemplate; logicalId: string; spot?: string }) => void;
}

const ACM_CERT = 'arn:aws:acm:us-east-1:111122223333:certificate/1234abcd-12ab-34cd-56ef-1234567890ab';
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const DATA_CLASS_TAG = 'election:data-class';

/** Public content may use S3-managed keys by the baseline's data-class policy: a KMS weakening there weakens nothing it requires. */
const notPublicContent = (r: CfnResource) => !list(props(r).Tags).some((t) => t.Key === 'election:data-class' && t.Value === 'public-content');

/** The statements of a policy document property. */
function statements(r: CfnResource, key: string): Json[] {
  return list(obj(props(r)[key]).Statement);
}
function setStatements(r: CfnResource, key: string, next: Json[]): void {
  obj(props(r)[key]).Statement = next;
}
const deniesWithoutTls = (s: Json) => JSON.stringify(s.Condition ?? {}).includes('aws:SecureTransport');

function removeTag(r: CfnResource, key: string): void {
  props(r).Tags = list(props(r).Tags).filter((t) => t.Key !== key);
}

const managedGroupNames = (r: CfnResource) =>
  webAclRules(r).filter((rule) => obj(rule.Statement).ManagedRuleGroupStatement !== undefined).map((rule) => String(rule.Name));

function distribution(r: CfnResource): Json {
  return obj(props(r).DistributionConfig);
}
const customOrigins = (r: CfnResource) => list(distribution(r).Origins).filter((o) => o.CustomOriginConfig !== undefined);
const s3Origins = (r: CfnResource) => list(distribution(r).Origins).filter((o) => o.OriginAccessControlId !== undefined);

/** Every resource of the template whose properties refer to `logicalId` (Ref or GetAtt). */
function referrers(template: CfnTemplate, logicalId: string, type: string): string[] {
  const refs = [`{"Ref":"${logicalId}"}`, `{"Fn::GetAtt":["${logicalId}",`];
  return Object.entries(template.Resources)
    .filter(([, body]) => body.Type === type && refs.some((ref) => JSON.stringify(body.Properties ?? {}).includes(ref)))
    .map(([id]) => id);
}

/** Deletes resources, and the DependsOn entries that name them, as a hand edit would. */
function removeResources(template: CfnTemplate, ids: string[]): void {
  for (const id of ids) delete template.Resources[id];
  for (const body of Object.values(template.Resources)) {
    if (body.DependsOn === undefined) continue;
    const kept = [body.DependsOn].flat().filter((d) => !ids.includes(d as string));
    if (kept.length > 0) body.DependsOn = kept;
    else delete body.DependsOn;
  }
}

/** The table as first written, before the red-team pass. */
const FIRST_TABLE: readonly Mutation[] = [
  // S3 buckets
  { name: 's3: encryption removed', type: 'AWS::S3::Bucket', applies: notPublicContent, edit: (r) => delete props(r).BucketEncryption },
  {
    name: 's3: KMS key swapped for alias/aws/s3',
    type: 'AWS::S3::Bucket', applies: notPublicContent,
    edit: (r) => (obj(list(obj(props(r).BucketEncryption).ServerSideEncryptionConfiguration)[0].ServerSideEncryptionByDefault).KMSMasterKeyID = 'alias/aws/s3'),
  },
  {
    name: 's3: SSE-S3 instead of KMS',
    type: 'AWS::S3::Bucket', applies: notPublicContent,
    edit: (r) => (list(obj(props(r).BucketEncryption).ServerSideEncryptionConfiguration)[0].ServerSideEncryptionByDefault = { SSEAlgorithm: 'AES256' }),
  },
  { name: 's3: versioning suspended', type: 'AWS::S3::Bucket', edit: (r) => (props(r).VersioningConfiguration = { Status: 'Suspended' }) },
  { name: 's3: BlockPublicPolicy off', type: 'AWS::S3::Bucket', edit: (r) => (obj(props(r).PublicAccessBlockConfiguration).BlockPublicPolicy = false) },
  { name: 's3: Block Public Access removed', type: 'AWS::S3::Bucket', edit: (r) => delete props(r).PublicAccessBlockConfiguration },
  { name: 's3: ACLs re-enabled (ObjectWriter)', type: 'AWS::S3::Bucket', edit: (r) => (props(r).OwnershipControls = { Rules: [{ ObjectOwnership: 'ObjectWriter' }] }) },
  { name: 's3: public-read canned ACL', type: 'AWS::S3::Bucket', edit: (r) => (props(r).AccessControl = 'PublicRead') },
  { name: 's3: server access logging removed', type: 'AWS::S3::Bucket', applies: has('LoggingConfiguration'), edit: (r) => delete props(r).LoggingConfiguration },
  { name: 's3: data-class tag removed', type: 'AWS::S3::Bucket', edit: (r) => removeTag(r, DATA_CLASS_TAG) },
  { name: 's3: DeletionPolicy Delete', type: 'AWS::S3::Bucket', edit: (r) => (r.DeletionPolicy = 'Delete') },
  { name: 's3: UpdateReplacePolicy Delete', type: 'AWS::S3::Bucket', edit: (r) => (r.UpdateReplacePolicy = 'Delete') },
  {
    name: 's3 lock: Object Lock to GOVERNANCE',
    type: 'AWS::S3::Bucket',
    applies: has('ObjectLockConfiguration', 'Rule'),
    edit: (r) => (obj(obj(obj(props(r).ObjectLockConfiguration).Rule).DefaultRetention).Mode = 'GOVERNANCE'),
  },
  {
    name: 's3 lock: retention cut to 30 days',
    type: 'AWS::S3::Bucket',
    applies: has('ObjectLockConfiguration', 'Rule'),
    edit: (r) => (obj(obj(obj(props(r).ObjectLockConfiguration).Rule).DefaultRetention).Days = 30),
  },
  {
    name: 's3 lock: Object Lock removed',
    type: 'AWS::S3::Bucket',
    applies: has('ObjectLockConfiguration'),
    edit: (r) => {
      delete props(r).ObjectLockConfiguration;
      delete props(r).ObjectLockEnabled;
    },
  },
  {
    name: 's3 lock: default retention removed',
    type: 'AWS::S3::Bucket',
    applies: has('ObjectLockConfiguration', 'Rule'),
    edit: (r) => delete obj(props(r).ObjectLockConfiguration).Rule,
  },

  // S3 bucket policies
  {
    name: 's3 policy: TLS-only statement removed',
    type: 'AWS::S3::BucketPolicy',
    edit: (r) => setStatements(r, 'PolicyDocument', statements(r, 'PolicyDocument').filter((s) => !deniesWithoutTls(s))),
  },
  {
    name: 's3 policy: wildcard principal may read',
    type: 'AWS::S3::BucketPolicy',
    edit: (r) =>
      setStatements(r, 'PolicyDocument', [
        ...statements(r, 'PolicyDocument'),
        { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [obj(props(r).Bucket).Ref, 'Arn'] }, '/*']] } },
      ]),
  },
  {
    name: 's3 policy: bucket policy deleted',
    type: 'AWS::S3::BucketPolicy',
    edit: (_r, { template, logicalId }) => removeResources(template, [logicalId]),
  },

  // KMS keys
  { name: 'kms: rotation off', type: 'AWS::KMS::Key', edit: (r) => (props(r).EnableKeyRotation = false) },
  {
    name: 'kms: wildcard principal added to key policy',
    type: 'AWS::KMS::Key',
    edit: (r) => setStatements(r, 'KeyPolicy', [...statements(r, 'KeyPolicy'), { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Decrypt', Resource: '*' }]),
  },
  { name: 'kms: DeletionPolicy Delete', type: 'AWS::KMS::Key', edit: (r) => (r.DeletionPolicy = 'Delete') },

  // CloudWatch Logs log groups
  { name: 'logs: log group unencrypted', type: 'AWS::Logs::LogGroup', edit: (r) => delete props(r).KmsKeyId },
  { name: 'logs: retention cut to 30 days', type: 'AWS::Logs::LogGroup', edit: (r) => (props(r).RetentionInDays = 30) },
  { name: 'logs: data-class tag removed', type: 'AWS::Logs::LogGroup', edit: (r) => removeTag(r, DATA_CLASS_TAG) },
  { name: 'logs: DeletionPolicy Delete', type: 'AWS::Logs::LogGroup', edit: (r) => (r.DeletionPolicy = 'Delete') },

  // CloudTrail
  { name: 'trail: log file validation off', type: 'AWS::CloudTrail::Trail', edit: (r) => (props(r).EnableLogFileValidation = false) },
  { name: 'trail: single-Region', type: 'AWS::CloudTrail::Trail', edit: (r) => (props(r).IsMultiRegionTrail = false) },
  { name: 'trail: global service events excluded', type: 'AWS::CloudTrail::Trail', edit: (r) => (props(r).IncludeGlobalServiceEvents = false) },
  {
    name: 'trail: CloudWatch Logs delivery removed',
    type: 'AWS::CloudTrail::Trail',
    edit: (r) => {
      delete props(r).CloudWatchLogsLogGroupArn;
      delete props(r).CloudWatchLogsRoleArn;
    },
  },
  { name: 'trail: KMS encryption removed', type: 'AWS::CloudTrail::Trail', edit: (r) => delete props(r).KMSKeyId },
  { name: 'trail: logging stopped', type: 'AWS::CloudTrail::Trail', edit: (r) => (props(r).IsLogging = false) },

  // CloudWatch alarms
  { name: 'alarm: actions removed', type: 'AWS::CloudWatch::Alarm', edit: (r) => delete props(r).AlarmActions },
  { name: 'alarm: actions disabled', type: 'AWS::CloudWatch::Alarm', edit: (r) => (props(r).ActionsEnabled = false) },

  // SNS
  { name: 'sns: topic unencrypted', type: 'AWS::SNS::Topic', edit: (r) => delete props(r).KmsMasterKeyId },
  { name: 'sns: KMS key swapped for alias/aws/sns', type: 'AWS::SNS::Topic', edit: (r) => (props(r).KmsMasterKeyId = 'alias/aws/sns') },
  {
    name: 'sns policy: TLS-only statement removed',
    type: 'AWS::SNS::TopicPolicy',
    edit: (r) => setStatements(r, 'PolicyDocument', statements(r, 'PolicyDocument').filter((s) => !deniesWithoutTls(s))),
  },
  {
    name: 'sns policy: wildcard principal may publish',
    type: 'AWS::SNS::TopicPolicy',
    edit: (r) =>
      setStatements(r, 'PolicyDocument', [...statements(r, 'PolicyDocument'), { Effect: 'Allow', Principal: '*', Action: 'sns:Publish', Resource: list(props(r).Topics)[0] }]),
  },

  // WAF web ACLs
  {
    name: 'waf: managed group set to Count',
    type: 'AWS::WAFv2::WebACL',
    spots: managedGroupNames,
    edit: (r, { spot }) => (webAclRules(r).find((rule) => rule.Name === spot)!.OverrideAction = { Count: {} }),
  },
  {
    name: 'waf: managed group removed',
    type: 'AWS::WAFv2::WebACL',
    spots: managedGroupNames,
    edit: (r, { spot }) => (props(r).Rules = webAclRules(r).filter((rule) => rule.Name !== spot)),
  },
  {
    name: 'waf: a rule of a managed group overridden to Count',
    type: 'AWS::WAFv2::WebACL',
    spots: managedGroupNames,
    edit: (r, { spot }) =>
      (obj(obj(webAclRules(r).find((rule) => rule.Name === spot)!.Statement).ManagedRuleGroupStatement).RuleActionOverrides = [
        { Name: 'SQLi_BODY', ActionToUse: { Count: {} } },
      ]),
  },
  { name: 'waf: rate rule dropped', type: 'AWS::WAFv2::WebACL', applies: hasRateRule, edit: (r) => (props(r).Rules = webAclRules(r).filter((rule) => !isRateRule(rule))) },
  { name: 'waf: rate limit set to 5', type: 'AWS::WAFv2::WebACL', applies: hasRateRule, edit: (r) => (obj(obj(rateRule(r).Statement).RateBasedStatement).Limit = 5) },
  {
    name: 'waf: rate limit raised to 2,000,000,000',
    type: 'AWS::WAFv2::WebACL',
    applies: hasRateRule,
    edit: (r) => (obj(obj(rateRule(r).Statement).RateBasedStatement).Limit = 2_000_000_000),
  },
  { name: 'waf: rate rule action Count', type: 'AWS::WAFv2::WebACL', applies: hasRateRule, edit: (r) => (rateRule(r).Action = { Count: {} }) },
  {
    name: 'waf: rate rule aggregates by a constant key',
    type: 'AWS::WAFv2::WebACL',
    applies: hasRateRule,
    edit: (r) => {
      const statement = obj(obj(rateRule(r).Statement).RateBasedStatement);
      statement.AggregateKeyType = 'CONSTANT';
      delete statement.ForwardedIPConfig;
      statement.ScopeDownStatement = { ByteMatchStatement: { FieldToMatch: { UriPath: {} }, PositionalConstraint: 'STARTS_WITH', SearchString: '/', TextTransformations: [{ Priority: 0, Type: 'NONE' }] } };
    },
  },
  {
    name: 'waf: geo block added',
    type: 'AWS::WAFv2::WebACL',
    edit: (r) =>
      (props(r).Rules = [
        ...webAclRules(r),
        {
          Name: 'GeoBlock',
          Priority: 99,
          Action: { Block: {} },
          Statement: { NotStatement: { Statement: { GeoMatchStatement: { CountryCodes: ['US'] } } } },
          VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: 'geo' },
        },
      ]),
  },
  // `waf body:` only where bodies arrive: a web ACL in front of GET-only sites passes WafDataProtection without redaction.
  { name: 'waf body: redaction (data protection) dropped', type: 'AWS::WAFv2::WebACL', applies: has('DataProtectionConfig'), edit: (r) => delete props(r).DataProtectionConfig },
  {
    name: 'waf: logging configuration removed',
    type: 'AWS::WAFv2::LoggingConfiguration',
    edit: (_r, { template, logicalId }) => removeResources(template, [logicalId]),
  },
  {
    name: 'waf: cookie redaction dropped',
    type: 'AWS::WAFv2::LoggingConfiguration',
    edit: (r) => (props(r).RedactedFields = list(props(r).RedactedFields).filter((f) => obj(f.SingleHeader).Name !== 'cookie')),
  },
  {
    name: 'waf: authorization redaction dropped',
    type: 'AWS::WAFv2::LoggingConfiguration',
    edit: (r) => (props(r).RedactedFields = list(props(r).RedactedFields).filter((f) => obj(f.SingleHeader).Name !== 'authorization')),
  },
  { name: 'waf: log destinations emptied', type: 'AWS::WAFv2::LoggingConfiguration', edit: (r) => (props(r).LogDestinationConfigs = []) },
  {
    name: 'waf association: API stage web ACL removed',
    type: 'AWS::WAFv2::WebACLAssociation',
    applies: (r) => JSON.stringify(props(r).ResourceArn).includes('/stages/'),
    edit: (_r, { template, logicalId }) => removeResources(template, [logicalId]),
  },
  {
    name: 'cognito waf: user pool web ACL removed',
    type: 'AWS::WAFv2::WebACLAssociation',
    applies: (r) => JSON.stringify(props(r).ResourceArn).includes('UserPool'),
    edit: (_r, { template, logicalId }) => removeResources(template, [logicalId]),
  },

  // CloudFront
  { name: 'cloudfront: web ACL detached', type: 'AWS::CloudFront::Distribution', edit: (r) => delete distribution(r).WebACLId },
  {
    name: 'cloudfront: default behavior allows HTTP',
    type: 'AWS::CloudFront::Distribution',
    edit: (r) => (obj(distribution(r).DefaultCacheBehavior).ViewerProtocolPolicy = 'allow-all'),
  },
  {
    name: 'cloudfront api: path behavior allows HTTP',
    type: 'AWS::CloudFront::Distribution',
    applies: (r) => list(distribution(r).CacheBehaviors).length > 0,
    edit: (r) => (list(distribution(r).CacheBehaviors)[0].ViewerProtocolPolicy = 'allow-all'),
  },
  {
    name: 'cloudfront: HSTS dropped from the default behavior',
    type: 'AWS::CloudFront::Distribution',
    edit: (r) => delete obj(distribution(r).DefaultCacheBehavior).ResponseHeadersPolicyId,
  },
  {
    name: 'cloudfront api: HSTS dropped from a path behavior',
    type: 'AWS::CloudFront::Distribution',
    applies: (r) => list(distribution(r).CacheBehaviors).length > 0,
    edit: (r) => delete list(distribution(r).CacheBehaviors)[0].ResponseHeadersPolicyId,
  },
  {
    name: 'cloudfront: caching disabled on the default behavior',
    type: 'AWS::CloudFront::Distribution',
    edit: (r) => (obj(distribution(r).DefaultCacheBehavior).CachePolicyId = CACHING_DISABLED),
  },
  {
    name: 'cloudfront: OAC swapped for a legacy OAI',
    type: 'AWS::CloudFront::Distribution',
    applies: (r) => s3Origins(r).length > 0,
    edit: (r) => {
      const origin = s3Origins(r)[0];
      delete origin.OriginAccessControlId;
      origin.S3OriginConfig = { OriginAccessIdentity: 'origin-access-identity/cloudfront/E2QWRUHAPOMQZL' };
    },
  },
  {
    name: 'cloudfront: OAC removed from an S3 origin',
    type: 'AWS::CloudFront::Distribution',
    applies: (r) => s3Origins(r).length > 0,
    edit: (r) => delete s3Origins(r)[s3Origins(r).length - 1].OriginAccessControlId,
  },
  {
    name: 'cloudfront: custom certificate with TLSv1 minimum',
    type: 'AWS::CloudFront::Distribution',
    edit: (r) => (distribution(r).ViewerCertificate = { AcmCertificateArn: ACM_CERT, MinimumProtocolVersion: 'TLSv1', SslSupportMethod: 'sni-only' }),
  },
  {
    name: 'cloudfront api: custom origin accepts TLSv1',
    type: 'AWS::CloudFront::Distribution',
    applies: (r) => customOrigins(r).length > 0,
    edit: (r) => (obj(customOrigins(r)[0].CustomOriginConfig).OriginSSLProtocols = ['TLSv1', 'TLSv1.2']),
  },
  {
    name: 'cloudfront api: custom origin over HTTP',
    type: 'AWS::CloudFront::Distribution',
    applies: (r) => customOrigins(r).length > 0,
    edit: (r) => (obj(customOrigins(r)[0].CustomOriginConfig).OriginProtocolPolicy = 'http-only'),
  },
  {
    name: 'cloudfront: access log delivery removed',
    type: 'AWS::CloudFront::Distribution',
    edit: (_r, { template, logicalId }) => {
      const sources = referrers(template, logicalId, 'AWS::Logs::DeliverySource');
      if (sources.length === 0) throw new Error('no access log delivery source');
      const names = sources.map((id) => template.Resources[id].Properties?.Name);
      const deliveries = Object.entries(template.Resources)
        .filter(([, body]) => body.Type === 'AWS::Logs::Delivery' && names.includes(body.Properties?.DeliverySourceName))
        .map(([id]) => id);
      removeResources(template, [...sources, ...deliveries]);
    },
  },
  {
    name: 'cloudfront: HSTS removed from the headers policy',
    type: 'AWS::CloudFront::ResponseHeadersPolicy',
    edit: (r) => delete obj(obj(props(r).ResponseHeadersPolicyConfig).SecurityHeadersConfig).StrictTransportSecurity,
  },
  {
    name: 'cloudfront: HSTS max-age cut to one day',
    type: 'AWS::CloudFront::ResponseHeadersPolicy',
    edit: (r) => (obj(obj(obj(props(r).ResponseHeadersPolicyConfig).SecurityHeadersConfig).StrictTransportSecurity).AccessControlMaxAgeSec = 86400),
  },
  {
    name: 'cloudfront: HSTS without includeSubDomains',
    type: 'AWS::CloudFront::ResponseHeadersPolicy',
    edit: (r) => (obj(obj(obj(props(r).ResponseHeadersPolicyConfig).SecurityHeadersConfig).StrictTransportSecurity).IncludeSubdomains = false),
  },
  {
    name: 'cloudfront: cache policy TTLs 0',
    type: 'AWS::CloudFront::CachePolicy',
    edit: (r) => Object.assign(obj(props(r).CachePolicyConfig), { MinTTL: 0, DefaultTTL: 0, MaxTTL: 0 }),
  },

  // DynamoDB
  { name: 'dynamodb: PITR off', type: 'AWS::DynamoDB::Table', edit: (r) => (props(r).PointInTimeRecoverySpecification = { PointInTimeRecoveryEnabled: false }) },
  { name: 'dynamodb: deletion protection off', type: 'AWS::DynamoDB::Table', edit: (r) => (props(r).DeletionProtectionEnabled = false) },
  { name: 'dynamodb: SSE off', type: 'AWS::DynamoDB::Table', edit: (r) => delete props(r).SSESpecification },
  { name: 'dynamodb: AWS-managed key', type: 'AWS::DynamoDB::Table', edit: (r) => (props(r).SSESpecification = { SSEEnabled: true }) },
  { name: 'dynamodb: KMS key swapped for alias/aws/dynamodb', type: 'AWS::DynamoDB::Table', edit: (r) => (obj(props(r).SSESpecification).KMSMasterKeyId = 'alias/aws/dynamodb') },
  { name: 'dynamodb: DeletionPolicy Delete', type: 'AWS::DynamoDB::Table', edit: (r) => (r.DeletionPolicy = 'Delete') },
  { name: 'dynamodb: data-class tag removed', type: 'AWS::DynamoDB::Table', edit: (r) => removeTag(r, DATA_CLASS_TAG) },

  // API Gateway
  {
    name: 'apigateway: stage throttling removed',
    type: 'AWS::ApiGateway::Stage',
    edit: (r) =>
      (props(r).MethodSettings = list(props(r).MethodSettings).map(({ ThrottlingRateLimit: _rate, ThrottlingBurstLimit: _burst, ...rest }) => rest)),
  },
  {
    name: 'apigateway: stage throttling rate 0',
    type: 'AWS::ApiGateway::Stage',
    edit: (r) => (list(props(r).MethodSettings)[0].ThrottlingRateLimit = 0),
  },
  { name: 'apigateway: access logging removed', type: 'AWS::ApiGateway::Stage', edit: (r) => delete props(r).AccessLogSetting },

  // Lambda
  {
    // Principal * limited by SourceArn is as narrow as the service principal, so "open to *" means without it.
    name: 'lambda: permission to * (anyone may invoke)',
    type: 'AWS::Lambda::Permission',
    edit: (r) => {
      props(r).Principal = '*';
      delete props(r).SourceArn;
    },
  },
  { name: 'lambda: service permission without SourceArn', type: 'AWS::Lambda::Permission', applies: has('SourceArn'), edit: (r) => delete props(r).SourceArn },

  // Security monitoring (GuardDuty, Security Hub, Config, finding routes)
  { name: 'monitoring: GuardDuty detector disabled', type: 'AWS::GuardDuty::Detector', edit: (r) => (props(r).Enable = false) },
  {
    name: 'monitoring: Config recorder drops global resource types',
    type: 'AWS::Config::ConfigurationRecorder',
    edit: (r) => (obj(props(r).RecordingGroup).IncludeGlobalResourceTypes = false),
  },
  { name: 'monitoring: Security Hub standard removed', type: 'AWS::SecurityHub::Standard', edit: (_r, { template, logicalId }) => removeResources(template, [logicalId]) },
  { name: 'monitoring: finding route disabled', type: 'AWS::Events::Rule', edit: (r) => (props(r).State = 'DISABLED') },

  // Cognito
  { name: 'cognito: MFA optional', type: 'AWS::Cognito::UserPool', edit: (r) => (props(r).MfaConfiguration = 'OPTIONAL') },
  { name: 'cognito: MFA off', type: 'AWS::Cognito::UserPool', edit: (r) => (props(r).MfaConfiguration = 'OFF') },
  { name: 'cognito: threat protection AUDIT', type: 'AWS::Cognito::UserPool', edit: (r) => (props(r).UserPoolAddOns = { AdvancedSecurityMode: 'AUDIT' }) },
  { name: 'cognito: threat protection removed', type: 'AWS::Cognito::UserPool', edit: (r) => delete props(r).UserPoolAddOns },
  { name: 'cognito: DeletionPolicy Delete', type: 'AWS::Cognito::UserPool', edit: (r) => (r.DeletionPolicy = 'Delete') },
  { name: 'cognito: deletion protection off', type: 'AWS::Cognito::UserPool', edit: (r) => (props(r).DeletionProtection = 'INACTIVE') },
  { name: 'cognito: self sign-up allowed', type: 'AWS::Cognito::UserPool', edit: (r) => (obj(props(r).AdminCreateUserConfig).AllowAdminCreateUserOnly = false) },
  { name: 'cognito: password minimum cut to 8', type: 'AWS::Cognito::UserPool', edit: (r) => (obj(obj(props(r).Policies).PasswordPolicy).MinimumLength = 8) },
];

/** Every weakening the mutation test applies: the first table, the red team's, the foreign-account grants and the vendors' data stores. */
export const MUTATIONS: readonly Mutation[] = [...FIRST_TABLE, ...RED_TEAM_MUTATIONS, ...FOREIGN_MUTATIONS, ...DATA_STORE_MUTATIONS, ...ENTRY_POINT_MUTATIONS, ...AUDIT_LOG_MUTATIONS, ...EDGE_PATH_MUTATIONS, ...STATEWIDE_MUTATIONS];
