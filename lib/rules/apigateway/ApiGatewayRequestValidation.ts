import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { AttachmentKind, attachedUnder } from '../../pack/attachments';
import { ElectionRule } from '../../pack/election-rule';
import { isIntrinsic, isObject, literalBoolean } from '../../baseline/intrinsics';
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
    'An unauthenticated write method without body validation is how the 2016 Illinois SQL injection came in. ' +
    'Passes: a validator with ValidateRequestBody true and template models whose schema sets ' +
    'additionalProperties false.',
  rationale:
    'The form fields of a registration page carried that payload to the database. API Gateway can refuse a ' +
    'malformed, oversized or unexpected body before it reaches the function or the table. A write method is ' +
    'POST, PUT, PATCH or ANY; unauthenticated means AuthorizationType NONE or none given. The validator is ' +
    'the AWS::ApiGateway::RequestValidator its RequestValidatorId names, and every model of RequestModels ' +
    'must be an AWS::ApiGateway::Model of the template (by Ref, or by its Name) with an object schema ' +
    '(additionalProperties is read at the top level; absent, JSON Schema allows any extra field). A validator ' +
    'or model the template does not hold (imported, given by a parameter, the built-in Empty model) cannot be ' +
    'checked and fails. Methods behind IAM, Cognito or a custom authorizer are not judged. Waive with the ' +
    'reason when the body is not JSON (a file upload) and the handler validates it.',
  controls: ['NIST-800-53-r5:SI-10', 'NIST-800-53-r5:SC-7', 'CISA-CPG:2.W', 'CIS-v8:16.10'],
  resourceTypes: ['AWS::ApiGateway::Method'],
  waivable: true,
  faultPath: requestValidationFaultPath,
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
  return attachedUnder(template, MODELS_BY_NAME, model)[0]?.logicalId;
}

/** The template's models, under their literal Name. */
const MODELS_BY_NAME: AttachmentKind = {
  types: ['AWS::ApiGateway::Model'],
  keys: (m) => (typeof m.properties.Name === 'string' ? [m.properties.Name] : []),
};

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

function requestValidationFaultPath(resource: TemplateResource, template: StackTemplate): string {
  const { HttpMethod: method, AuthorizationType: authorization } = resource.properties;
  if (authorization !== undefined && typeof authorization !== 'string') return 'Properties.AuthorizationType';
  if (typeof method !== 'string') return 'Properties.HttpMethod';
  return validatesBody(resource, template) ? 'Properties.RequestModels' : 'Properties.RequestValidatorId';
}
