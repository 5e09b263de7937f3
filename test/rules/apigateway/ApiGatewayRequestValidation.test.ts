import { NagRuleCompliance } from 'cdk-nag';
import { Template } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { StackTemplate } from '../../../lib/pack/template-model';
import { ApiGatewayRequestValidation as rule } from '../../../lib/rules/apigateway/ApiGatewayRequestValidation';
import { newStack } from '../../helpers/pack-harness';
import { Props, Template as Fixture, withProps, without } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

/** The registration method, validator and model as RegistrationPortal renders them. */
function registrationApi(): Fixture {
  return {
    Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'registration' } },
    Validator: { Type: 'AWS::ApiGateway::RequestValidator', Properties: { RestApiId: { Ref: 'Api' }, ValidateRequestBody: true, ValidateRequestParameters: true } },
    Submission: {
      Type: 'AWS::ApiGateway::Model',
      Properties: {
        RestApiId: { Ref: 'Api' },
        ContentType: 'application/json',
        Schema: {
          $schema: 'http://json-schema.org/draft-04/schema#',
          type: 'object',
          additionalProperties: false,
          required: ['givenName'],
          properties: { givenName: { type: 'string', minLength: 1, maxLength: 100 } },
        },
      },
    },
    Method: {
      Type: 'AWS::ApiGateway::Method',
      Properties: {
        RestApiId: { Ref: 'Api' },
        ResourceId: { 'Fn::GetAtt': ['Api', 'RootResourceId'] },
        HttpMethod: 'POST',
        AuthorizationType: 'NONE',
        RequestValidatorId: { Ref: 'Validator' },
        RequestModels: { 'application/json': { Ref: 'Submission' } },
        Integration: { Type: 'AWS_PROXY', IntegrationHttpMethod: 'POST', Uri: 'arn:aws:apigateway:us-east-1:lambda:path/fn' },
      },
    },
  };
}
const withMethod = (edit: (p: Props) => void, t = registrationApi()) => withProps(t, 'Method', edit);
const withSchema = (edit: (schema: Props) => void) => withProps(registrationApi(), 'Submission', (p) => edit(p.Schema as Props));

describe('ApiGatewayRequestValidation', () => {
  test.each([
    ['the RegistrationPortal submission method', registrationApi()],
    ['PUT, AuthorizationType absent (NONE)', withMethod((p) => { p.HttpMethod = 'PUT'; delete p.AuthorizationType; })],
    ['a model named by its Name', withMethod((p) => { p.RequestModels = { 'application/json': 'Submission' }; }, withProps(registrationApi(), 'Submission', (p) => { p.Name = 'Submission'; }))],
    ['a schema given as JSON text', withProps(registrationApi(), 'Submission', (p) => { p.Schema = JSON.stringify(p.Schema); })],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Method')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['no RequestValidatorId (red team)', withMethod((p) => { delete p.RequestValidatorId; })],
    ['a validator that does not check bodies (red team)', withProps(registrationApi(), 'Validator', (p) => { p.ValidateRequestBody = false; })],
    ['the validator resource deleted (red team)', without(withMethod((p) => { delete p.RequestValidatorId; }), 'Validator')],
    ['a Ref to a validator the template no longer holds', without(registrationApi(), 'Validator')],
    ['a Ref to a model the template no longer holds', without(registrationApi(), 'Submission')],
    ['a validator checking parameters only', withProps(registrationApi(), 'Validator', (p) => { delete p.ValidateRequestBody; })],
    ['no RequestModels', withMethod((p) => { delete p.RequestModels; })],
    ['empty RequestModels', withMethod((p) => { p.RequestModels = {}; })],
    ['the built-in Empty model', withMethod((p) => { p.RequestModels = { 'application/json': 'Empty' }; })],
    ['schema additionalProperties true (red team)', withSchema((s) => { s.additionalProperties = true; })],
    ['schema additionalProperties absent', withSchema((s) => { delete s.additionalProperties; })],
    ['a schema that is not an object schema', withSchema((s) => { s.type = 'array'; })],
    ['a schema text that is not JSON', withProps(registrationApi(), 'Submission', (p) => { p.Schema = '{ type: object'; })],
    ['ANY method', withMethod((p) => { p.HttpMethod = 'ANY'; delete p.RequestValidatorId; })],
    ['a validator Ref to another resource type', withMethod((p) => { p.RequestValidatorId = { Ref: 'Submission' }; })],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Method')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each([
    ['a GET method', withMethod((p) => { p.HttpMethod = 'GET'; delete p.RequestValidatorId; })],
    ['a POST behind Cognito', withMethod((p) => { p.AuthorizationType = 'COGNITO_USER_POOLS'; delete p.RequestValidatorId; })],
    ['a POST behind IAM', withMethod((p) => { p.AuthorizationType = 'AWS_IAM'; delete p.RequestModels; })],
  ])('not applicable: %s', (_, t) => {
    expect(judge(rule, t, 'Method')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('not applicable: the validator itself', () => {
    expect(judge(rule, registrationApi(), 'Validator')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['an imported validator id', withMethod((p) => { p.RequestValidatorId = { 'Fn::ImportValue': 'validator-id' }; })],
    ['a validator id from a parameter', withMethod((p) => { p.RequestValidatorId = { Ref: 'ValidatorId' }; })],
    ['a literal validator id', withMethod((p) => { p.RequestValidatorId = 'abc123'; })],
    ['a model name the template does not hold', withMethod((p) => { p.RequestModels = { 'application/json': 'SharedSubmission' }; })],
    ['a model from a parameter', withMethod((p) => { p.RequestModels = { 'application/json': { Ref: 'ModelName' } }; })],
    ['ValidateRequestBody from a parameter', withProps(registrationApi(), 'Validator', (p) => { p.ValidateRequestBody = { Ref: 'Validate' }; })],
    ['additionalProperties from a condition', withSchema((s) => { s.additionalProperties = { 'Fn::If': ['Strict', false, true] }; })],
    ['the HTTP method from a parameter', withMethod((p) => { p.HttpMethod = { Ref: 'Verb' }; })],
    ['the authorization type from a parameter', withMethod((p) => { p.AuthorizationType = { Ref: 'Auth' }; delete p.RequestValidatorId; })],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'Method')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('through CDK: addMethod with a body validator and a closed model passes; without them fails', () => {
    const { stack } = newStack();
    const api = new apigateway.RestApi(stack, 'Api', { cloudWatchRole: false });
    const model = api.addModel('Submission', {
      contentType: 'application/json',
      schema: { type: apigateway.JsonSchemaType.OBJECT, additionalProperties: false, properties: { name: { type: apigateway.JsonSchemaType.STRING } } },
    });
    const validator = api.addRequestValidator('Body', { validateRequestBody: true });
    api.root.addResource('validated').addMethod('POST', undefined, { requestValidator: validator, requestModels: { 'application/json': model } });
    api.root.addResource('open').addMethod('POST');
    const template = StackTemplate.fromResources(Template.fromStack(stack).toJSON().Resources as Record<string, unknown>);
    const verdicts = template.ofType('AWS::ApiGateway::Method').map((r) => [r.logicalId.replace(/POST.*$/, '').replace(/^Api/, ''), rule.check(r, template)]);
    expect(Object.fromEntries(verdicts)).toEqual({ validated: NagRuleCompliance.COMPLIANT, open: NagRuleCompliance.NON_COMPLIANT });
  });
});
