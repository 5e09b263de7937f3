import { Body } from './template-fixtures';

/** Fixtures for the edge rules (issue 3): bare templates that meet the whole baseline, to weaken one setting at a time. */

export type Template = Record<string, Body>;
export type Props = Record<string, unknown>;

export const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
export const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
export const MANAGED_SECURITY_HEADERS = '67f7725c-6f97-4210-82d7-5512b31e9d03';
export const CERTIFICATE_ARN = 'arn:aws:acm:us-east-1:111122223333:certificate/1234abcd-12ab-34cd-56ef-1234567890ab';
export const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

/** A deep copy of `template` with the properties of `logicalId` changed by `edit`. */
export function withProps(template: Template, logicalId: string, edit: (props: Props) => void): Template {
  const copy = JSON.parse(JSON.stringify(template)) as Template;
  const body = copy[logicalId];
  if (!body) throw new Error(`fixture has no ${logicalId}`);
  body.Properties = body.Properties ?? {};
  edit(body.Properties);
  return copy;
}

/** A deep copy of `template` without `logicalIds`. */
export function without(template: Template, ...logicalIds: string[]): Template {
  const copy = JSON.parse(JSON.stringify(template)) as Template;
  for (const id of logicalIds) delete copy[id];
  return copy;
}

/** The rules of a web ACL that meets preset `portal`: the five managed groups, a rate limit. */
export function portalRules(): Props[] {
  const groups = [
    'AWSManagedRulesCommonRuleSet',
    'AWSManagedRulesSQLiRuleSet',
    'AWSManagedRulesKnownBadInputsRuleSet',
    'AWSManagedRulesAmazonIpReputationList',
    'AWSManagedRulesAnonymousIpList',
  ];
  return [
    ...groups.map((name, i) => ({
      Name: name,
      Priority: i,
      Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: name } },
      OverrideAction: { None: {} },
      VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: name },
    })),
    {
      Name: 'PerIpRateLimit',
      Priority: 10,
      Statement: { RateBasedStatement: { Limit: 300, AggregateKeyType: 'IP', EvaluationWindowSec: 60 } },
      Action: { Block: {} },
      VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: 'rate' },
    },
  ];
}

/** A web ACL of `preset` with its logging configuration and body redaction. */
export function webAclTemplate(preset = 'portal'): Template {
  return {
    WebAcl: {
      Type: 'AWS::WAFv2::WebACL',
      Properties: {
        Scope: 'CLOUDFRONT',
        DefaultAction: { Allow: {} },
        Rules: portalRules(),
        VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: 'acl' },
        // Request bodies (voter PII) replaced in logs and samples, as ElectionWebAcl does.
        DataProtectionConfig: { DataProtections: [{ Field: { FieldType: 'BODY' }, Action: 'SUBSTITUTION' }] },
        Tags: [{ Key: 'election:waf-preset', Value: preset }],
      },
    },
    WafLogs: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: 'aws-waf-logs-portal' } },
    WafLogging: {
      Type: 'AWS::WAFv2::LoggingConfiguration',
      Properties: {
        ResourceArn: { 'Fn::GetAtt': ['WebAcl', 'Arn'] },
        LogDestinationConfigs: [{ 'Fn::GetAtt': ['WafLogs', 'Arn'] }],
        RedactedFields: [{ SingleHeader: { Name: 'authorization' } }, { SingleHeader: { Name: 'cookie' } }],
      },
    },
  };
}

/**
 * A distribution that meets every CloudFront rule: web ACL, HTTPS, TLS 1.2 on a
 * custom domain, v2 access-log delivery, an S3 origin with OAC, HSTS on every
 * behavior, a caching default behavior and an uncached `/api/*` behavior.
 */
