import { App, Lazy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { ElectionWebAcl, WebAclPreset, WebAclScope } from '../../constructs/election-web-acl';
import { RegistrationPortal, RegistrationPortalProps } from '../../constructs/registration-portal';
import { ElectionBaselineChecks } from '../../lib/election-baseline-checks';
import { registrationHandler } from '../helpers/handler-fixtures';
import { actionsGrantedIn, newStack, pathsViolating } from '../helpers/pack-harness';
import { THREE_PACKS } from '../helpers/three-packs';
import { expectValidationError } from '../helpers/validation-error';
import { ValidationErrorCode } from '../../lib/validation-error';

const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

function portal(props: Partial<RegistrationPortalProps> = {}) {
  const { stack } = newStack();
  const handler = registrationHandler(stack);
  const construct = new RegistrationPortal(stack, 'Portal', { handler: handler.function, ...props });
  return { stack, handler, construct };
}

const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:111122223333:secret:origin-verify-AbCdEf';

function regionalAcl(stack: Stack, id: string, secret?: secretsmanager.ISecret) {
  return new ElectionWebAcl(stack, id, {
    scope: WebAclScope.REGIONAL, preset: WebAclPreset.PORTAL,
    originVerification: { headerName: 'x-origin-verify', secret: secret ?? secretsmanager.Secret.fromSecretCompleteArn(stack, `${id}Secret`, SECRET_ARN) },
  });
}

function logicalId(stack: Stack, construct: { node: { defaultChild?: unknown } }): string {
  return stack.getLogicalId(construct.node.defaultChild as apigateway.CfnStage);
}

describe('RegistrationPortal with only a handler', () => {
  const { stack, handler, construct } = portal();
  const template = Template.fromStack(stack);
  const stageId = logicalId(stack, construct.api.deploymentStage);

  test.each(THREE_PACKS)('has zero findings under %s', (_, pack) => {
    expect(pack().validateScope(stack).violations).toEqual([]);
  });

  test('a REGIONAL API whose only method is POST /api/registrations, validated against the submission model', () => {
    template.hasResourceProperties('AWS::ApiGateway::RestApi', { EndpointConfiguration: { Types: ['REGIONAL'] } });
    template.resourceCountIs('AWS::ApiGateway::Method', 1);
    template.hasResourceProperties('AWS::ApiGateway::RequestValidator', { ValidateRequestBody: true, ValidateRequestParameters: true });
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'POST',
      AuthorizationType: 'NONE',
      Integration: { Type: 'AWS_PROXY' },
      RequestValidatorId: { Ref: Match.anyValue() },
      RequestModels: { 'application/json': { Ref: Match.anyValue() } },
    });
    template.hasResourceProperties('AWS::ApiGateway::Model', {
      ContentType: 'application/json',
      Schema: Match.objectLike({ type: 'object', additionalProperties: false, required: Match.arrayWith(['givenName', 'dateOfBirth']) }),
    });
  });

  test('the stage logs every request as JSON, logs errors without data trace, traces and throttles', () => {
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'v1',
      TracingEnabled: true,
      AccessLogSetting: { DestinationArn: { 'Fn::GetAtt': [logicalId(stack, construct.accessLogGroup), 'Arn'] }, Format: Match.anyValue() },
      MethodSettings: [{
        HttpMethod: '*', ResourcePath: '/*', LoggingLevel: 'ERROR', DataTraceEnabled: false, MetricsEnabled: true,
        ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200,
      }],
    });
    const format = JSON.parse(template.findResources('AWS::ApiGateway::Stage')[stageId].Properties.AccessLogSetting.Format);
    expect(Object.keys(format).sort()).toEqual(
      ['caller', 'httpMethod', 'ip', 'protocol', 'requestId', 'requestTime', 'resourcePath', 'responseLength', 'status', 'user']);
  });

  test('execution and access logs go to encrypted, retained audit log groups created before the stage', () => {
    template.hasResource('AWS::Logs::LogGroup', {
      Properties: {
        LogGroupName: { 'Fn::Join': ['', ['API-Gateway-Execution-Logs_', { Ref: logicalId(stack, construct.api) }, '/v1']] },
        KmsKeyId: Match.anyValue(),
        RetentionInDays: 731,
        Tags: [{ Key: 'election:data-class', Value: 'audit-logs' }],
      },
      DeletionPolicy: 'Retain',
    });
    const stage = template.findResources('AWS::ApiGateway::Stage')[stageId];
    expect(stage.DependsOn).toContain(logicalId(stack, construct.executionLogGroup));
  });

  const secretId = logicalId(stack, construct.originVerification.secret as secretsmanager.Secret);
  const secretReference = { 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: secretId }, ':SecretString:::}}']] };

  test('the REGIONAL web ACL is associated with the stage and first blocks every request without the secret header', () => {
    template.hasResourceProperties('AWS::WAFv2::WebACLAssociation', {
      ResourceArn: { 'Fn::Join': ['', Match.arrayWith([{ Ref: stageId }])] },
      WebACLArn: { 'Fn::GetAtt': [stack.getLogicalId(construct.apiWebAcl.webAcl), 'Arn'] },
    });
    expect(construct.apiWebAcl.scope).toBe(WebAclScope.REGIONAL);
    const rules = template.findResources('AWS::WAFv2::WebACL')[stack.getLogicalId(construct.apiWebAcl.webAcl)].Properties.Rules;
    expect(rules[0]).toMatchObject({
      Name: 'OriginVerify', Priority: 0, Action: { Block: {} },
      Statement: { NotStatement: { Statement: { ByteMatchStatement: {
        FieldToMatch: { SingleHeader: { Name: 'x-origin-verify' } }, PositionalConstraint: 'EXACTLY', SearchString: secretReference,
      } } } },
    });
    expect(rules.find((r: { Name: string }) => r.Name === 'RateLimitPerIp').Statement.RateBasedStatement)
      .toMatchObject({ AggregateKeyType: 'FORWARDED_IP', ForwardedIPConfig: { HeaderName: 'X-Forwarded-For', FallbackBehavior: 'MATCH' } });
  });

  test('CloudFront sends the same secret to the API origin, read by a dynamic reference: the value is in no template', () => {
    const distribution = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0].Properties.DistributionConfig;
    const apiOrigin = distribution.Origins.find((o: { Id: string }) => o.Id === distribution.CacheBehaviors[0].TargetOriginId);
    expect(apiOrigin.OriginCustomHeaders).toEqual([{ HeaderName: 'x-origin-verify', HeaderValue: secretReference }]);
  });

  test('the secret is 48 letters and digits generated at deploy, under its own rotating key, rotation findings acknowledged', () => {
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: { PasswordLength: 48, ExcludePunctuation: true, IncludeSpace: false, RequireEachIncludedType: true },
      KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('OriginVerifyKey'), 'Arn'] },
    });
    template.hasResourceProperties('AWS::KMS::Key', { Description: Match.stringLikeRegexp('origin-verify secret'), EnableKeyRotation: true });
    expect(construct.originVerification.headerName).toBe('x-origin-verify');
  });

  test('no account creation fraud prevention on either web ACL: it would refuse submissions without the WAF SDK token', () => {
    expect(JSON.stringify(template.findResources('AWS::WAFv2::WebACL'))).not.toContain('AWSManagedRulesACFPRuleSet');
  });

  test('the distribution has no custom error responses: an API error keeps its status and body', () => {
    const distribution = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0].Properties.DistributionConfig;
    expect(distribution.CustomErrorResponses).toBeUndefined();
  });

  test('the invoke permission is for API Gateway on this one method only, with no test-invoke permission', () => {
    template.resourceCountIs('AWS::Lambda::Permission', 1);
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Principal: 'apigateway.amazonaws.com',
      SourceArn: { 'Fn::Join': ['', Match.arrayWith([{ Ref: stageId }, '/POST/api/registrations'])] },
    });
  });

  test('the table holds voter PII under its own rotating key, with PITR, deletion protection and RETAIN', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      Properties: {
        KeySchema: [{ AttributeName: 'submissionId', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::GetAtt': [logicalId(stack, construct.tableKey), 'Arn'] } },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 35 },
        DeletionProtectionEnabled: true,
        Tags: [{ Key: 'election:data-class', Value: 'voter-pii' }],
      },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    template.hasResource('AWS::KMS::Key', { Properties: Match.objectLike({ EnableKeyRotation: true }), DeletionPolicy: 'Retain' });
  });

  test('the handler may only put submissions, and use the key through DynamoDB only: no get, scan, query, update or delete', () => {
    const policies = Object.values(template.findResources('AWS::IAM::ManagedPolicy', {
      Properties: { Roles: [{ Ref: logicalId(stack, handler.function.role as iam.Role) }] },
    }));
    const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement)
      .filter((s: { Action: string | string[] }) => [s.Action].flat().some((a) => a.startsWith('dynamodb:') || a.startsWith('kms:')));
    expect(statements).toEqual([
      { Sid: 'StoreSubmissions', Effect: 'Allow', Action: 'dynamodb:PutItem', Resource: { 'Fn::GetAtt': [logicalId(stack, construct.table), 'Arn'] } },
      {
        Sid: 'UseTableKeyThroughDynamoDb',
        Effect: 'Allow',
        Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'],
        Resource: { 'Fn::GetAtt': [logicalId(stack, construct.tableKey), 'Arn'] },
        Condition: { StringEquals: { 'kms:ViaService': { 'Fn::Join': ['', ['dynamodb.', { Ref: 'AWS::Region' }, '.amazonaws.com']] } } },
      },
    ]);
    template.resourceCountIs('AWS::IAM::Policy', 0);
  });

  test('the handler, an ElectionFunction, is told the table name in TABLE_NAME', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Role: { 'Fn::GetAtt': [logicalId(stack, handler.role), 'Arn'] },
      Environment: { Variables: { TABLE_NAME: { Ref: logicalId(stack, construct.table) } } },
    });
  });

  test('the account CloudWatch role writes logs of this account only, through a customer-managed policy', () => {
    template.hasResourceProperties('AWS::ApiGateway::Account', { CloudWatchRoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('ApiGatewayCloudWatchRole'), 'Arn'] } });
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: [Match.objectLike({
        Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:DescribeLogGroups', 'logs:DescribeLogStreams', 'logs:PutLogEvents'],
        Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':log-group:*']] },
      })] },
    });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'apigateway.amazonaws.com' } })] },
      ManagedPolicyArns: Match.absent(),
      Policies: Match.absent(),
    });
  });

  test('CloudFront serves /api/* from the API: uncached, every method, HTTPS only, viewer headers but Host, the site headers policy', () => {
    const distribution = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0].Properties.DistributionConfig;
    expect(distribution.CacheBehaviors).toEqual([expect.objectContaining({
      PathPattern: '/api/*',
      ViewerProtocolPolicy: 'https-only',
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      CachePolicyId: CACHING_DISABLED,
      OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
      ResponseHeadersPolicyId: distribution.DefaultCacheBehavior.ResponseHeadersPolicyId,
    })]);
    const apiOrigin = distribution.Origins.find((o: { Id: string }) => o.Id === distribution.CacheBehaviors[0].TargetOriginId);
    expect(apiOrigin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only' });
    expect(JSON.stringify(apiOrigin.DomainName)).toContain(logicalId(stack, construct.api));
    expect(JSON.stringify(apiOrigin.OriginPath)).toContain(stageId);
    expect(construct.webAcl.scope).toBe(WebAclScope.CLOUDFRONT);
    expect(construct.webAcl.preset).toBe(WebAclPreset.PORTAL);
    expect(distribution.WebACLId).toEqual({ 'Fn::GetAtt': [stack.getLogicalId(construct.webAcl.webAcl), 'Arn'] });
  });

  test('no staff user pool unless asked', () => {
    expect(construct.userPool).toBeUndefined();
    template.resourceCountIs('AWS::Cognito::UserPool', 0);
  });

  test('exposes what it made', () => {
    expect(construct.distribution).toBe(construct.site.distribution);
    expect(construct.bucket).toBe(construct.site.bucket);
    expect(construct.table).toBeInstanceOf(dynamodb.Table);
  });
});

