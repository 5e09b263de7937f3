import { App, Duration, Lazy, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import { ElectionWebAcl, ElectionWebAclProps, RateLimitAction, WebAclPreset, WebAclScope } from '../../constructs/election-web-acl';
import { newStack } from '../helpers/pack-harness';
import { synthPathsViolating, synthViolations } from '../helpers/synth-violations';
import { expectValidationError } from '../helpers/validation-error';
import { ValidationErrorCode } from '../../lib/validation-error';

function webAcl(props: Partial<ElectionWebAclProps> = {}) {
  const { app, stack } = newStack();
  const construct = new ElectionWebAcl(stack, 'Acl', { scope: WebAclScope.CLOUDFRONT, preset: WebAclPreset.PORTAL, ...props });
  return { app, stack, construct };
}

function ruleNames(stack: Stack): string[] {
  const acls = Template.fromStack(stack).findResources('AWS::WAFv2::WebACL');
  return Object.values(acls).flatMap((a) => a.Properties.Rules.map((r: { Name: string }) => r.Name));
}

describe('ElectionWebAcl portal defaults', () => {
  const { app, stack, construct } = webAcl();
  const violations = synthViolations(app);
  const template = Template.fromStack(stack);

  test('passes the election baseline with no violation', () => {
    expect(violations).toEqual([]);
  });

  test('runs the five portal managed groups, blocking, at stable priorities, then a 300-per-5-minutes rate rule', () => {
    const group = (name: string, priority: number) => Match.objectLike({
      Name: `AWS-${name}`, Priority: priority, OverrideAction: { None: {} },
      Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: name } },
    });
    template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      DefaultAction: { Allow: {} },
      VisibilityConfig: { CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true, MetricName: Match.anyValue() },
      Tags: [{ Key: 'election:waf-preset', Value: 'portal' }],
      Rules: [
        group('AWSManagedRulesAmazonIpReputationList', 1),
        Match.objectLike({
          Name: 'RateLimitPerIp', Priority: 3, Action: { Block: {} },
          Statement: { RateBasedStatement: { Limit: 300, EvaluationWindowSec: 300, AggregateKeyType: 'IP' } },
        }),
        group('AWSManagedRulesAnonymousIpList', 4),
        group('AWSManagedRulesCommonRuleSet', 5),
        group('AWSManagedRulesKnownBadInputsRuleSet', 6),
        group('AWSManagedRulesSQLiRuleSet', 7),
      ],
    });
  });

  test('substitutes every body field in logs and samples (WAF logs carry bodies only as matched data)', () => {
    template.hasResourceProperties('AWS::WAFv2::WebACL', {
      DataProtectionConfig: { DataProtections: [{ Field: { FieldType: 'BODY' }, Action: 'SUBSTITUTION', ExcludeRuleMatchDetails: false, ExcludeRateBasedDetails: false }] },
    });
  });

  test('logs to an aws-waf-logs- group, KMS-encrypted, kept 731 days, audit-logs, retained, with authorization and cookie redacted', () => {
    const aclId = stack.getLogicalId(construct.webAcl);
    template.hasResource('AWS::Logs::LogGroup', {
      DeletionPolicy: 'Retain',
      Properties: {
        LogGroupName: Match.stringLikeRegexp('^aws-waf-logs-'),
        KmsKeyId: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] },
        RetentionInDays: 731,
        Tags: [{ Key: 'election:data-class', Value: 'audit-logs' }],
      },
    });
    template.hasResourceProperties('AWS::WAFv2::LoggingConfiguration', {
      ResourceArn: { 'Fn::GetAtt': [aclId, 'Arn'] },
      RedactedFields: [{ SingleHeader: { Name: 'authorization' } }, { SingleHeader: { Name: 'cookie' } }],
    });
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({
        Principal: { Service: { 'Fn::Join': ['', ['logs.', { Ref: 'AWS::Region' }, '.amazonaws.com']] } },
        Condition: { ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': Match.anyValue() } },
      })]) },
    });
  });

  test('an env-agnostic stack gets a CloudFormation rule that fails deploys outside us-east-1', () => {
    expect(template.toJSON().Rules.ElectionBaselineEdgeRegion).toEqual({
      Assertions: [{ Assert: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'us-east-1'] }, AssertDescription: expect.stringContaining('deploy it to us-east-1') }],
    });
  });

  test('exposes its resources', () => {
    expect(construct.preset).toBe(WebAclPreset.PORTAL);
    expect(construct.scope).toBe(WebAclScope.CLOUDFRONT);
    expect(construct.webAclArn).toBe(construct.webAcl.attrArn);
    expect(construct.logGroup).toBeInstanceOf(logs.LogGroup);
  });
});

