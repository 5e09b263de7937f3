import { NagRuleCompliance } from 'cdk-nag';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { RegistrationPortal } from '../../../constructs/registration-portal';
import { StackTemplate } from '../../../lib/pack/template-model';
import { ApiGatewayNoPublicPiiRead as rule } from '../../../lib/rules/apigateway/ApiGatewayNoPublicPiiRead';
import { registrationHandler } from '../../helpers/handler-fixtures';
import { newStack, packViolations } from '../../helpers/pack-harness';
import { Props, Template, withProps } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

const tableArn = { 'Fn::GetAtt': ['Table', 'Arn'] };
const lambdaUri = (target: unknown = { 'Fn::GetAtt': ['Fn', 'Arn'] }) => ({
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':apigateway:', { Ref: 'AWS::Region' }, ':lambda:path/2015-03-31/functions/', target, '/invocations']],
});
const serviceUri = (path: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':apigateway:', { Ref: 'AWS::Region' }, `:${path}`]] });
const allow = (Action: unknown, Resource: unknown = tableArn) => ({ Effect: 'Allow', Action, Resource });

/**
 * A public POST whose function writes submissions into a voter-PII table through a managed
 * policy on its role, as RegistrationPortal renders it.
 */
function publicApi(statements: Props[] = [allow('dynamodb:PutItem')], dataClass = 'voter-pii'): Template {
  return {
    Table: { Type: 'AWS::DynamoDB::Table', Properties: { Tags: [{ Key: 'election:data-class', Value: dataClass }] } },
    Role: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
        ManagedPolicyArns: [{ Ref: 'Logs' }],
      },
    },
    Logs: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: { Statement: [allow(['logs:CreateLogStream', 'logs:PutLogEvents'], '*')] } } },
    Access: { Type: 'AWS::IAM::ManagedPolicy', Properties: { Roles: [{ Ref: 'Role' }], PolicyDocument: { Statement: statements } } },
    Fn: { Type: 'AWS::Lambda::Function', Properties: { Role: { 'Fn::GetAtt': ['Role', 'Arn'] }, Runtime: 'nodejs20.x', Handler: 'index.handler' } },
    Method: {
      Type: 'AWS::ApiGateway::Method',
      Properties: { HttpMethod: 'POST', AuthorizationType: 'NONE', Integration: { Type: 'AWS_PROXY', IntegrationHttpMethod: 'POST', Uri: lambdaUri() } },
    },
  };
}
const method = (t: Template, edit: (p: Props) => void) => withProps(t, 'Method', edit);
const integration = (t: Template, edit: (i: Props) => void) => method(t, (p) => edit(p.Integration as Props));
const findings = (t: Template) => rule.granular!.findings(StackTemplate.fromResources(t).get('Method')!, StackTemplate.fromResources(t));

/** An AWS service integration calling `path` with a role that may read the table. */
function direct(path: string, httpMethod = 'POST', statements = [allow('dynamodb:*')]): Template {
  return integration(publicApi(statements), (i) => {
    i.Type = 'AWS';
    i.IntegrationHttpMethod = httpMethod;
    i.Uri = serviceUri(path);
    i.Credentials = { 'Fn::GetAtt': ['Role', 'Arn'] };
  });
}