describe('RegistrationPortal options', () => {
  test('staff sign-in: TOTP MFA required, threat protection enforced, no self sign-up, email-only recovery, RETAIN, behind the API web ACL', () => {
    const { stack, construct } = portal({ staffSignIn: true });
    const template = Template.fromStack(stack);
    template.hasResource('AWS::Cognito::UserPool', {
      Properties: Match.objectLike({
        MfaConfiguration: 'ON',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
        UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
        UserPoolTier: 'PLUS',
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
        DeletionProtection: 'ACTIVE',
        Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 14, RequireSymbols: true, RequireNumbers: true }) },
      }),
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    // Browsers call Cognito directly: its web ACL must not demand the origin header, and judges their own addresses.
    const staffAcl = construct.userPoolWebAcl!;
    template.hasResourceProperties('AWS::WAFv2::WebACLAssociation', {
      ResourceArn: { 'Fn::GetAtt': [logicalId(stack, construct.userPool!), 'Arn'] },
      WebACLArn: { 'Fn::GetAtt': [stack.getLogicalId(staffAcl.webAcl), 'Arn'] },
    });
    expect(staffAcl).not.toBe(construct.apiWebAcl);
    expect(staffAcl.originVerification).toBeUndefined();
    const staffRules = template.findResources('AWS::WAFv2::WebACL')[stack.getLogicalId(staffAcl.webAcl)].Properties.Rules;
    expect(staffRules.map((r: { Name: string }) => r.Name)).not.toContain('OriginVerify');
    expect(new ElectionBaselineChecks().validateScope(stack).violations).toEqual([]);
  });

  test('throttling and stage name are applied', () => {
    const { stack } = portal({ apiThrottling: { rateLimit: 20, burstLimit: 40 }, stageName: 'prod' });
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'prod',
      MethodSettings: [Match.objectLike({ ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 })],
    });
  });

  test('the account setting can be left to another stack', () => {
    const { stack } = portal({ configureApiGatewayAccount: false });
    Template.fromStack(stack).resourceCountIs('AWS::ApiGateway::Account', 0);
  });

  test('given web ACLs are used and no others are created', () => {
    const { stack } = newStack();
    const webAcl = new ElectionWebAcl(stack, 'Edge', { scope: WebAclScope.CLOUDFRONT, preset: WebAclPreset.PORTAL });
    const apiWebAcl = regionalAcl(stack, 'Regional');
    const construct = new RegistrationPortal(stack, 'Portal', { handler: registrationHandler(stack).function, webAcl, apiWebAcl });
    expect(construct.webAcl).toBe(webAcl);
    expect(construct.apiWebAcl).toBe(apiWebAcl);
    expect(construct.originVerification).toBe(apiWebAcl.originVerification);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::WAFv2::WebACL', 2);
    template.resourceCountIs('AWS::SecretsManager::Secret', 0);
    const distribution = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0].Properties.DistributionConfig;
    expect(JSON.stringify(distribution.Origins)).toContain(`{{resolve:secretsmanager:${SECRET_ARN}:SecretString:::}}`);
  });

  test('a given origin-verify secret is used for the header and the web ACL, and none is created', () => {
    const { stack } = newStack();
    const originVerifySecret = secretsmanager.Secret.fromSecretCompleteArn(stack, 'Given', SECRET_ARN);
    const construct = new RegistrationPortal(stack, 'Portal', { handler: registrationHandler(stack).function, originVerifySecret });
    expect(construct.originVerification.secret).toBe(originVerifySecret);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::SecretsManager::Secret', 0);
    // The origin-verify rule, the two IP-list scope-downs and the CloudFront origin header.
    expect(JSON.stringify(template.toJSON()).split(`{{resolve:secretsmanager:${SECRET_ARN}:SecretString:::}}`).length - 1).toBe(4);
  });

  test('ACFP goes on a given CLOUDFRONT web ACL, with the viewer paths of the submission and of the form page', () => {
    const { stack } = newStack();
    const webAcl = new ElectionWebAcl(stack, 'Edge', {
      scope: WebAclScope.CLOUDFRONT, preset: WebAclPreset.PORTAL, accountCreationFraudPath: '/api/registrations', registrationPagePath: '/register.html',
    });
    new RegistrationPortal(stack, 'Portal', { handler: registrationHandler(stack).function, webAcl });
    Template.fromStack(stack).hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      Rules: Match.arrayWith([Match.objectLike({ Statement: { ManagedRuleGroupStatement: Match.objectLike({
        ManagedRuleGroupConfigs: [{ AWSManagedRulesACFPRuleSet: Match.objectLike({ CreationPath: '/api/registrations', RegistrationPagePath: '/register.html' }) }],
      }) } })]),
    });
    expect(new ElectionBaselineChecks().validateScope(stack).violations).toEqual([]);
  });

  test('grantPublish lets a publisher put content, nothing else', () => {
    const { stack, construct } = portal();
    const publisher = new iam.Role(stack, 'Publisher', { assumedBy: new iam.AccountRootPrincipal() });
    construct.grantPublish(publisher);
    expect([...new Set(actionsGrantedIn(stack, publisher))]).toEqual(['kms:Encrypt', 'kms:GenerateDataKey', 's3:PutObject']);
  });
});

