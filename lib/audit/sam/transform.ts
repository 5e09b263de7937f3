import { isIntrinsic, isObject, JsonObject } from '../../baseline/intrinsics';
import { AuditInputError } from '../input-error';
import { expandFunction } from './function';
import { IMPLICIT_HTTP_API, IMPLICIT_REST_API, SamApis } from './function-events';
import { copyOf, SamOutput, SamResource } from './output';
import { readGlobals, withGlobals } from './globals';
import { expandHttpApi } from './http-api';
import { expandRestApi } from './rest-api';
import { expandSimpleTable } from './simple-table';
import { expandStateMachine } from './state-machine';

/** The transform that makes a template a SAM template. */
export const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

const FUNCTION = 'AWS::Serverless::Function';
const REST_API = 'AWS::Serverless::Api';
const HTTP_API = 'AWS::Serverless::HttpApi';
const STATE_MACHINE = 'AWS::Serverless::StateMachine';

/** The SAM types expanded here; other `AWS::Serverless::*` types stay as written, and unjudged. */
const EXPANSIONS: Record<string, (out: SamOutput, resource: SamResource) => void> = {
  [REST_API]: expandRestApi,
  [HTTP_API]: expandHttpApi,
  'AWS::Serverless::SimpleTable': expandSimpleTable,
  [STATE_MACHINE]: expandStateMachine,
};

/** What the SAM expansion returns. */
export interface SamExpansion {
  /** The template as the SAM transform leaves it: Globals merged and removed, SAM resources replaced by what they make. */
  readonly template: JsonObject;
  /** For each resource SAM made, the logical id of the resource the template declares that it came from. */
  readonly origins: Map<string, string>;
  /** What was not expanded as SAM would, one sentence each. */
  readonly notes: readonly string[];
}

/** Whether a template declares `Transform: AWS::Serverless-2016-10-31` (alone or in a list). */
export function usesSam(template: JsonObject): boolean {
  const transform = template.Transform;
  return transform === SAM_TRANSFORM || (Array.isArray(transform) && transform.includes(SAM_TRANSFORM));
}

/**
 * Expands what the SAM transform expands, so the resources are judged as
 * CloudFormation deploys them, under the logical ids SAM gives them:
 * implicit APIs for events that name none (`ServerlessRestApi` with stage
 * `Prod`, `ServerlessHttpApi`), `Globals` merged, then functions (whose
 * events add routes and permissions), APIs, simple tables and state
 * machines. Intrinsics are carried over as written; `Ref: Id.Alias`,
 * `Id.Version`, `Id.Stage` and `Id.Deployment` name what SAM made. Refuses,
 * as an AuditInputError naming `display`, what the SAM transform refuses.
 */
export function expandSam(template: JsonObject, display: string): SamExpansion {
  const out = new SamOutput(display, template.Parameters);
  if (!isObject(template.Resources)) return { template, origins: out.origins, notes: out.notes };
  const globals = readGlobals(template, display);
  const written = copyOf(template.Resources);
  const implicit = addImplicitApis(written, out.notes);
  out.declared = written;
  const sam = new Map<string, SamResource>();
  for (const [id, body] of Object.entries(written)) {
    if (!isObject(body) || (body.Type !== FUNCTION && !(String(body.Type) in EXPANSIONS))) continue;
    if (isIntrinsic(body.Properties)) {
      throw new AuditInputError(`${display}: resource '${id}' (${String(body.Type)}): Properties given as an intrinsic function cannot be expanded (the SAM transform refuses it)`);
    }
    const properties = withGlobals(globals, id, body, display);
    withDefaultDefinition(body.Type, properties);
    sam.set(id, { id, body, properties });
  }
  const apis: SamApis = new Map([...sam].filter(([, r]) => r.body.Type === REST_API || r.body.Type === HTTP_API));
  // Functions first: their events write routes into the APIs' definitions.
  for (const resource of sam.values()) if (resource.body.Type === FUNCTION) expandFunction(out, resource, apis);
  for (const resource of sam.values()) if (resource.body.Type !== FUNCTION) EXPANSIONS[String(resource.body.Type)](out, resource);
  return { template: assemble(template, written, out, implicit), origins: out.origins, notes: out.notes };
}

/**
 * SAM's implicit API plugins: a function or state machine event of type
 * `Api` (`HttpApi`) that names no API makes `ServerlessRestApi`
 * (`ServerlessHttpApi`), which SAM then manages; a resource of the template
 * under that id is replaced, as SAM replaces it. Returns, for each implicit API made, the first function
 * that asked for it (findings on it are placed there).
 */
function addImplicitApis(resources: JsonObject, notes: string[]): Map<string, string> {
  const made = new Map<string, string>();
  for (const [id, body] of Object.entries(resources)) {
    if (!isObject(body) || (body.Type !== FUNCTION && body.Type !== STATE_MACHINE) || !isObject(body.Properties) || !isObject(body.Properties.Events)) continue;
    for (const event of Object.values(body.Properties.Events)) {
      if (!isObject(event)) continue;
      const properties = isObject(event.Properties) ? event.Properties : {};
      const [api, key] = event.Type === 'Api' ? [IMPLICIT_REST_API, 'RestApiId'] : event.Type === 'HttpApi' ? [IMPLICIT_HTTP_API, 'ApiId'] : [];
      if (!api || properties[key!] !== undefined || made.has(api)) continue;
      if (api in resources) notes.push(`${api}: the template's own resource of this id is replaced by the implicit API of function ${id}, as SAM replaces it`);
      resources[api] = api === IMPLICIT_REST_API
        ? { Type: REST_API, Properties: { StageName: 'Prod', DefinitionBody: skeleton(false), __MANAGE_SWAGGER: true } }
        : { Type: HTTP_API, Properties: { DefinitionBody: skeleton(true), __MANAGE_SWAGGER: true } };
      made.set(api, id);
    }
  }
  return made;
}