export function distributionTemplate(): Template {
  return {
    ...webAclTemplate(),
    Site: { Type: 'AWS::S3::Bucket', Properties: { Tags: [{ Key: 'election:data-class', Value: 'public-content' }] } },
    Oac: { Type: 'AWS::CloudFront::OriginAccessControl', Properties: { OriginAccessControlConfig: { Name: 'oac', OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' } } },
    Headers: {
      Type: 'AWS::CloudFront::ResponseHeadersPolicy',
      Properties: {
        ResponseHeadersPolicyConfig: {
          Name: 'election-security-headers',
          SecurityHeadersConfig: {
            StrictTransportSecurity: { AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true, Override: true, Preload: true },
          },
        },
      },
    },
    Cache: { Type: 'AWS::CloudFront::CachePolicy', Properties: { CachePolicyConfig: { Name: 'results', MinTTL: 0, DefaultTTL: 30, MaxTTL: 300 } } },
    Distribution: {
      Type: 'AWS::CloudFront::Distribution',
      Properties: {
        DistributionConfig: {
          Enabled: true,
          Aliases: ['results.example.gov'],
          WebACLId: { 'Fn::GetAtt': ['WebAcl', 'Arn'] },
          Origins: [
            {
              Id: 'site',
              DomainName: { 'Fn::GetAtt': ['Site', 'RegionalDomainName'] },
              OriginAccessControlId: { 'Fn::GetAtt': ['Oac', 'Id'] },
              S3OriginConfig: { OriginAccessIdentity: '' },
            },
            {
              Id: 'api',
              DomainName: 'abc123.execute-api.us-east-1.amazonaws.com',
              CustomOriginConfig: { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] },
            },
          ],
          DefaultCacheBehavior: {
            TargetOriginId: 'site',
            ViewerProtocolPolicy: 'redirect-to-https',
            CachePolicyId: { Ref: 'Cache' },
            ResponseHeadersPolicyId: { Ref: 'Headers' },
          },
          CacheBehaviors: [
            {
              PathPattern: '/api/*',
              TargetOriginId: 'api',
              ViewerProtocolPolicy: 'https-only',
              // A write API, as the portal's: it may skip the cache on a distribution that is not a results site.
              AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
              CachePolicyId: CACHING_DISABLED,
              ResponseHeadersPolicyId: { Ref: 'Headers' },
            },
          ],
          ViewerCertificate: { AcmCertificateArn: CERTIFICATE_ARN, MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' },
        },
      },
    },
    AccessLogSource: {
      Type: 'AWS::Logs::DeliverySource',
      Properties: {
        Name: 'results-cdn-access',
        LogType: 'ACCESS_LOGS',
        ResourceArn: { 'Fn::Join': ['', ['arn:aws:cloudfront::', { Ref: 'AWS::AccountId' }, ':distribution/', { Ref: 'Distribution' }]] },
      },
    },
    AccessLogDestination: { Type: 'AWS::Logs::DeliveryDestination', Properties: { Name: 'results-cdn-logs', DestinationResourceArn: { 'Fn::GetAtt': ['WafLogs', 'Arn'] } } },
    AccessLogDelivery: {
      Type: 'AWS::Logs::Delivery',
      Properties: { DeliverySourceName: { Ref: 'AccessLogSource' }, DeliveryDestinationArn: { 'Fn::GetAtt': ['AccessLogDestination', 'Arn'] } },
    },
  };
}

/** Edits `DistributionConfig` of `Distribution` in a copy of the compliant distribution template. */
export function withDistribution(edit: (config: Props) => void, template = distributionTemplate()): Template {
  return withProps(template, 'Distribution', (p) => edit(p.DistributionConfig as Props));
}

/** A REST API stage as CDK renders it with a web ACL, access logs and stage-wide throttling. */
export function stageTemplate(): Template {
  return {
    Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'registration' } },
    Deployment: { Type: 'AWS::ApiGateway::Deployment', Properties: { RestApiId: { Ref: 'Api' } } },
    AccessLogs: { Type: 'AWS::Logs::LogGroup', Properties: {} },
    Stage: {
      Type: 'AWS::ApiGateway::Stage',
      Properties: {
        RestApiId: { Ref: 'Api' },
        DeploymentId: { Ref: 'Deployment' },
        StageName: 'prod',
        AccessLogSetting: { DestinationArn: { 'Fn::GetAtt': ['AccessLogs', 'Arn'] }, Format: '{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","time":"$context.requestTime","method":"$context.httpMethod","path":"$context.resourcePath","status":"$context.status"}' },
        MethodSettings: [{ HttpMethod: '*', ResourcePath: '/*', ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200, DataTraceEnabled: false }],
      },
    },
    RegionalAcl: { Type: 'AWS::WAFv2::WebACL', Properties: { Scope: 'REGIONAL', DefaultAction: { Allow: {} }, Rules: portalRules() } },
    Association: {
      Type: 'AWS::WAFv2::WebACLAssociation',
      Properties: {
        WebACLArn: { 'Fn::GetAtt': ['RegionalAcl', 'Arn'] },
        ResourceArn: {
          'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':apigateway:', { Ref: 'AWS::Region' }, '::/restapis/', { Ref: 'Api' }, '/stages/', { Ref: 'Stage' }]],
        },
      },
    },
  };
}

/** A KMS key and a table of `dataClass` that meet the DynamoDB rules. */
export function tableTemplate(dataClass = 'voter-pii'): Template {
  return {
    Key: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } },
    Table: {
      Type: 'AWS::DynamoDB::Table',
      Properties: {
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] } },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        Tags: [{ Key: 'election:data-class', Value: dataClass }],
      },
    },
  };
}

/** A KMS key and a two-replica global table of `dataClass`, as CDK's TableV2 renders it. */
export function globalTableTemplate(dataClass = 'voter-pii'): Template {
  const replica = (region: string) => ({
    Region: region,
    SSESpecification: { KMSMasterKeyId: region === 'us-east-1' ? { 'Fn::GetAtt': ['Key', 'Arn'] } : KEY_ARN.replace('us-east-1', region) },
    PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    DeletionProtectionEnabled: true,
    Tags: [{ Key: 'election:data-class', Value: dataClass }],
  });
  return {
    Key: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } },
    Global: {
      Type: 'AWS::DynamoDB::GlobalTable',
      Properties: {
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
        Replicas: [replica('us-east-1'), replica('us-west-2')],
      },
    },
  };
}
