import { isObject, JsonObject } from '../../baseline/intrinsics';
import { hashedLogicalId, passThroughAttributes, SamOutput, SamResource } from './output';
import { addOtherEvent, OTHER_EVENT_TYPES } from './other-events';

/** The implicit APIs SAM makes for `Api` and `HttpApi` events that name no API of their own. */
export const IMPLICIT_REST_API = 'ServerlessRestApi';
export const IMPLICIT_HTTP_API = 'ServerlessHttpApi';

/** The API resources of the template being expanded (Globals merged), by logical id; events add routes to the ones SAM manages. */
export type SamApis = Map<string, SamResource>;

/** What an event invokes: the function, or its alias when `AutoPublishAlias` is set. */
export interface EventTarget {
  /** `{ Ref }` to the function or alias (its name or ARN). */
  readonly ref: JsonObject;
  /** The `${Id.Arn}`/`${Alias}` an API integration URI uses. */
  readonly arnVariable: string;
}

/**
 * The API id an event names: `RestApiId`/`ApiId` as `!Ref Id` or `Id`, or
 * the implicit API when it names none. Undefined for an API from elsewhere
 * (an import), whose stage SAM cannot read.
 */
export function eventApiId(properties: JsonObject, key: 'RestApiId' | 'ApiId', implicit: string): string | undefined {
  const value = properties[key];
  if (value === undefined) return implicit;
  if (typeof value === 'string') return value;
  return isObject(value) && typeof value.Ref === 'string' && Object.keys(value).length === 1 ? value.Ref : undefined;
}

/**
 * A function's events. `Api` and `HttpApi` events (`samtranslator/model/eventsources/push.py`):
 * each adds the `AWS::Lambda::Permission` that lets API Gateway invoke it,
 * limited by `SourceArn` to the API (`<Fn><Event>Permission<Stage>` for
 * REST, `<Fn><Event>Permission` for HTTP), and a route with the Lambda
 * integration in the API's definition when SAM manages it. Other event types
 * are expanded by addOtherEvent where SAM's ids and shapes are known (S3,
 * SNS, Schedule, EventBridge rules, queues and streams), else noted.
 */
export function addEvents(out: SamOutput, fn: SamResource, apis: SamApis, target: EventTarget): void {
  const events = fn.properties.Events;
  if (events === undefined || events === null) return;
  if (!isObject(events)) throw out.refuse(fn, 'Events must be an object of events by name');
  for (const [eventId, event] of Object.entries(events)) {
    if (!isObject(event) || typeof event.Type !== 'string') throw out.refuse(fn, `Events.${eventId} must be an object with a Type`);
    const properties = isObject(event.Properties) ? event.Properties : {};
    if (event.Type === 'Api') addRestEvent(out, fn, apis, target, eventId, properties);
    else if (event.Type === 'HttpApi') addHttpEvent(out, fn, apis, target, eventId, properties);
    else if (OTHER_EVENT_TYPES.includes(event.Type)) addOtherEvent(out, fn, target, eventId, event.Type, properties);
    else out.notes.push(`${fn.id}: event ${eventId} of type ${event.Type} is not expanded; the resources it makes (permissions, mappings) are not judged`);
  }
}

function addRestEvent(out: SamOutput, fn: SamResource, apis: SamApis, target: EventTarget, eventId: string, properties: JsonObject): void {
  const { Path: path, Method: method } = properties;
  if (typeof path !== 'string' || typeof method !== 'string') throw out.refuse(fn, `Events.${eventId}: an Api event needs a Path and a Method`);
  const apiId = eventApiId(properties, 'RestApiId', IMPLICIT_REST_API);
  const api = apiId !== undefined ? apis.get(apiId) : undefined;
  const declared = apiId !== undefined ? out.declared[apiId] : undefined;
  if (apiId !== undefined && !isObject(declared)) throw out.refuse(fn, `Events.${eventId}: RestApiId must name a resource of this template (or be an import)`);
  // The stage the permission is named after: the API's literal StageName, else Stage; AllStages for an API from elsewhere.
  const stageName = api ? api.properties.StageName : isObject(declared) && isObject(declared.Properties) ? declared.Properties.StageName : undefined;
  const suffix = apiId === undefined ? 'AllStages' : typeof stageName === 'string' ? stageName : 'Stage';
  const apiRef = apiId !== undefined ? { Ref: apiId } : properties.RestApiId;
  addPermission(out, fn, target, `${fn.id}${eventId}Permission`, suffix, apiRef, `/${permissionMethod(method)}${permissionPath(path)}`);
  if (api && api.properties.__MANAGE_SWAGGER === true) {
    const operation = integration(target, false);
    const security = methodSecurity(properties.Auth);
    addRoute(out, fn, api, eventId, path, method, security ? { ...operation, security } : operation);
  }
}