/** SAM's default definition plugin: an API with neither `DefinitionBody` nor `DefinitionUri` gets an empty one that SAM manages. */
function withDefaultDefinition(type: unknown, properties: JsonObject): void {
  if ((type !== REST_API && type !== HTTP_API) || properties.DefinitionBody !== undefined || properties.DefinitionUri !== undefined) return;
  properties.DefinitionBody = skeleton(type === HTTP_API);
  properties.__MANAGE_SWAGGER = true;
}

function skeleton(http: boolean): JsonObject {
  const info = { version: '1.0', title: { Ref: 'AWS::StackName' } };
  return http ? { openapi: '3.0.1', info, paths: {} } : { swagger: '2.0', info, paths: {} };
}

/**
 * The expanded template: each resource the template declares in its place
 * (a SAM resource replaced by what it made), implicit APIs last, SAM's added
 * conditions, references to SAM's made resources resolved, and neither
 * `Globals` nor the SAM transform.
 */
function assemble(template: JsonObject, written: JsonObject, out: SamOutput, implicit: Map<string, string>): JsonObject {
  // Before implicit APIs are placed at their function: `ServerlessRestApi.Stage` names the API's own stage.
  const names = referable(out);
  const bySource = new Map<string, string[]>();
  for (const [made, source] of out.origins) bySource.set(source, [...(bySource.get(source) ?? []), made]);
  const resources: JsonObject = {};
  const place = (id: string, body: unknown) => {
    if (id in resources) throw new AuditInputError(`${out.display}: resource '${id}': SAM makes a resource under this logical id, which the template already uses`);
    resources[id] = body;
  };
  for (const [id, body] of Object.entries(written)) {
    if (implicit.has(id)) continue;
    const made = bySource.get(id);
    if (!made) place(id, body);
    else for (const madeId of made) place(madeId, out.resources[madeId]);
  }
  for (const [api, fn] of implicit) {
    for (const madeId of bySource.get(api) ?? []) {
      place(madeId, out.resources[madeId]);
      out.origins.set(madeId, fn);
    }
  }
  const expanded: JsonObject = { ...template, Resources: resolveReferences(resources, names) };
  if (isObject(template.Outputs)) expanded.Outputs = resolveReferences(template.Outputs, names);
  delete expanded.Globals;
  const transforms = [template.Transform].flat().filter((t) => t !== SAM_TRANSFORM);
  if (transforms.length === 0) delete expanded.Transform;
  else expanded.Transform = transforms.length === 1 && !Array.isArray(template.Transform) ? transforms[0] : transforms;
  if (Object.keys(out.conditions).length > 0) expanded.Conditions = { ...(isObject(template.Conditions) ? template.Conditions : {}), ...out.conditions };
  return expanded;
}

/** `Id.Alias`, `Id.Version`, `Id.Stage`, `Id.Deployment` → the logical id SAM made for it. */
function referable(out: SamOutput): Map<string, string> {
  const names = new Map<string, string>();
  const suffixes: Record<string, string> = {
    'AWS::Lambda::Alias': 'Alias', 'AWS::Lambda::Version': 'Version', 'AWS::ApiGateway::Stage': 'Stage', 'AWS::ApiGatewayV2::Stage': 'Stage',
    'AWS::ApiGateway::Deployment': 'Deployment', 'AWS::ApiGateway::DomainName': 'DomainName',
  };
  for (const [made, source] of out.origins) {
    const suffix = suffixes[String(out.resources[made]?.Type)];
    if (suffix) names.set(`${source}.${suffix}`, made);
  }
  return names;
}

/**
 * References to what SAM made, written as SAM allows: `Ref: Fn.Alias`,
 * `Fn::GetAtt: [Fn.Alias, Name]` or `Fn.Alias.Name`, and `${Fn.Alias}` or
 * `${Fn.Alias.Name}` in a `Fn::Sub`, each naming the resource SAM made.
 */
function resolveReferences(value: unknown, names: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveReferences(item, names));
  if (!isObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && typeof value.Ref === 'string' && names.has(value.Ref)) return { Ref: names.get(value.Ref) };
  const getAtt = value['Fn::GetAtt'];
  if (keys.length === 1 && getAtt !== undefined) {
    // `Fn.Alias.Name`, `[Fn.Alias, Name]` and the YAML reader's `[Fn, Alias.Name]` all name the alias's Name.
    const parts = (typeof getAtt === 'string' ? [getAtt] : Array.isArray(getAtt) && getAtt.every((p) => typeof p === 'string') ? getAtt as string[] : [])
      .join('.').split('.');
    const dotted = parts.slice(0, 2).join('.');
    if (names.has(dotted) && parts.length > 2) return { 'Fn::GetAtt': [names.get(dotted), parts.slice(2).join('.')] };
  }
  const sub = value['Fn::Sub'];
  if (keys.length === 1 && (typeof sub === 'string' || (Array.isArray(sub) && typeof sub[0] === 'string'))) {
    const text = (Array.isArray(sub) ? sub[0] : sub) as string;
    const replaced = text.replace(/\$\{([A-Za-z0-9]+\.[A-Za-z0-9]+)((?:\.[A-Za-z0-9]+)?)\}/g, (whole, name: string, attribute: string) => (names.has(name) ? `\${${names.get(name)}${attribute}}` : whole));
    return { 'Fn::Sub': Array.isArray(sub) ? [replaced, ...sub.slice(1).map((item) => resolveReferences(item, names))] : replaced };
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveReferences(item, names)]));
}