describe('ApiGatewayNoPublicPiiRead', () => {
  test.each([
    ['a write-only function (PutItem), as the portal\'s', publicApi()],
    ['a function that reads another table than the voter-PII one', { ...publicApi([allow('dynamodb:GetItem', { 'Fn::GetAtt': ['Results', 'Arn'] })]), Results: { Type: 'AWS::DynamoDB::Table', Properties: { Tags: [{ Key: 'election:data-class', Value: 'election-records' }] } } }],
    ['a read on a literal table name that is not the voter table', withProps(publicApi([allow('dynamodb:GetItem', 'arn:aws:dynamodb:us-east-1:111122223333:table/results')]), 'Table', (p) => { p.TableName = 'voters'; })],
    ['an AWS basic execution policy beside the write', withProps(publicApi(), 'Role', (p) => { (p.ManagedPolicyArns as unknown[]).push({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AWSLambdaBasicExecutionRole']] }); })],
    ['a direct DynamoDB PutItem integration', direct('dynamodb:action/PutItem')],
    ['a read denied by a Deny is still not granted here: a write-only grant with a Deny', publicApi([allow('dynamodb:PutItem'), { Effect: 'Deny', Action: 'dynamodb:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }])],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Method')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['GetItem by key', publicApi([allow(['dynamodb:PutItem', 'dynamodb:GetItem'])])],
    ['Scan (the whole voter file)', publicApi([allow('dynamodb:Scan')])],
    ['dynamodb:* on every resource', publicApi([allow('dynamodb:*', '*')])],
    ['Query on a wildcard table ARN', publicApi([allow('dynamodb:Query', { 'Fn::Sub': 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/*' })])],
    ['Query on the table\'s indexes', publicApi([allow('dynamodb:Query', { 'Fn::Join': ['', [tableArn, '/index/*']] })])],
    ['a read granted by NotResource', publicApi([{ Effect: 'Allow', Action: 'dynamodb:GetItem', NotResource: 'arn:aws:dynamodb:*:*:table/other' }])],
    ['a read granted by NotAction', publicApi([{ Effect: 'Allow', NotAction: 'dynamodb:PutItem', Resource: tableArn }])],
    ['an inline policy of the role', withProps(publicApi([]), 'Role', (p) => { p.Policies = [{ PolicyName: 'read', PolicyDocument: { Statement: [allow('dynamodb:BatchGetItem')] } }]; })],
    ['an AWS::IAM::Policy naming the role', { ...publicApi([]), Inline: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'p', Roles: [{ Ref: 'Role' }], PolicyDocument: { Statement: [allow('dynamodb:Query')] } } } }],
    ['AmazonDynamoDBReadOnlyAccess on the role (an AWS managed policy it cannot read)', withProps(publicApi(), 'Role', (p) => { p.ManagedPolicyArns = ['arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess']; })],
    ['no authorization given (API Gateway takes NONE)', method(publicApi([allow('dynamodb:Scan')]), (p) => { delete p.AuthorizationType; })],
    ['ApiKeyRequired false', method(publicApi([allow('dynamodb:Scan')]), (p) => { p.ApiKeyRequired = false; })],
    ['an untagged table (judged as voter PII)', withProps(publicApi([allow('dynamodb:Scan')]), 'Table', (p) => { delete p.Tags; })],
    ['through an alias', { ...integration(publicApi([allow('dynamodb:Scan')]), (i) => { i.Uri = lambdaUri({ Ref: 'Live' }); }), Live: { Type: 'AWS::Lambda::Alias', Properties: { FunctionName: { Ref: 'Fn' }, Name: 'live' } } }],
    ['an AWS (non-proxy) Lambda integration', integration(publicApi([allow('dynamodb:Scan')]), (i) => { i.Type = 'AWS'; })],
    ['a direct DynamoDB Query integration', direct('dynamodb:action/Query')],
    ['a direct S3 GET of a voter-PII bucket', { ...direct('s3:path/voter-uploads/{key}', 'GET', [allow('s3:GetObject', { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Uploads', 'Arn'] }, '/*']] })]), Uploads: { Type: 'AWS::S3::Bucket', Properties: { Tags: [{ Key: 'election:data-class', Value: 'voter-pii' }] } } }],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Method')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('each readable store is its own finding, so a waiver names the store it accepts', () => {
    const t = { ...publicApi([allow('dynamodb:Scan', '*')]), Other: { Type: 'AWS::DynamoDB::Table', Properties: { Tags: [{ Key: 'election:data-class', Value: 'voter-pii' }] } } };
    expect(findings(t)).toEqual(['Store::Other', 'Store::Table']);
    expect(findings(publicApi())).toEqual([]);
  });

  test.each([
    ['an IAM authorizer', method(publicApi([allow('dynamodb:Scan')]), (p) => { p.AuthorizationType = 'AWS_IAM'; })],
    ['a Cognito authorizer', method(publicApi([allow('dynamodb:Scan')]), (p) => { p.AuthorizationType = 'COGNITO_USER_POOLS'; })],
    ['an API key required', method(publicApi([allow('dynamodb:Scan')]), (p) => { p.ApiKeyRequired = true; })],
    ['a MOCK integration (CORS preflight)', integration(publicApi([allow('dynamodb:Scan')]), (i) => { i.Type = 'MOCK'; delete i.Uri; })],
    ['an HTTP proxy to another site', integration(publicApi([allow('dynamodb:Scan')]), (i) => { i.Type = 'HTTP_PROXY'; i.Uri = 'https://example.gov/lookup'; })],
    ['a template without voter-PII stores', publicApi([allow('dynamodb:Scan')], 'operational')],
    ['a function that reads only a public-content table', publicApi([allow('dynamodb:Query')], 'public-content')],
    ['a direct SQS integration', direct('sqs:path/111122223333/queue')],
  ])('not applicable: %s', (_, t) => {
    expect(judge(rule, t, 'Method')).toBe(NagRuleCompliance.NOT_APPLICABLE);
    expect(judge(rule, publicApi(), 'Table')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a function ARN from a parameter', integration(publicApi(), (i) => { i.Uri = lambdaUri({ Ref: 'FunctionArn' }); })],
    ['a function outside the template', integration(publicApi(), (i) => { i.Uri = lambdaUri('arn:aws:lambda:us-east-1:111122223333:function:lookup'); })],
    ['a role from a parameter', withProps(publicApi(), 'Fn', (p) => { p.Role = { Ref: 'RoleArn' }; })],
    ['a policy document from a condition', withProps(publicApi(), 'Access', (p) => { p.PolicyDocument = { 'Fn::If': ['Read', {}, {}] }; })],
    ['a read on a table ARN from an import', publicApi([allow('dynamodb:Scan', { 'Fn::ImportValue': 'voter-table-arn' })])],
    ['an integration from a condition', method(publicApi(), (p) => { p.Integration = { 'Fn::If': ['Proxy', {}, {}] }; })],
    ['a service integration without a role of the template', integration(direct('dynamodb:action/Scan'), (i) => { i.Credentials = 'arn:aws:iam::*:user/*'; })],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'Method')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  describe('HTTP API routes', () => {
    /** A public route to a Lambda proxy integration of the function, as CDK's HttpLambdaIntegration renders it. */
    function httpApi(statements: Props[], route: Props = {}, integration: Props = {}): Template {
      const { Method: _rest, ...base } = publicApi(statements);
      return {
        ...base,
        Http: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'lookup', ProtocolType: 'HTTP' } },
        Integration: { Type: 'AWS::ApiGatewayV2::Integration', Properties: { ApiId: { Ref: 'Http' }, IntegrationType: 'AWS_PROXY', IntegrationUri: { 'Fn::GetAtt': ['Fn', 'Arn'] }, PayloadFormatVersion: '2.0', ...integration } },
        Route: {
          Type: 'AWS::ApiGatewayV2::Route',
          Properties: { ApiId: { Ref: 'Http' }, RouteKey: 'GET /status', AuthorizationType: 'NONE', Target: { 'Fn::Join': ['', ['integrations/', { Ref: 'Integration' }]] }, ...route },
        },
      };
    }
    test.each([
      ['compliant: a write-only function', httpApi([allow('dynamodb:PutItem')]), NagRuleCompliance.COMPLIANT],
      ['non-compliant: a function that can GetItem', httpApi([allow('dynamodb:GetItem')]), NagRuleCompliance.NON_COMPLIANT],
      ['non-compliant: no AuthorizationType (NONE)', httpApi([allow('dynamodb:Scan')], { AuthorizationType: undefined }), NagRuleCompliance.NON_COMPLIANT],
      ['not applicable: a JWT authorizer', httpApi([allow('dynamodb:Scan')], { AuthorizationType: 'JWT' }), NagRuleCompliance.NOT_APPLICABLE],
      ['not applicable: an SQS service integration', httpApi([allow('dynamodb:Scan')], {}, { IntegrationSubtype: 'SQS-SendMessage', IntegrationUri: undefined }), NagRuleCompliance.NOT_APPLICABLE],
      ['not applicable: an HTTP proxy', httpApi([allow('dynamodb:Scan')], {}, { IntegrationType: 'HTTP_PROXY', IntegrationUri: 'https://example.gov' }), NagRuleCompliance.NOT_APPLICABLE],
      ['unresolvable: a literal integration id', httpApi([allow('dynamodb:PutItem')], { Target: 'integrations/abc123' }), NagRuleCompliance.NON_COMPLIANT],
      ['unresolvable: an integration type from a parameter', httpApi([allow('dynamodb:PutItem')], {}, { IntegrationType: { Ref: 'Type' } }), NagRuleCompliance.NON_COMPLIANT],
    ])('%s', (_, t, verdict) => {
      expect(judge(rule, JSON.parse(JSON.stringify(t)), 'Route')).toBe(verdict);
    });
  });

  describe('through the pack, on the RegistrationPortal', () => {
    const ruleFindings = (stack: ReturnType<typeof newStack>['stack']) =>
      packViolations(stack).filter((v) => v.ruleId.startsWith('ElectionBaseline-ApiGatewayNoPublicPiiRead'));

    test('its public POST passes on its merits: the handler writes submissions but cannot read them', () => {
      const { stack } = newStack();
      new RegistrationPortal(stack, 'Portal', { handler: registrationHandler(stack).function });
      expect(ruleFindings(stack)).toEqual([]);
    });

    test('a lookup method beside it whose handler can read the table is a finding naming the table', () => {
      const { stack } = newStack();
      const portal = new RegistrationPortal(stack, 'Portal', { handler: registrationHandler(stack).function });
      const lookup = registrationHandler(stack, 'Lookup');
      portal.table.grantReadData(lookup.function);
      portal.api.root.addResource('status').addMethod('GET', new apigateway.LambdaIntegration(lookup.function));
      const table = stack.getLogicalId(portal.table.node.defaultChild as dynamodb.CfnTable);
      expect(ruleFindings(stack)).toEqual([
        { ruleId: `ElectionBaseline-ApiGatewayNoPublicPiiRead[Store::${table}]`, path: 'Test/Portal/Api/Default/status/GET/Resource' },
      ]);
    });

    test('the portal handler granted GetItem again reopens its own POST', () => {
      const { stack } = newStack();
      const handler = registrationHandler(stack);
      const portal = new RegistrationPortal(stack, 'Portal', { handler: handler.function as lambda.IFunction });
      portal.table.grant(handler.function, 'dynamodb:GetItem');
      expect(ruleFindings(stack).map((v) => v.path)).toEqual(['Test/Portal/Api/Default/api/registrations/POST/Resource']);
    });
  });
});
