import { CfnResource, CfnTemplate } from './construct-templates';
import type { Mutation } from './mutations';
import { has, hasRateRule, Json, list, obj, props, rateRule, webAclRules } from './template-edits';

/**
 * Weakenings first found by a red-team pass over the reference templates
 * (issue 6's "templates the tests have never seen"): 277 of its 303 held-out
 * weakenings got past the 55-rule pack. The rules that now catch them were
 * written against that list; these entries keep each class of attack in the
 * mutation table, against every construct it applies to, so none comes back.
 */

/** Makes the resource exist only under a condition that is never true, as a hand edit hiding a control would. */
function neverCreated(template: CfnTemplate, logicalId: string): void {
  template.Conditions = { ...obj(template.Conditions ?? {}), Never: { 'Fn::Equals': ['always', 'never'] } };
  template.Resources[logicalId].Condition = 'Never';
}

/** Adds a resource next to `logicalId`, under a derived id. */
function addResource(template: CfnTemplate, logicalId: string, suffix: string, body: CfnResource): void {
  template.Resources[`${logicalId}${suffix}`] = body;
}

/** The rate-based statement of the web ACL's rate rule. */
const rateStatement = (r: CfnResource): Json => obj(obj(rateRule(r).Statement).RateBasedStatement);
const managedGroup = (r: CfnResource, name: string) =>
  webAclRules(r).find((rule) => (obj(rule.Statement).ManagedRuleGroupStatement as Json | undefined)?.Name === name);
const stageSettings = (r: CfnResource): Json[] => list(props(r).MethodSettings);
const securityHeaders = (r: CfnResource): Json => obj(obj(props(r).ResponseHeadersPolicyConfig).SecurityHeadersConfig);
const cacheKey = (r: CfnResource): Json => obj(obj(props(r).CachePolicyConfig).ParametersInCacheKeyAndForwardedToOrigin);
const trust = (r: CfnResource): Json[] => list(obj(props(r).AssumeRolePolicyDocument).Statement);
const isHandler = (r: CfnResource) => typeof props(r).Runtime === 'string';

