import { isObject, JsonObject } from '../../baseline/intrinsics';
import { passThroughAttributes, SamOutput, SamResource } from './output';

const OPERATIONS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'x-amazon-apigateway-any-method']);

/**
 * An API's `Auth` written into its definition, as SAM's OpenAPI editor does:
 * each authorizer (`UserPoolArn`: Cognito; `FunctionArn`: a Lambda
 * authorizer; `AWS_IAM`: SigV4) as a security scheme, and `DefaultAuthorizer`
 * on every method that names none (`Authorizer: NONE` on an event leaves its
 * method open). A Lambda authorizer gets `<Api><Name>AuthorizerPermission`,
 * API Gateway limited to this API's authorizers (on an HTTP API only with
 * `EnableFunctionDefaultPermissions`, on a REST API unless
 * `DisableFunctionDefaultPermissions`). `ResourcePolicy` and
 * `UsagePlan` are not expanded (noted). SAM refuses `Auth` without an inline
 * definition and a `DefaultAuthorizer` the API does not define.
 */
export function applyApiAuth(out: SamOutput, api: SamResource, http: boolean): void {
  const auth = out.resolve(api.properties.Auth);
  if (auth === undefined) return;
  const body = api.properties.DefinitionBody;
  if (!isObject(auth)) throw out.refuse(api, 'Auth must be an object');
  if (!isObject(body)) throw out.refuse(api, 'Auth works only with an inline definition in DefinitionBody');
  const authorizers = isObject(auth.Authorizers) ? auth.Authorizers : {};
  const schemes: JsonObject = {};
  for (const [name, authorizer] of Object.entries(authorizers)) {
    if (!isObject(authorizer)) throw out.refuse(api, `Auth.Authorizers.${name} must be an object`);
    schemes[name] = securityScheme(authorizer, http);
    // REST APIs get the permission unless DisableFunctionDefaultPermissions; HTTP APIs only with EnableFunctionDefaultPermissions.
    const permitted = http ? authorizer.EnableFunctionDefaultPermissions === true : authorizer.DisableFunctionDefaultPermissions !== true;
    if (authorizer.FunctionArn !== undefined && permitted) addAuthorizerPermission(out, api, name, authorizer.FunctionArn);
  }
  const fallback = auth.DefaultAuthorizer;
  if (fallback === 'AWS_IAM') schemes.AWS_IAM = { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' };
  else if (typeof fallback === 'string' && !(fallback in schemes)) throw out.refuse(api, `Auth.DefaultAuthorizer ${fallback} is not one of Auth.Authorizers`);
  if (auth.ApiKeyRequired === true) schemes.api_key = { type: 'apiKey', name: 'x-api-key', in: 'header' };
  const key = http ? 'components' : 'securityDefinitions';
  if (Object.keys(schemes).length > 0) {
    if (http) body.components = { ...(isObject(body.components) ? body.components : {}), securitySchemes: { ...schemesOf(body), ...schemes } };
    else body[key] = { ...(isObject(body[key]) ? body[key] as JsonObject : {}), ...schemes };
  }
  const defaults: JsonObject[] = [];
  if (typeof fallback === 'string') defaults.push({ [fallback]: [] });
  if (auth.ApiKeyRequired === true) defaults.push({ api_key: [] });
  if (defaults.length > 0) forEachOperation(body, (operation) => { if (!('security' in operation)) operation.security = defaults; });
  if (auth.ResourcePolicy !== undefined) out.notes.push(`${api.id}: Auth.ResourcePolicy is not expanded; the API's policy is judged without it`);
  if (auth.UsagePlan !== undefined) out.notes.push(`${api.id}: Auth.UsagePlan is not expanded`);
}

function schemesOf(body: JsonObject): JsonObject {
  const components = isObject(body.components) ? body.components : {};
  return isObject(components.securitySchemes) ? components.securitySchemes : {};
}

function securityScheme(authorizer: JsonObject, http: boolean): JsonObject {
  if (authorizer.UserPoolArn !== undefined) {
    return { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'cognito_user_pools',
      'x-amazon-apigateway-authorizer': { type: 'cognito_user_pools', providerARNs: [authorizer.UserPoolArn].flat() } };
  }
  if (authorizer.JwtConfiguration !== undefined) {
    return { type: 'oauth2', 'x-amazon-apigateway-authorizer': { type: 'jwt', jwtConfiguration: authorizer.JwtConfiguration, identitySource: authorizer.IdentitySource } };
  }
  const type = isObject(authorizer.FunctionPayloadType) || authorizer.FunctionPayloadType === 'REQUEST' || http ? 'request' : 'token';
  const authorizerUri = authorizer.FunctionArn === undefined ? undefined
    : { 'Fn::Sub': ['arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${__FunctionArn__}/invocations', { __FunctionArn__: authorizer.FunctionArn }] };
  return { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'custom',
    'x-amazon-apigateway-authorizer': { type, ...(authorizerUri ? { authorizerUri } : {}) } };
}

function addAuthorizerPermission(out: SamOutput, api: SamResource, name: string, functionArn: unknown): void {
  out.add(api.id, `${api.id}${name}AuthorizerPermission`, 'AWS::Lambda::Permission', {
    Action: 'lambda:InvokeFunction',
    FunctionName: functionArn,
    Principal: 'apigateway.amazonaws.com',
    SourceArn: { 'Fn::Sub': ['arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/authorizers/*', { __ApiId__: { Ref: api.id } }] },
  }, passThroughAttributes(api));
}

/** Calls `visit` with each operation (method) object of the definition's paths. */
export function forEachOperation(body: JsonObject, visit: (operation: JsonObject) => void): void {
  if (!isObject(body.paths)) return;
  for (const route of Object.values(body.paths)) {
    if (!isObject(route)) continue;
    for (const [method, operation] of Object.entries(route)) if (OPERATIONS.has(method.toLowerCase()) && isObject(operation)) visit(operation);
  }
}