describe('ElectionWebAcl results preset and options', () => {
  test('results runs Common, KnownBadInputs and IP reputation, rate 3000, tagged results', () => {
    const { app, stack } = webAcl({ preset: WebAclPreset.RESULTS });
    expect(synthViolations(app)).toEqual([]);
    expect(ruleNames(stack)).toEqual([
      'AWS-AWSManagedRulesAmazonIpReputationList', 'RateLimitPerIp', 'AWS-AWSManagedRulesCommonRuleSet', 'AWS-AWSManagedRulesKnownBadInputsRuleSet',
    ]);
    Template.fromStack(stack).hasResourceProperties('AWS::WAFv2::WebACL', {
      Tags: [{ Key: 'election:waf-preset', Value: 'results' }],
      Rules: Match.arrayWith([Match.objectLike({ Statement: { RateBasedStatement: Match.objectLike({ Limit: 3000 }) } })]),
    });
  });

  test('bot control, staff login ATP and registration ACFP are added at fixed priorities; the rest keep theirs', () => {
    const { app, stack } = webAcl({
      botControl: true, staffLoginPath: '/staff/login', accountCreationFraudPath: '/api/registrations', registrationPagePath: '/register.html',
    });
    expect(synthViolations(app)).toEqual([]);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Rules: Match.arrayWith([
        Match.objectLike({ Name: 'AWS-AWSManagedRulesSQLiRuleSet', Priority: 7 }),
        Match.objectLike({ Name: 'AWS-AWSManagedRulesBotControlRuleSet', Priority: 8, Statement: { ManagedRuleGroupStatement: Match.objectLike({
          ManagedRuleGroupConfigs: [{ AWSManagedRulesBotControlRuleSet: { InspectionLevel: 'COMMON' } }] }) } }),
        Match.objectLike({ Name: 'AWS-AWSManagedRulesATPRuleSet', Priority: 9, Statement: { ManagedRuleGroupStatement: Match.objectLike({
          ManagedRuleGroupConfigs: [{ AWSManagedRulesATPRuleSet: { LoginPath: '/staff/login' } }] }) } }),
        Match.objectLike({ Name: 'AWS-AWSManagedRulesACFPRuleSet', Priority: 10, Statement: { ManagedRuleGroupStatement: Match.objectLike({
          ManagedRuleGroupConfigs: [{ AWSManagedRulesACFPRuleSet: {
            CreationPath: '/api/registrations', RegistrationPagePath: '/register.html', RequestInspection: { PayloadType: 'JSON' },
          } }] }) } }),
      ]),
    });
  });

  test.each([
    ['AwsSolutions', () => new AwsSolutionsChecks()],
    ['NIST.800.53.R5', () => new NIST80053R5Checks()],
  ])('a portal web ACL with every option has zero findings under %s', (_, pack) => {
    const { app } = webAcl({
      botControl: true, staffLoginPath: '/staff/login', accountCreationFraudPath: '/api/register', registrationPagePath: '/register.html', redactQueryString: true,
    });
    expect(synthViolations(app, pack())).toEqual([]);
  });

  test('rate limit, window and action are applied', () => {
    const { app, stack } = webAcl({ rateLimit: 100, rateLimitWindow: Duration.minutes(1), rateLimitAction: RateLimitAction.CHALLENGE });
    expect(synthViolations(app)).toEqual([]);
    Template.fromStack(stack).hasResourceProperties('AWS::WAFv2::WebACL', {
      Rules: Match.arrayWith([Match.objectLike({ Name: 'RateLimitPerIp', Action: { Challenge: {} }, Statement: { RateBasedStatement: { Limit: 100, EvaluationWindowSec: 60, AggregateKeyType: 'IP' } } })]),
    });
  });

  test('extra redactions: query string and headers, names lower-cased and deduplicated', () => {
    const { stack } = webAcl({ redactQueryString: true, redactedHeaders: ['X-Api-Key', 'Authorization'] });
    Template.fromStack(stack).hasResourceProperties('AWS::WAFv2::LoggingConfiguration', {
      RedactedFields: [{ SingleHeader: { Name: 'authorization' } }, { SingleHeader: { Name: 'cookie' } }, { SingleHeader: { Name: 'x-api-key' } }, { QueryString: {} }],
    });
  });

  test('named body fields are substituted, so other matched data stays visible, and the narrowing is acknowledged by name', () => {
    const { app, stack } = webAcl({ protectedBodyFields: ['ssn', 'driversLicenseNumber'] });
    Template.fromStack(stack).hasResourceProperties('AWS::WAFv2::WebACL', {
      DataProtectionConfig: { DataProtections: [Match.objectLike({ Field: { FieldType: 'BODY', FieldKeys: ['ssn', 'driversLicenseNumber'] }, Action: 'SUBSTITUTION' })] },
    });
    expect(synthViolations(app)).toEqual([]);
    const acknowledged = stack.node.findAll().flatMap((c) => c.node.metadata).filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY);
    expect(JSON.stringify(acknowledged.map((m) => m.data))).toContain('ElectionBaseline-WafDataProtection');
    expect(JSON.stringify(acknowledged.map((m) => m.data))).toContain('ssn, driversLicenseNumber');
  });

  test('a given aws-waf-logs- log group is used and none is created', () => {
    const { stack } = newStack();
    const group = logs.LogGroup.fromLogGroupName(stack, 'Given', 'aws-waf-logs-county');
    const acl = new ElectionWebAcl(stack, 'Acl', { scope: WebAclScope.CLOUDFRONT, preset: WebAclPreset.RESULTS, logGroup: group });
    expect(acl.logGroup).toBe(group);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Logs::LogGroup', 0);
    template.hasResourceProperties('AWS::WAFv2::LoggingConfiguration', {
      LogDestinationConfigs: [{ 'Fn::Join': ['', Match.arrayWith([':log-group:aws-waf-logs-county'])] }],
    });
  });

  test('REGIONAL: no us-east-1 rule, and associate() attaches to a regional resource', () => {
    const { stack } = newStack();
    const acl = new ElectionWebAcl(stack, 'Acl', { scope: WebAclScope.REGIONAL, preset: WebAclPreset.PORTAL });
    acl.associate('Api', 'arn:aws:apigateway:us-west-2::/restapis/abc123/stages/prod');
    const template = Template.fromStack(stack);
    expect(template.toJSON().Rules?.ElectionBaselineEdgeRegion).toBeUndefined();
    template.hasResourceProperties('AWS::WAFv2::WebACLAssociation', {
      ResourceArn: 'arn:aws:apigateway:us-west-2::/restapis/abc123/stages/prod',
      WebACLArn: { 'Fn::GetAtt': [stack.getLogicalId(acl.webAcl), 'Arn'] },
    });
  });

  test('a literal us-east-1 stack needs no CloudFormation rule', () => {
    const stack = new Stack(new App(), 'Edge', { env: { region: 'us-east-1' } });
    new ElectionWebAcl(stack, 'Acl', { scope: WebAclScope.CLOUDFRONT, preset: WebAclPreset.RESULTS });
    expect(Template.fromStack(stack).toJSON().Rules?.ElectionBaselineEdgeRegion).toBeUndefined();
  });
});