function addHttpEvent(out: SamOutput, fn: SamResource, apis: SamApis, target: EventTarget, eventId: string, properties: JsonObject): void {
  const apiId = eventApiId(properties, 'ApiId', IMPLICIT_HTTP_API);
  const api = apiId !== undefined ? apis.get(apiId) : undefined;
  if (apiId !== undefined && !isObject(out.declared[apiId])) throw out.refuse(fn, `Events.${eventId}: ApiId must name a resource of this template (or be an import)`);
  const isDefault = properties.Path === undefined && properties.Method === undefined;
  const path = isDefault ? '$default' : properties.Path;
  const method = isDefault ? 'any' : properties.Method;
  if (typeof path !== 'string' || typeof method !== 'string') throw out.refuse(fn, `Events.${eventId}: an HttpApi event needs both Path and Method, or neither (the $default route)`);
  const resource = isDefault ? '/*' : `/${permissionMethod(method)}${permissionPath(path)}`;
  // The $default route's permission (any route, any method) already covers this function's other routes on the API.
  if (isDefault || !api || !hasDefaultRoute(fn, api, apiId!, target)) {
    addPermission(out, fn, target, `${fn.id}${eventId}Permission`, '', apiId !== undefined ? { Ref: apiId } : properties.ApiId, resource);
  }
  if (api && api.properties.__MANAGE_SWAGGER === true) {
    const operation = { ...integration(target, true), ...(isDefault ? { isDefaultRoute: true } : {}) };
    const security = methodSecurity(properties.Auth);
    addRoute(out, fn, api, eventId, path, method, security ? { ...operation, security } : operation);
  }
}

/** Whether the function has the $default route of this HTTP API: an event without Path and Method, or the API's own definition integrating it. */
function hasDefaultRoute(fn: SamResource, api: SamResource, apiId: string, target: EventTarget): boolean {
  const events = isObject(fn.properties.Events) ? Object.values(fn.properties.Events) : [];
  const byEvent = events.some((event) => {
    if (!isObject(event) || event.Type !== 'HttpApi') return false;
    const p = isObject(event.Properties) ? event.Properties : {};
    return eventApiId(p, 'ApiId', IMPLICIT_HTTP_API) === apiId && p.Path === undefined && p.Method === undefined;
  });
  const body = api.properties.DefinitionBody;
  const route = isObject(body) && isObject(body.paths) ? body.paths.$default : undefined;
  const operation = isObject(route) ? route['x-amazon-apigateway-any-method'] : undefined;
  return byEvent || (isObject(operation) && JSON.stringify(operation).includes(target.arnVariable));
}

/** SAM's permission for an API event: API Gateway, limited to this API's routes in any stage. */
function addPermission(out: SamOutput, fn: SamResource, target: EventTarget, prefix: string, suffix: string, apiRef: unknown, route: string): void {
  const logicalId = suffix === '' || /^[A-Za-z0-9]+$/.test(suffix) ? `${prefix}${suffix}` : hashedLogicalId(prefix, suffix);
  out.add(fn.id, logicalId, 'AWS::Lambda::Permission', {
    Action: 'lambda:InvokeFunction',
    FunctionName: target.ref,
    Principal: 'apigateway.amazonaws.com',
    SourceArn: { 'Fn::Sub': [`arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${__ApiId__}/\${__Stage__}${route}`, { __ApiId__: apiRef, __Stage__: '*' }] },
  }, passThroughAttributes(fn));
}

function permissionMethod(method: string): string {
  return ['any', 'x-amazon-apigateway-any-method'].includes(method.toLowerCase()) ? '*' : method.toUpperCase();
}

/** The path as a permission names it: no trailing slash, each `{parameter}` a `*`. */
function permissionPath(path: string): string {
  return path.replace(/^(.+)\/$/, '$1').replace(/\{[^}]*\}/g, '*');
}

function integration(target: EventTarget, http: boolean): JsonObject {
  return {
    'x-amazon-apigateway-integration': {
      type: 'aws_proxy',
      httpMethod: 'POST',
      uri: { 'Fn::Sub': `arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/${target.arnVariable}/invocations` },
      ...(http ? { payloadFormatVersion: '2.0' } : {}),
    },
    responses: {},
  };
}

/**
 * The method's `security` from the event's `Auth`: its `Authorizer`
 * (`NONE`: an empty list, a method open to anyone) and `ApiKeyRequired`.
 * Undefined when the event says nothing, so the API's `DefaultAuthorizer`
 * applies (see the API expansions).
 */
function methodSecurity(eventAuth: unknown): JsonObject[] | undefined {
  if (!isObject(eventAuth)) return undefined;
  const { Authorizer: authorizer, ApiKeyRequired: apiKey } = eventAuth;
  if (authorizer === undefined && apiKey === undefined) return undefined;
  const security: JsonObject[] = [];
  if (typeof authorizer === 'string' && authorizer !== 'NONE') security.push({ [authorizer]: Array.isArray(eventAuth.AuthorizationScopes) ? eventAuth.AuthorizationScopes : [] });
  if (apiKey === true) security.push({ api_key: [] });
  return security;
}

function addRoute(out: SamOutput, fn: SamResource, api: SamResource, eventId: string, path: string, method: string, operation: JsonObject): void {
  const body = api.properties.DefinitionBody as JsonObject;
  const paths = (isObject(body.paths) ? body.paths : (body.paths = {})) as JsonObject;
  const route = (isObject(paths[path]) ? paths[path] : (paths[path] = {})) as JsonObject;
  const key = method.toLowerCase() === 'any' ? 'x-amazon-apigateway-any-method' : method.toLowerCase();
  if (key in route) throw out.refuse(fn, `Events.${eventId}: API method "${method}" defined multiple times for path "${path}" of ${api.id}`);
  route[key] = operation;
}