describe('RegistrationPortal rejects bad input with an error that names the prop, the value and what is allowed', () => {
  const cases: Array<[string, (stack: Stack) => Partial<RegistrationPortalProps>, ValidationErrorCode, string, RegExp]> = [
    ['a zero rate', () => ({ apiThrottling: { rateLimit: 0, burstLimit: 10 } }), ValidationErrorCode.INVALID_VALUE, 'apiThrottling.rateLimit', /apiThrottling.rateLimit is 0; it must be a literal number of requests per second above 0/],
    ['a fractional burst', () => ({ apiThrottling: { rateLimit: 10, burstLimit: 10.5 } }), ValidationErrorCode.INVALID_VALUE, 'apiThrottling.burstLimit', /apiThrottling.burstLimit is 10.5; it must be a literal whole number/],
    ['a burst below the rate', () => ({ apiThrottling: { rateLimit: 50, burstLimit: 10 } }), ValidationErrorCode.CONFLICTING_PROPS, 'apiThrottling.burstLimit', /apiThrottling.burstLimit is 10, below rateLimit 50; it must be at least rateLimit/],
    ['a stage name with a slash', () => ({ stageName: 'v1/beta' }), ValidationErrorCode.INVALID_VALUE, 'stageName', /stageName is 'v1\/beta'; it must be a literal of 1 to 64 letters, digits and underscores/],
    ['a REGIONAL web ACL for CloudFront', (s) => ({ webAcl: new ElectionWebAcl(s, 'Acl', { scope: WebAclScope.REGIONAL, preset: WebAclPreset.PORTAL }) }),
      ValidationErrorCode.WRONG_PLACEMENT, 'webAcl', /webAcl has scope REGIONAL; it must be a CLOUDFRONT web ACL/],
    ['a CLOUDFRONT web ACL for the API', (s) => ({ apiWebAcl: new ElectionWebAcl(s, 'Acl', { scope: WebAclScope.CLOUDFRONT, preset: WebAclPreset.PORTAL }) }),
      ValidationErrorCode.WRONG_PLACEMENT, 'apiWebAcl', /apiWebAcl has scope CLOUDFRONT; it must be a REGIONAL web ACL/],
    ['a results web ACL', (s) => ({ apiWebAcl: new ElectionWebAcl(s, 'Acl', { scope: WebAclScope.REGIONAL, preset: WebAclPreset.RESULTS }) }),
      ValidationErrorCode.WEAKENS_BASELINE, 'apiWebAcl', /apiWebAcl has preset 'results'; it must use the 'portal' preset/],
    ['an API web ACL without origin verification', (s) => ({ apiWebAcl: new ElectionWebAcl(s, 'Acl', { scope: WebAclScope.REGIONAL, preset: WebAclPreset.PORTAL }) }),
      ValidationErrorCode.WEAKENS_BASELINE, 'apiWebAcl', /apiWebAcl has no originVerification; the API sits behind CloudFront: make the web ACL with originVerification/],
    ['an API web ACL and a secret', (s) => ({ apiWebAcl: regionalAcl(s, 'Acl'), originVerifySecret: secretsmanager.Secret.fromSecretCompleteArn(s, 'S', SECRET_ARN) }),
      ValidationErrorCode.CONFLICTING_PROPS, 'originVerifySecret', /originVerifySecret is set while apiWebAcl is given; give one/],
    ['domain names without a certificate', () => ({ domainNames: ['register.example.gov'] }), ValidationErrorCode.MISSING_VALUE, 'certificate', /certificate is missing; give domainNames and an ACM certificate/],
    ['a certificate without domain names', (s) => ({ certificate: acm.Certificate.fromCertificateArn(s, 'Cert', 'arn:aws:acm:us-east-1:111122223333:certificate/abc') }),
      ValidationErrorCode.MISSING_VALUE, 'domainNames', /domainNames is missing/],
    ['a token rate', () => ({ apiThrottling: { rateLimit: Lazy.number({ produce: () => 10 }), burstLimit: 20 } }),
      ValidationErrorCode.TOKEN_NOT_ALLOWED, 'apiThrottling.rateLimit', /apiThrottling.rateLimit is a token; it must be a literal number/],
    ['a token burst', () => ({ apiThrottling: { rateLimit: 10, burstLimit: Lazy.number({ produce: () => 20 }) } }),
      ValidationErrorCode.TOKEN_NOT_ALLOWED, 'apiThrottling.burstLimit', /apiThrottling.burstLimit is a token; it must be a literal number/],
    ['a URL as domain name', (s) => ({ domainNames: ['https://register.example.gov'], certificate: acm.Certificate.fromCertificateArn(s, 'Cert', 'arn:aws:acm:us-east-1:111122223333:certificate/abc') }),
      ValidationErrorCode.INVALID_VALUE, 'domainNames', /^RegistrationPortal 'Test\/Portal': domainNames contains 'https:\/\/register.example.gov'; each must be a lower-case DNS name/],
    ['an empty submission schema', () => ({ submissionSchema: {} }), ValidationErrorCode.INVALID_VALUE, 'submissionSchema.type', /submissionSchema.type is missing; give a JSON Schema with type object, additionalProperties false and a non-empty required list/],
    ['a schema of another type', () => ({ submissionSchema: { type: apigateway.JsonSchemaType.STRING } }), ValidationErrorCode.INVALID_VALUE, 'submissionSchema.type', /submissionSchema.type is '"string"'/],
    ['an open object schema', () => ({ submissionSchema: { type: apigateway.JsonSchemaType.OBJECT, required: ['name'], properties: { name: { type: apigateway.JsonSchemaType.STRING } } } }),
      ValidationErrorCode.WEAKENS_BASELINE, 'submissionSchema.additionalProperties', /submissionSchema.additionalProperties is not false; .* an empty or open schema makes request validation a no-op/],
    ['a schema requiring nothing', () => ({ submissionSchema: { type: apigateway.JsonSchemaType.OBJECT, additionalProperties: false, properties: { name: { type: apigateway.JsonSchemaType.STRING } } } }),
      ValidationErrorCode.MISSING_VALUE, 'submissionSchema.required', /submissionSchema.required is empty/],
    ['a schema requiring an undescribed field', () => ({ submissionSchema: { type: apigateway.JsonSchemaType.OBJECT, additionalProperties: false, required: ['name', 'dob'], properties: { name: { type: apigateway.JsonSchemaType.STRING } } } }),
      ValidationErrorCode.INVALID_VALUE, 'submissionSchema.properties', /submissionSchema.properties does not describe required 'dob'/],
  ];
  test.each(cases)('%s', (_, props, code, prop, message) => {
    const { stack } = newStack();
    const handler = registrationHandler(stack).function;
    expectValidationError(() => new RegistrationPortal(stack, 'Portal', { handler, ...props(stack) }), { code, prop, message });
  });

  test('a stack outside us-east-1 is refused by the portal itself, naming its path and the Region', () => {
    const stack = new Stack(new App(), 'West', { env: { region: 'us-west-2' } });
    const handler = registrationHandler(stack).function;
    expectValidationError(() => new RegistrationPortal(stack, 'Portal', { handler }), {
      code: ValidationErrorCode.WRONG_PLACEMENT, prop: 'stack',
      message: "RegistrationPortal 'West/Portal': stack is deployed in stack 'West' of region us-west-2; its CLOUDFRONT web ACL and CloudFront access log delivery exist only in us-east-1",
    });
  });

  test('a minimal meaningful schema of the agency\'s own is taken as the submission model', () => {
    const submissionSchema = {
      type: apigateway.JsonSchemaType.OBJECT, additionalProperties: false, required: ['name'], properties: { name: { type: apigateway.JsonSchemaType.STRING, maxLength: 100 } },
    };
    const { stack } = portal({ submissionSchema });
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::Model', { Schema: Match.objectLike({ type: 'object', additionalProperties: false, required: ['name'] }) });
  });

  test('a missing handler, naming the construct path', () => {
    const { stack } = newStack();
    expectValidationError(() => new RegistrationPortal(stack, 'Portal', {} as RegistrationPortalProps), {
      code: ValidationErrorCode.MISSING_VALUE, prop: 'handler', message: "RegistrationPortal 'Test/Portal': handler is missing; give the lambda.IFunction that stores each submission",
    });
  });
});