const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:111122223333:secret:origin-verify-AbCdEf';

function behindCloudFront(props: Partial<ElectionWebAclProps> = {}) {
  const { app, stack } = newStack();
  const secret = secretsmanager.Secret.fromSecretCompleteArn(stack, 'Secret', SECRET_ARN);
  const construct = new ElectionWebAcl(stack, 'Acl', {
    scope: WebAclScope.REGIONAL, preset: WebAclPreset.PORTAL, originVerification: { headerName: 'X-Origin-Verify', secret }, ...props,
  });
  return { app, stack, construct, secret };
}

type RuleJson = { Name: string; Priority: number; Statement: Record<string, Record<string, unknown>> };
function rulesOf(stack: Stack): RuleJson[] {
  return Object.values(Template.fromStack(stack).findResources('AWS::WAFv2::WebACL'))[0].Properties.Rules;
}

describe('ElectionWebAcl behind CloudFront (originVerification)', () => {
  const { app, stack, construct } = behindCloudFront();
  const rules = rulesOf(stack);
  const verified = {
    ByteMatchStatement: {
      FieldToMatch: { SingleHeader: { Name: 'x-origin-verify' } },
      PositionalConstraint: 'EXACTLY',
      SearchString: `{{resolve:secretsmanager:${SECRET_ARN}:SecretString:::}}`,
      TextTransformations: [{ Priority: 0, Type: 'NONE' }],
    },
  };

  test('passes the election baseline, AwsSolutions and NIST 800-53 with no finding', () => {
    expect(synthViolations(app)).toEqual([]);
    expect(synthViolations(app, new AwsSolutionsChecks())).toEqual([]);
    expect(synthViolations(app, new NIST80053R5Checks())).toEqual([]);
  });

  test('the first rule blocks every request whose header is not the secret, read by a dynamic reference at deploy', () => {
    expect(rules[0]).toEqual(expect.objectContaining({ Name: 'OriginVerify', Priority: 0, Action: { Block: {} }, Statement: { NotStatement: { Statement: verified } } }));
    expect(construct.originVerification?.headerName).toBe('X-Origin-Verify');
  });

  test('the rate rule counts the forwarded viewer address, not the edge address; no valid address counts as a match', () => {
    expect(rules.find((r) => r.Name === 'RateLimitPerIp')!.Statement).toEqual({
      RateBasedStatement: {
        Limit: 300, EvaluationWindowSec: 300, AggregateKeyType: 'FORWARDED_IP',
        ForwardedIPConfig: { HeaderName: 'X-Forwarded-For', FallbackBehavior: 'MATCH' },
      },
    });
  });

  test('the IP-list groups judge only requests without the header; the content groups judge every request, all blocking', () => {
    const byName = new Map(rules.map((r) => [r.Name, r]));
    for (const name of ['AWSManagedRulesAmazonIpReputationList', 'AWSManagedRulesAnonymousIpList']) {
      expect(byName.get(`AWS-${name}`)).toEqual(expect.objectContaining({
        OverrideAction: { None: {} },
        Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: name, ScopeDownStatement: { NotStatement: { Statement: verified } } } },
      }));
    }
    for (const name of ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesSQLiRuleSet']) {
      expect(byName.get(`AWS-${name}`)).toEqual(expect.objectContaining({
        OverrideAction: { None: {} }, Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: name } },
      }));
    }
  });

  test('the header, and so the secret, is redacted from the logs', () => {
    Template.fromStack(stack).hasResourceProperties('AWS::WAFv2::LoggingConfiguration', {
      RedactedFields: [{ SingleHeader: { Name: 'authorization' } }, { SingleHeader: { Name: 'cookie' } }, { SingleHeader: { Name: 'x-origin-verify' } }],
    });
  });

  test('the pack rejects a content group scoped down, and an IP list scoped down on a CLOUDFRONT web ACL', () => {
    const scoped = (name: string): wafv2.CfnWebACL.StatementProperty => ({ managedRuleGroupStatement: {
      vendorName: 'AWS', name,
      scopeDownStatement: { notStatement: { statement: { byteMatchStatement: {
        fieldToMatch: { singleHeader: { Name: 'x-origin-verify' } }, positionalConstraint: 'EXACTLY', searchString: 'secret', textTransformations: [{ priority: 0, type: 'NONE' }],
      } } } },
    } });
    const sqli = behindCloudFront();
    sqli.construct.webAcl.rules = (sqli.construct.webAcl.rules as wafv2.CfnWebACL.RuleProperty[]).map((r) => (r.name === 'AWS-AWSManagedRulesSQLiRuleSet'
      ? { ...r, statement: scoped('AWSManagedRulesSQLiRuleSet') }
      : r));
    expect(synthPathsViolating(sqli.app, 'WafManagedRuleGroups')).toEqual(['Test/Acl/WebAcl']);
    // The same scope-down on the IP lists of this REGIONAL web ACL is what the construct makes, and passes.
    expect(rulesOf(sqli.stack).find((r) => r.Name === 'AWS-AWSManagedRulesSQLiRuleSet')!.Statement.ManagedRuleGroupStatement.ScopeDownStatement)
      .toEqual({ NotStatement: { Statement: expect.objectContaining({ ByteMatchStatement: expect.objectContaining({ SearchString: 'secret' }) }) } });
    const edge = webAcl();
    edge.construct.webAcl.rules = (edge.construct.webAcl.rules as wafv2.CfnWebACL.RuleProperty[]).map((r) => (r.name === 'AWS-AWSManagedRulesAnonymousIpList'
      ? { ...r, statement: scoped('AWSManagedRulesAnonymousIpList') }
      : r));
    expect(synthPathsViolating(edge.app, 'WafManagedRuleGroups')).toEqual(['Test/Acl/WebAcl']);
  });

  test('the pack rejects the scoped IP lists put in count mode', () => {
    const { app: counted } = behindCloudFront({ monitorMode: true });
    expect(synthPathsViolating(counted, 'WafNoCountOverride')).toEqual(['Test/Acl/WebAcl']);
  });

  test.each([
    ['CLOUDFRONT scope', { scope: WebAclScope.CLOUDFRONT }, ValidationErrorCode.CONFLICTING_PROPS, 'originVerification', /originVerification is set with scope CLOUDFRONT; it applies to REGIONAL web ACLs behind CloudFront/],
    ['a header with a space', { headerName: 'x origin' }, ValidationErrorCode.INVALID_VALUE, 'originVerification.headerName', /originVerification.headerName is 'x origin'; it must be a literal header name of 1 to 64 letters, digits and hyphens/],
    ['a CloudFront-reserved header', { headerName: 'X-Amz-Verify' }, ValidationErrorCode.INVALID_VALUE, 'originVerification.headerName', /originVerification.headerName is 'X-Amz-Verify'; 'x-amz-' is reserved by CloudFront or HTTP/],
    ['X-Forwarded-For', { headerName: 'X-Forwarded-For' }, ValidationErrorCode.INVALID_VALUE, 'originVerification.headerName', /'x-forwarded-' is reserved/],
    ['Host', { headerName: 'host' }, ValidationErrorCode.INVALID_VALUE, 'originVerification.headerName', /originVerification.headerName is 'host'; 'host' is reserved/],
  ] as Array<[string, { scope?: WebAclScope; headerName?: string }, ValidationErrorCode, string, RegExp]>)('rejects %s', (_, change, code, prop, message) => {
    const { stack } = newStack();
    const secret = secretsmanager.Secret.fromSecretCompleteArn(stack, 'Secret', SECRET_ARN);
    expectValidationError(() => new ElectionWebAcl(stack, 'Acl', {
      scope: change.scope ?? WebAclScope.REGIONAL, preset: WebAclPreset.PORTAL, originVerification: { headerName: change.headerName ?? 'x-origin-verify', secret },
    }), { code, prop, message });
  });
});

