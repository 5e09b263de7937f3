import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { isIntrinsic, isObject, literalBoolean } from '../../pack/intrinsics';
import { referencedResourceOfType } from '../../pack/references';
import { StackTemplate, TemplateResource } from '../../pack/template-model';

/** A public method that takes a body validates it against a closed schema before anything runs. */
export const ApiGatewayRequestValidation: ElectionRule = {
  name: 'ApiGatewayRequestValidation',
  level: NagMessageLevel.ERROR,
  info:
    'The unauthenticated POST/PUT/PATCH/ANY method does not validate its body against a request model of the template that ' +
    'refuses unknown fields (RequestValidatorId with ValidateRequestBody true, RequestModels, schema additionalProperties false).',
  explanation:
    'A public write endpoint such as voter registration is where the 2016 Illinois SQL injection came in: form ' +
    'fields carried the payload to the database. API Gateway can refuse a malformed, oversized or unexpected ' +
    'body before it reaches the function or the table. A method with HttpMethod POST, PUT, PATCH or ANY and ' +
    'AuthorizationType NONE (or none given) needs RequestValidatorId referring to an ' +
    'AWS::ApiGateway::RequestValidator of the template with ValidateRequestBody true, and RequestModels whose ' +
    'every model is an AWS::ApiGateway::Model of the template (by Ref, or by its Name) with an object schema ' +
    'whose top-level additionalProperties is false (absent, JSON Schema allows any extra field). A validator or ' +
    'model the template does not hold (imported, given by a parameter, the built-in Empty model) cannot be ' +
    'checked and fails. Methods behind IAM, Cognito or a custom authorizer are not judged. Waive with the reason ' +
    'when the body is not JSON (a file upload) and the handler validates it.',
  controls: ['NIST-800-53-r5:SI-10', 'NIST-800-53-r5:SC-7', 'CISA-CPG:2.W', 'CIS-v8:16.10'],
  resourceTypes: ['AWS::ApiGateway::Method'],
  waivable: true,
  check: apiGatewayRequestValidation,
};

const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'ANY'];

function apiGatewayRequestValidation(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const { HttpMethod: method, AuthorizationType: authorization } = resource.properties;
  if (authorization !== undefined && typeof authorization !== 'string') return NagRuleCompliance.NON_COMPLIANT;
  if (authorization !== undefined && authorization.toUpperCase() !== 'NONE') return NagRuleCompliance.NOT_APPLICABLE;
  if (typeof method !== 'string') return NagRuleCompliance.NON_COMPLIANT;
  if (!WRITE_METHODS.includes(method.toUpperCase())) return NagRuleCompliance.NOT_APPLICABLE;
  return validatesBody(resource, template) && closedModels(resource.properties.RequestModels, template)
    ? NagRuleCompliance.COMPLIANT
    : NagRuleCompliance.NON_COMPLIANT;
}

function validatesBody(resource: TemplateResource, template: StackTemplate): boolean {
  const id = referencedResourceOfType(resource.properties.RequestValidatorId, 'AWS::ApiGateway::RequestValidator', template);
  return id !== undefined && literalBoolean(template.get(id)!.properties.ValidateRequestBody) === true;
}

function closedModels(models: unknown, template: StackTemplate): boolean {
  if (!isObject(models) || isIntrinsic(models)) return false;
  const values = Object.values(models);
  return values.length > 0 && values.every((model) => {
    const id = modelId(model, template);
    return id !== undefined && closedSchema(template.get(id)!.properties.Schema);
  });
}

/** A Ref to a model of the template, or the literal Name of one. */
function modelId(model: unknown, template: StackTemplate): string | undefined {
  if (typeof model !== 'string') return referencedResourceOfType(model, 'AWS::ApiGateway::Model', template);
  return template.ofType('AWS::ApiGateway::Model').find((m) => m.properties.Name === model)?.logicalId;
}

/** An object schema (as JSON or as text) that refuses unknown top-level fields. */
function closedSchema(schema: unknown): boolean {
  let value = schema;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return false;
    }
  }
  return isObject(value) && !isIntrinsic(value) && value.type === 'object' && value.additionalProperties === false;
}