describe('weakened portals are rejected by the pack', () => {
  function weakened(weaken: (construct: RegistrationPortal) => void, props: Partial<RegistrationPortalProps> = {}) {
    const { stack, construct } = portal(props);
    weaken(construct);
    return { stack, construct };
  }
  const withoutGroups = (acl: ElectionWebAcl, ...groups: string[]) => {
    acl.webAcl.rules = (acl.webAcl.rules as wafv2.CfnWebACL.RuleProperty[])
      .filter((rule) => !groups.some((group) => JSON.stringify(rule.statement).includes(group)));
  };

  test('a portal web ACL without the SQLi group (Illinois, 2016)', () => {
    const { stack } = weakened((c) => withoutGroups(c.webAcl, 'AWSManagedRulesSQLiRuleSet'));
    expect(pathsViolating(stack, 'WafManagedRuleGroups')).toEqual(['Test/Portal/WebAcl/WebAcl']);
  });

  test('an API web ACL without the anonymous-IP and IP-reputation lists (CISA AA20-304A, 2020)', () => {
    const { stack } = weakened((c) => withoutGroups(c.apiWebAcl, 'AWSManagedRulesAnonymousIpList', 'AWSManagedRulesAmazonIpReputationList'));
    expect(pathsViolating(stack, 'WafManagedRuleGroups')).toEqual(['Test/Portal/ApiWebAcl/WebAcl']);
  });

  test('an API web ACL whose IP lists are scoped down to nothing but requests WITH the header (they would judge edge addresses)', () => {
    const { stack } = weakened((c) => {
      const rules = c.apiWebAcl.webAcl.rules as wafv2.CfnWebACL.RuleProperty[];
      c.apiWebAcl.webAcl.rules = rules.map((rule) => {
        const group = (rule.statement as wafv2.CfnWebACL.StatementProperty).managedRuleGroupStatement as wafv2.CfnWebACL.ManagedRuleGroupStatementProperty | undefined;
        const scopeDown = group?.scopeDownStatement as wafv2.CfnWebACL.StatementProperty | undefined;
        const notStatement = scopeDown?.notStatement as wafv2.CfnWebACL.NotStatementProperty | undefined;
        return notStatement ? { ...rule, statement: { managedRuleGroupStatement: { ...group!, scopeDownStatement: notStatement.statement } } } : rule;
      });
    });
    expect(pathsViolating(stack, 'WafManagedRuleGroups')).toEqual(['Test/Portal/ApiWebAcl/WebAcl']);
  });

  test('an API stage with no web ACL association', () => {
    const { stack } = weakened((c) => c.apiWebAclAssociation.node.scope!.node.tryRemoveChild(c.apiWebAclAssociation.node.id));
    expect(pathsViolating(stack, 'ApiGatewayWebAcl')).toEqual(['Test/Portal/Api/DeploymentStage.v1/Resource']);
  });

  test('an API stage with no throttling', () => {
    const { stack } = weakened((c) => (c.api.deploymentStage.node.defaultChild as apigateway.CfnStage)
      .addPropertyOverride('MethodSettings', [{ HttpMethod: '*', ResourcePath: '/*', LoggingLevel: 'ERROR' }]));
    expect(pathsViolating(stack, 'ApiGatewayThrottling')).toEqual(['Test/Portal/Api/DeploymentStage.v1/Resource']);
  });

  test.each([
    ['without point-in-time recovery', 'DynamoDbPointInTimeRecovery', 'PointInTimeRecoverySpecification', undefined],
    ['without the customer-managed key', 'DynamoDbCustomerManagedKey', 'SSESpecification', { SSEEnabled: false }],
    ['without deletion protection', 'DynamoDbDeletionProtection', 'DeletionProtectionEnabled', false],
  ])('a table %s', (_, ruleName, path, value) => {
    const { stack } = weakened((c) => {
      const table = c.table.node.defaultChild as dynamodb.CfnTable;
      if (value === undefined) table.addPropertyDeletionOverride(path);
      else table.addPropertyOverride(path, value);
    });
    expect(pathsViolating(stack, ruleName)).toEqual(['Test/Portal/Submissions/Resource']);
  });

  test('a staff user pool with MFA optional', () => {
    const { stack } = weakened((c) => { (c.userPool!.node.defaultChild as cognito.CfnUserPool).mfaConfiguration = 'OPTIONAL'; }, { staffSignIn: true });
    expect(pathsViolating(stack, 'CognitoMfaRequired')).toEqual(['Test/Portal/StaffUserPool/Resource']);
  });
});