describe('ElectionWebAcl rejects bad input with an error that names the prop, the value and what is allowed', () => {
  test.each([
    ['a rate limit below 10', { rateLimit: 5 }, ValidationErrorCode.INVALID_VALUE, 'rateLimit', /rateLimit is 5; it must be a whole number from 10 to 2000000000/],
    ['a rate limit above 2e9', { rateLimit: 3e9 }, ValidationErrorCode.INVALID_VALUE, 'rateLimit', /rateLimit is 3000000000; it must be a whole number from 10/],
    ['a fractional rate limit', { rateLimit: 10.5 }, ValidationErrorCode.INVALID_VALUE, 'rateLimit', /rateLimit is 10.5/],
    ['a portal limit that never trips', { rateLimit: 2_000_000_000 }, ValidationErrorCode.OUTSIDE_BASELINE_BOUND, 'rateLimit', /rateLimit is 2000000000 per 300 seconds; the portal preset allows at most 2000 requests per 300 seconds/],
    ['a portal limit over 400 a minute', { rateLimit: 401, rateLimitWindow: Duration.minutes(1) }, ValidationErrorCode.OUTSIDE_BASELINE_BOUND, 'rateLimit', /rateLimit is 401 per 60 seconds; the portal preset allows at most 2000 requests per 300 seconds \(400 per 60 seconds\)/],
    ['a results limit over 20,000 per 5 minutes', { preset: WebAclPreset.RESULTS, rateLimit: 20_001 }, ValidationErrorCode.OUTSIDE_BASELINE_BOUND, 'rateLimit', /rateLimit is 20001 per 300 seconds; the results preset allows at most 20000/],
    ['a 3-minute window', { rateLimitWindow: Duration.minutes(3) }, ValidationErrorCode.INVALID_VALUE, 'rateLimitWindow', /rateLimitWindow is 180 seconds; allowed are 60, 120, 300, 600 seconds/],
    ['an unknown rate action', { rateLimitAction: 'ALLOW' as RateLimitAction }, ValidationErrorCode.INVALID_VALUE, 'rateLimitAction', /rateLimitAction is 'ALLOW'; allowed are BLOCK, CAPTCHA and CHALLENGE/],
    ['an unknown preset', { preset: 'intranet' as WebAclPreset }, ValidationErrorCode.INVALID_VALUE, 'preset', /preset is 'intranet'; allowed are 'portal' and 'results'/],
    ['an unknown scope', { scope: 'GLOBAL' as WebAclScope }, ValidationErrorCode.INVALID_VALUE, 'scope', /scope is 'GLOBAL'; allowed are 'CLOUDFRONT' and 'REGIONAL'/],
    ['ACFP on the results preset', { preset: WebAclPreset.RESULTS, accountCreationFraudPath: '/register', registrationPagePath: '/r.html' }, ValidationErrorCode.CONFLICTING_PROPS, 'accountCreationFraudPath', /accountCreationFraudPath is set with preset 'results'/],
    ['a relative registration path', { accountCreationFraudPath: 'register', registrationPagePath: '/r.html' }, ValidationErrorCode.INVALID_VALUE, 'accountCreationFraudPath', /accountCreationFraudPath is 'register'; it must be a literal URI path starting with \//],
    ['ACFP without the registration page', { accountCreationFraudPath: '/api/registrations' },
      ValidationErrorCode.MISSING_VALUE, 'registrationPagePath', /registrationPagePath is missing while accountCreationFraudPath is set; give the path of the page that serves the registration form/],
    ['a relative registration page', { accountCreationFraudPath: '/api/registrations', registrationPagePath: 'register.html' },
      ValidationErrorCode.INVALID_VALUE, 'registrationPagePath', /registrationPagePath is 'register.html'; it must be a literal URI path starting with \//],
    ['a registration page without ACFP', { registrationPagePath: '/register.html' },
      ValidationErrorCode.CONFLICTING_PROPS, 'registrationPagePath', /registrationPagePath is '\/register.html' without accountCreationFraudPath; it configures ACFP only: give both or neither/],
    ['a login path with a space', { staffLoginPath: '/staff login' }, ValidationErrorCode.INVALID_VALUE, 'staffLoginPath', /staffLoginPath is '\/staff login'/],
    ['an empty body field list', { protectedBodyFields: [] }, ValidationErrorCode.INVALID_VALUE, 'protectedBodyFields', /protectedBodyFields has 0 keys; give 1 to 100 keys/],
    ['a blank body field', { protectedBodyFields: [' '] }, ValidationErrorCode.INVALID_VALUE, 'protectedBodyFields', /protectedBodyFields contains ' '/],
    ['a header with a colon', { redactedHeaders: ['x-token:'] }, ValidationErrorCode.INVALID_VALUE, 'redactedHeaders', /redactedHeaders contains 'x-token:'/],
    ['a lower-case country', { geoRestriction: { allowedCountryCodes: ['us'], reason: 'State law requires US-only access to this portal.' } }, ValidationErrorCode.INVALID_VALUE, 'geoRestriction.allowedCountryCodes', /geoRestriction.allowedCountryCodes contains 'us'/],
    ['a three-letter country', { geoRestriction: { allowedCountryCodes: ['USA'], reason: 'State law requires US-only access to this portal.' } }, ValidationErrorCode.INVALID_VALUE, 'geoRestriction.allowedCountryCodes', /contains 'USA'; each must be an ISO 3166-1 alpha-2 code/],
    ['no country', { geoRestriction: { allowedCountryCodes: [], reason: 'State law requires US-only access to this portal.' } }, ValidationErrorCode.MISSING_VALUE, 'geoRestriction.allowedCountryCodes', /geoRestriction.allowedCountryCodes is empty/],
    ['a short reason', { geoRestriction: { allowedCountryCodes: ['US'], reason: 'policy' } },
      ValidationErrorCode.INVALID_VALUE, 'geoRestriction.reason', /geoRestriction.reason is 'policy'; the reason has 6 characters; a waiver needs at least 20 that an auditor can check: give the agency's reason/],
    ['a reason padded past 20 characters (the pack refuses it as a waiver)', { geoRestriction: { allowedCountryCodes: ['US'], reason: 'policy              .' } },
      ValidationErrorCode.INVALID_VALUE, 'geoRestriction.reason', /geoRestriction.reason is 'policy {14}\.'; the reason has 8 characters/],
  ] as Array<[string, Partial<ElectionWebAclProps>, ValidationErrorCode, string, RegExp]>)('%s', (_, props, code, prop, message) => {
    expectValidationError(() => webAcl(props), { code, prop, message });
  });

  test('a log group whose literal name lacks the aws-waf-logs- prefix', () => {
    const { stack } = newStack();
    const group = logs.LogGroup.fromLogGroupName(stack, 'Given', 'waf-logs');
    expectValidationError(() => new ElectionWebAcl(stack, 'Acl', { scope: WebAclScope.CLOUDFRONT, preset: WebAclPreset.PORTAL, logGroup: group }), {
      code: ValidationErrorCode.INVALID_VALUE, prop: 'logGroup',
      message: "ElectionWebAcl 'Test/Acl': logGroup is named 'waf-logs'; WAF logs only to log groups whose name starts with 'aws-waf-logs-'",
    });
  });

  test('CLOUDFRONT scope in a stack of another literal Region names the Region', () => {
    const stack = new Stack(new App(), 'West', { env: { region: 'us-west-2' } });
    expectValidationError(() => new ElectionWebAcl(stack, 'Acl', { scope: WebAclScope.CLOUDFRONT, preset: WebAclPreset.RESULTS }), {
      code: ValidationErrorCode.WRONG_PLACEMENT, prop: 'scope',
      message: "ElectionWebAcl 'West/Acl': scope is CLOUDFRONT in stack 'West' of region us-west-2; a CLOUDFRONT web ACL and its log group exist only in us-east-1",
    });
  });

  test('associate() on a CLOUDFRONT web ACL', () => {
    const { construct } = webAcl();
    expectValidationError(() => construct.associate('Alb', 'arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/x/1'), {
      code: ValidationErrorCode.WRONG_PLACEMENT, prop: 'scope', message: /scope is CLOUDFRONT; associate\(\) works only for REGIONAL web ACLs/,
    });
  });

  describe('counts every redacted field against WAF\'s limit of 100', () => {
    const headers = (n: number) => Array.from({ length: n }, (_, i) => `x-field-${i}`);
    const SECRET = 'arn:aws:secretsmanager:us-east-1:111122223333:secret:county/origin-verify-AbCdEf';

    test('98 headers with authorization and cookie fit; with the query string they make 101 and throw', () => {
      const { stack, construct } = webAcl({ redactedHeaders: headers(98) });
      expect((stack.resolve(construct.loggingConfiguration.redactedFields) as unknown[]).length).toBe(100);
      expectValidationError(() => webAcl({ redactedHeaders: headers(98), redactQueryString: true }), {
        code: ValidationErrorCode.ABOVE_SERVICE_LIMIT, prop: 'redactedHeaders',
        message: "ElectionWebAcl 'Test/Acl': redactedHeaders makes 101 redacted fields in all; a logging configuration redacts at most 100 fields",
      });
    });

    test('97 headers with the query string make exactly 100', () => {
      const { stack, construct } = webAcl({ redactedHeaders: headers(97), redactQueryString: true });
      expect((stack.resolve(construct.loggingConfiguration.redactedFields) as unknown[]).length).toBe(100);
    });

    test('the origin-verify header counts too', () => {
      const { stack } = newStack();
      const secret = secretsmanager.Secret.fromSecretCompleteArn(stack, 'Secret', SECRET);
      expectValidationError(() => new ElectionWebAcl(stack, 'Acl', {
        scope: WebAclScope.REGIONAL, preset: WebAclPreset.PORTAL, redactedHeaders: headers(97), redactQueryString: true,
        originVerification: { headerName: 'x-origin-verify', secret },
      }), { code: ValidationErrorCode.ABOVE_SERVICE_LIMIT, prop: 'redactedHeaders', message: /redactedHeaders makes 101 redacted fields in all/ });
    });
  });

  test.each([
    ['staffLoginPath', { staffLoginPath: Lazy.string({ produce: () => '/login' }) }, 'staffLoginPath is a token; it must be a literal URI path'],
    ['accountCreationFraudPath', { accountCreationFraudPath: Lazy.string({ produce: () => '/r' }), registrationPagePath: '/r.html' }, 'accountCreationFraudPath is a token;'],
    ['registrationPagePath', { accountCreationFraudPath: '/r', registrationPagePath: Lazy.string({ produce: () => '/r.html' }) }, 'registrationPagePath is a token;'],
    ['protectedBodyFields', { protectedBodyFields: ['ssn', Lazy.string({ produce: () => 'dob' })] }, 'protectedBodyFields contains a token;'],
    ['redactedHeaders', { redactedHeaders: [Lazy.string({ produce: () => 'x-key' })] }, 'redactedHeaders contains a token;'],
  ] as Array<[string, Partial<ElectionWebAclProps>, string]>)('a token in %s is refused as a token, not shown by its encoding', (prop, props, message) => {
    expectValidationError(() => webAcl(props), { code: ValidationErrorCode.TOKEN_NOT_ALLOWED, prop, message });
    expect(() => webAcl(props)).not.toThrow(/\$\{Token\[/);
  });
});

describe('web ACLs the pack rejects (one protection weakened each)', () => {
  test('monitor mode: every managed group only counts', () => {
    const { app } = webAcl({ monitorMode: true });
    expect(synthPathsViolating(app, 'WafNoCountOverride')).toEqual(['Test/Acl/WebAcl']);
  });

  test('no rate-based rule: a single IP may flood the site (San Diego County, 2012)', () => {
    const { app, construct } = webAcl({ preset: WebAclPreset.RESULTS });
    construct.webAcl.rules = (construct.webAcl.rules as wafv2.CfnWebACL.RuleProperty[]).filter((r) => r.name !== 'RateLimitPerIp');
    expect(synthPathsViolating(app, 'WafRateBasedRule')).toEqual(['Test/Acl/WebAcl']);
  });

  test('a rate rule that only counts', () => {
    const { app, construct } = webAcl({ preset: WebAclPreset.RESULTS });
    construct.webAcl.rules = (construct.webAcl.rules as wafv2.CfnWebACL.RuleProperty[])
      .map((r) => (r.name === 'RateLimitPerIp' ? { ...r, action: { count: {} } } : r));
    expect(synthPathsViolating(app, 'WafRateBasedRule')).toEqual(['Test/Acl/WebAcl']);
  });

  test('a geo block added by escape hatch, without the acknowledgment the geoRestriction prop records (2018)', () => {
    const { app, construct } = webAcl({ preset: WebAclPreset.RESULTS });
    construct.webAcl.rules = [...(construct.webAcl.rules as wafv2.CfnWebACL.RuleProperty[]), {
      name: 'UsOnly', priority: 1, action: { block: {} },
      statement: { notStatement: { statement: { geoMatchStatement: { countryCodes: ['US'] } } } },
      visibilityConfig: { cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: 'UsOnly' },
    }];
    expect(synthPathsViolating(app, 'WafNoGeoBlocking')).toEqual(['Test/Acl/WebAcl']);
  });

  test('the SQLi group dropped from a portal', () => {
    const { app, construct } = webAcl();
    construct.webAcl.rules = (construct.webAcl.rules as wafv2.CfnWebACL.RuleProperty[]).filter((r) => r.name !== 'AWS-AWSManagedRulesSQLiRuleSet');
    expect(synthPathsViolating(app, 'WafManagedRuleGroups')).toEqual(['Test/Acl/WebAcl']);
  });

  test('the cookie redaction removed from the logging configuration', () => {
    const { app, construct } = webAcl();
    construct.loggingConfiguration.addPropertyOverride('RedactedFields', [{ SingleHeader: { Name: 'authorization' } }]);
    expect(synthPathsViolating(app, 'WafLoggingRedacted')).toEqual(['Test/Acl/WebAcl']);
  });

  test('the geoRestriction opt-in blocks other countries and is acknowledged with the given reason', () => {
    const reason = 'State statute limits the staff portal to US networks; UOCAVA voters use the public site.';
    const { app, stack } = webAcl({ geoRestriction: { allowedCountryCodes: ['US', 'PR'], reason } });
    expect(synthViolations(app)).toEqual([]);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Rules: Match.arrayWith([Match.objectLike({
        Name: 'GeoAllowList', Priority: 2, Action: { Block: {} },
        Statement: { NotStatement: { Statement: { GeoMatchStatement: { CountryCodes: ['US', 'PR'] } } } },
      })]),
    });
  });
});