export const RED_TEAM_MUTATIONS: readonly Mutation[] = [
  // Alarms on the trail: each still "has an action" while it can no longer fire.
  {
    name: 'alarm: filter pattern edited so it never matches',
    type: 'AWS::Logs::MetricFilter',
    applies: (r) => typeof props(r).FilterPattern === 'string',
    edit: (r) => (props(r).FilterPattern = String(props(r).FilterPattern).replace(/\}\s*$/, '&& ($.eventName = "NeverCalled") }')),
  },
  {
    name: 'alarm: filter emits 0',
    type: 'AWS::Logs::MetricFilter',
    edit: (r) => (list(props(r).MetricTransformations)[0].MetricValue = '0'),
  },
  { name: 'alarm: filter and alarm deleted', type: 'AWS::Logs::MetricFilter', edit: (_r, { template, logicalId }) => delete template.Resources[logicalId] },
  { name: 'alarm: threshold raised to a million', type: 'AWS::CloudWatch::Alarm', edit: (r) => (props(r).Threshold = 1000000) },
  { name: 'alarm: comparison inverted', type: 'AWS::CloudWatch::Alarm', edit: (r) => (props(r).ComparisonOperator = 'LessThanThreshold') },
  { name: 'alarm: 100 datapoints to alarm', type: 'AWS::CloudWatch::Alarm', edit: (r) => Object.assign(props(r), { EvaluationPeriods: 100, DatapointsToAlarm: 100 }) },
  { name: 'alarm: the only action removed by AWS::NoValue', type: 'AWS::CloudWatch::Alarm', edit: (r) => (props(r).AlarmActions = [{ Ref: 'AWS::NoValue' }]) },
  { name: 'alarm: created only under a condition', type: 'AWS::CloudWatch::Alarm', edit: (_r, { template, logicalId }) => neverCreated(template, logicalId) },
  { name: 'alarm: the trail feeding the alarms deleted', type: 'AWS::CloudTrail::Trail', edit: (_r, { template, logicalId }) => delete template.Resources[logicalId] },
  { name: 'alarm: trail log group moved to infrequent access', type: 'AWS::Logs::LogGroup', edit: (r) => (props(r).LogGroupClass = 'INFREQUENT_ACCESS') },

  // The trail records what the alarms read.
  {
    name: 'trail: write management events dropped',
    type: 'AWS::CloudTrail::Trail',
    edit: (r) => {
      const selectors = list(props(r).EventSelectors);
      if (selectors.length === 0) props(r).EventSelectors = [{ IncludeManagementEvents: true, ReadWriteType: 'ReadOnly' }];
      else selectors.forEach((s) => (s.ReadWriteType = 'ReadOnly'));
    },
  },
  {
    name: 'trail: KMS management events excluded',
    type: 'AWS::CloudTrail::Trail',
    edit: (r) => {
      const selectors = list(props(r).EventSelectors);
      if (selectors.length === 0) props(r).EventSelectors = [{ IncludeManagementEvents: true, ReadWriteType: 'All', ExcludeManagementEventSources: ['kms.amazonaws.com'] }];
      else selectors[0].ExcludeManagementEventSources = ['kms.amazonaws.com'];
    },
  },
  { name: 'trail: created only under a condition', type: 'AWS::CloudTrail::Trail', edit: (_r, { template, logicalId }) => neverCreated(template, logicalId) },

  // Web ACLs: every protection still listed, one of them bypassed.
  {
    name: 'waf: allow-everything rule ahead of the protections',
    type: 'AWS::WAFv2::WebACL',
    edit: (r) => {
      webAclRules(r).forEach((rule) => (rule.Priority = Number(rule.Priority) + 1));
      webAclRules(r).unshift({
        Name: 'AllowAll',
        Priority: 0,
        Action: { Allow: {} },
        Statement: { ByteMatchStatement: { FieldToMatch: { UriPath: {} }, PositionalConstraint: 'STARTS_WITH', SearchString: '/', TextTransformations: [{ Priority: 0, Type: 'NONE' }] } },
        VisibilityConfig: { CloudWatchMetricsEnabled: true, MetricName: 'AllowAll', SampledRequestsEnabled: true },
      });
    },
  },
  {
    name: 'waf: a common rule overridden to Challenge',
    type: 'AWS::WAFv2::WebACL',
    applies: (r) => managedGroup(r, 'AWSManagedRulesCommonRuleSet') !== undefined,
    edit: (r) => {
      const group = obj(obj(managedGroup(r, 'AWSManagedRulesCommonRuleSet')!.Statement).ManagedRuleGroupStatement);
      group.RuleActionOverrides = [...list(group.RuleActionOverrides), { Name: 'CrossSiteScripting_BODY', ActionToUse: { Challenge: {} } }];
    },
  },
  {
    name: 'waf: rate rule scoped down to an unused path',
    type: 'AWS::WAFv2::WebACL',
    applies: hasRateRule,
    edit: (r) => (rateStatement(r).ScopeDownStatement = {
      ByteMatchStatement: { FieldToMatch: { UriPath: {} }, PositionalConstraint: 'STARTS_WITH', SearchString: '/never-used/', TextTransformations: [{ Priority: 0, Type: 'NONE' }] },
    }),
  },
  {
    name: 'waf: rate rule keyed on IP and query string',
    type: 'AWS::WAFv2::WebACL',
    applies: hasRateRule,
    edit: (r) => Object.assign(rateStatement(r), { AggregateKeyType: 'CUSTOM_KEYS', CustomKeys: [{ IP: {} }, { QueryString: { TextTransformations: [{ Priority: 0, Type: 'NONE' }] } }] }),
  },
  {
    name: 'waf body: data protection narrowed to one field',
    type: 'AWS::WAFv2::WebACL',
    applies: has('DataProtectionConfig'),
    edit: (r) => list(obj(props(r).DataProtectionConfig).DataProtections).forEach((p) => (obj(p.Field).FieldKeys = ['comment'])),
  },
  {
    name: 'waf: logging filter drops every record',
    type: 'AWS::WAFv2::LoggingConfiguration',
    edit: (r) => (props(r).LoggingFilter = {
      DefaultBehavior: 'DROP',
      Filters: [{ Behavior: 'DROP', Requirement: 'MEETS_ANY', Conditions: [{ ActionCondition: { Action: 'ALLOW' } }] }],
    }),
  },
  {
    name: 'origin verify: header no longer redacted in the WAF logs',
    type: 'AWS::WAFv2::LoggingConfiguration',
    applies: (r) => list(props(r).RedactedFields).some((f) => String(obj(f.SingleHeader ?? {}).Name).includes('origin')),
    edit: (r) => (props(r).RedactedFields = list(props(r).RedactedFields).filter((f) => !String(obj(f.SingleHeader ?? {}).Name).includes('origin'))),
  },
  { name: 'waf association: created only under a condition', type: 'AWS::WAFv2::WebACLAssociation', edit: (_r, { template, logicalId }) => neverCreated(template, logicalId) },

  // CloudFront: the headers and the cache that keep the site up and honest.
  { name: 'cloudfront: CSP removed from the headers policy', type: 'AWS::CloudFront::ResponseHeadersPolicy', edit: (r) => delete securityHeaders(r).ContentSecurityPolicy },
  {
    name: 'cloudfront: CSP allows inline and eval scripts from anywhere',
    type: 'AWS::CloudFront::ResponseHeadersPolicy',
    edit: (r) => (securityHeaders(r).ContentSecurityPolicy = { ContentSecurityPolicy: "default-src * 'unsafe-inline' 'unsafe-eval'", Override: true }),
  },
  { name: 'cloudfront: frame options removed', type: 'AWS::CloudFront::ResponseHeadersPolicy', edit: (r) => delete securityHeaders(r).FrameOptions },
  { name: 'cloudfront: cache key takes every query string', type: 'AWS::CloudFront::CachePolicy', edit: (r) => (cacheKey(r).QueryStringsConfig = { QueryStringBehavior: 'all' }) },
  {
    name: 'cloudfront: cache key takes a client header',
    type: 'AWS::CloudFront::CachePolicy',
    edit: (r) => (cacheKey(r).HeadersConfig = { HeaderBehavior: 'whitelist', Headers: ['User-Agent', 'X-Cache-Buster'] }),
  },
  {
    name: 'cloudfront: geo restriction to the US',
    type: 'AWS::CloudFront::Distribution',
    edit: (r) => (obj(props(r).DistributionConfig).Restrictions = { GeoRestriction: { RestrictionType: 'whitelist', Locations: ['US'] } }),
  },

  // The registration API.
  { name: 'apigateway: data trace on (request bodies in logs)', type: 'AWS::ApiGateway::Stage', edit: (r) => stageSettings(r).forEach((s) => (s.DataTraceEnabled = true)) },
  {
    name: 'apigateway: per-method throttle override at 10,000',
    type: 'AWS::ApiGateway::Stage',
    edit: (r) => (props(r).MethodSettings = [...stageSettings(r), { HttpMethod: 'POST', ResourcePath: '/~1api~1registrations', ThrottlingRateLimit: 10000, ThrottlingBurstLimit: 5000 }]),
  },
  {
    name: 'apigateway: access log format without the source IP',
    type: 'AWS::ApiGateway::Stage',
    applies: has('AccessLogSetting'),
    edit: (r) => (obj(props(r).AccessLogSetting).Format = '$context.requestId'),
  },
  { name: 'apigateway: request validator dropped', type: 'AWS::ApiGateway::Method', applies: has('RequestValidatorId'), edit: (r) => delete props(r).RequestValidatorId },
  { name: 'apigateway: body validation off', type: 'AWS::ApiGateway::RequestValidator', edit: (r) => (props(r).ValidateRequestBody = false) },

  // The handler and its secrets.
  { name: 'lambda: password in the environment', type: 'AWS::Lambda::Function', applies: isHandler, edit: (r) => (props(r).Environment = { Variables: { ...obj(obj(props(r).Environment ?? {}).Variables ?? {}), DB_PASSWORD: 'hunter2hunter2' } }) },
  { name: 'lambda: deprecated runtime', type: 'AWS::Lambda::Function', applies: isHandler, edit: (r) => (props(r).Runtime = 'nodejs14.x') },
  {
    name: 'secrets: secret value written in the template',
    type: 'AWS::SecretsManager::Secret',
    edit: (r) => {
      delete props(r).GenerateSecretString;
      props(r).SecretString = 'letmein';
    },
  },
  { name: 'secrets: generated secret cut to 6 characters', type: 'AWS::SecretsManager::Secret', applies: has('GenerateSecretString'), edit: (r) => (obj(props(r).GenerateSecretString).PasswordLength = 6) },

  // Roles.
  {
    name: 'iam: AdministratorAccess attached to a role',
    type: 'AWS::IAM::Role',
    edit: (r) => (props(r).ManagedPolicyArns = [...list(props(r).ManagedPolicyArns), 'arn:aws:iam::aws:policy/AdministratorAccess']),
  },
  { name: 'iam: trust opened to every AWS account', type: 'AWS::IAM::Role', edit: (r) => trust(r).forEach((s) => (s.Principal = { AWS: '*' })) },
  {
    name: 'iam: trust extended to a foreign account',
    type: 'AWS::IAM::Role',
    edit: (r) => trust(r).push({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999999999999:root' }, Action: 'sts:AssumeRole' }),
  },

  // Keys: still rotated and private, no longer usable or quick to destroy.
  { name: 'kms: key disabled', type: 'AWS::KMS::Key', edit: (r) => (props(r).Enabled = false) },
  { name: 'kms: deletion window cut to 7 days', type: 'AWS::KMS::Key', edit: (r) => (props(r).PendingWindowInDays = 7) },
  {
    name: 'kms: everyone allowed, narrowed only by TLS',
    type: 'AWS::KMS::Key',
    edit: (r) => list(obj(props(r).KeyPolicy).Statement).push({
      Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } },
    }),
  },

  // Records and audit logs: kept by Object Lock, deleted by lifecycle.
  {
    name: 's3 lock: lifecycle expires objects after a day',
    type: 'AWS::S3::Bucket',
    applies: has('ObjectLockConfiguration', 'Rule'),
    edit: (r) => {
      const lifecycle = obj(props(r).LifecycleConfiguration ?? (props(r).LifecycleConfiguration = { Rules: [] }));
      lifecycle.Rules = [...list(lifecycle.Rules), { Id: 'Purge', Status: 'Enabled', ExpirationInDays: 1 }];
    },
  },

  // Voter PII and detection services.
  {
    name: 'dynamodb: resource policy open to everyone',
    type: 'AWS::DynamoDB::Table',
    edit: (r) => (props(r).ResourcePolicy = { PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'dynamodb:*', Resource: '*' }] } }),
  },
  {
    name: 'monitoring: a GuardDuty protection disabled',
    type: 'AWS::GuardDuty::Detector',
    applies: (r) => list(props(r).Features).some((f) => f.Status === 'ENABLED'),
    edit: (r) => (list(props(r).Features).find((f) => f.Status === 'ENABLED')!.Status = 'DISABLED'),
  },
  {
    name: 'monitoring: every GuardDuty finding auto-archived',
    type: 'AWS::GuardDuty::Detector',
    edit: (_r, { template, logicalId }) => addResource(template, logicalId, 'ArchiveAll', {
      Type: 'AWS::GuardDuty::Filter',
      Properties: { DetectorId: { Ref: logicalId }, Name: 'archive-all', Action: 'ARCHIVE', Rank: 1, FindingCriteria: { Criterion: { severity: { Gte: 0 } } } },
    }),
  },
  {
    name: 'monitoring: CIS controls disabled',
    type: 'AWS::SecurityHub::Standard',
    edit: (r) => (props(r).DisabledStandardsControls = [{ StandardsControlArn: 'arn:aws:securityhub:us-east-1:111122223333:control/cis-aws-foundations-benchmark/v/3.0.0/3.1', Reason: 'noise' }]),
  },
  {
    name: 'monitoring: findings route raised to the top severity only',
    type: 'AWS::Events::Rule',
    applies: (r) => JSON.stringify(props(r).EventPattern ?? {}).includes('aws.guardduty'),
    edit: (r) => (obj(obj(props(r).EventPattern).detail).severity = [{ numeric: ['>=', 9] }]),
  },
  {
    name: 'monitoring: findings route rewritten to a constant message',
    type: 'AWS::Events::Rule',
    applies: (r) => list(props(r).Targets).length > 0,
    edit: (r) => list(props(r).Targets).forEach((t) => (t.Input = '"all clear"')),
  },

  // Any bucket or topic policy hidden behind a condition.
  { name: 's3 policy: created only under a condition', type: 'AWS::S3::BucketPolicy', edit: (_r, { template, logicalId }) => neverCreated(template, logicalId) },

  // SNS: the alert channel.
  {
    name: 'sns: alerts subscribed over plain HTTP',
    type: 'AWS::SNS::Topic',
    edit: (_r, { template, logicalId }) =>
      addResource(template, logicalId, 'HttpSubscription', { Type: 'AWS::SNS::Subscription', Properties: { TopicArn: { Ref: logicalId }, Protocol: 'http', Endpoint: 'http://alerts.example.org/hook' } }),
  },
  {
    name: 'sns policy: everyone allowed, narrowed only by an ArnLike of arn:aws:*',
    type: 'AWS::SNS::TopicPolicy',
    edit: (r) => list(obj(props(r).PolicyDocument).Statement).push({
      Effect: 'Allow', Principal: '*', Action: 'sns:Publish', Resource: '*', Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:*' } },
    }),
  },
];
