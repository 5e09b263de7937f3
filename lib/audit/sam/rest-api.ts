import { createHash } from 'crypto';
import { isIntrinsic, isObject, JsonObject } from '../../baseline/intrinsics';
import { applyApiAuth } from './api-auth';
import { hashedLogicalId, passThroughAttributes, s3Location, SamOutput, SamResource, sortedJson, tagList } from './output';

/** Properties SAM copies to the `AWS::ApiGateway::RestApi` as written. */
const REST_API_PROPERTIES = ['Name', 'Description', 'BinaryMediaTypes', 'MinimumCompressionSize', 'FailOnWarnings', 'Mode', 'ApiKeySourceType', 'Policy', 'SecurityPolicy', 'EndpointAccessMode'];

/** Properties SAM copies to the `AWS::ApiGateway::Stage` as written. */
const STAGE_PROPERTIES = ['StageName', 'CacheClusterEnabled', 'CacheClusterSize', 'Variables', 'MethodSettings', 'AccessLogSetting', 'CanarySetting', 'TracingEnabled'];

/**
 * `AWS::Serverless::Api` as SAM expands it (`samtranslator/model/api/api_generator.py`):
 *
 * - the `AWS::ApiGateway::RestApi` under the same logical id, `DefinitionBody`
 *   as its `Body` (with `Auth` written in, see applyApiAuth) or
 *   `DefinitionUri` as its `BodyS3Location`; its tags only with `PropagateTags`;
 * - `<Id>Deployment<hash>`, which also makes a stage named `Stage` unless
 *   `OpenApiVersion` is set (SAM's long-standing extra stage);
 * - `<Id><StageName>Stage` (a hash suffix when the name is not alphanumeric)
 *   with `MethodSettings`, `AccessLogSetting`, `TracingEnabled`,
 *   `CacheClusterEnabled`, `Variables`, `CanarySetting` and `Tags`;
 * - `Domain`: `ApiGatewayDomainName<hash>` with its `SecurityPolicy`, and the
 *   base path mappings.
 *
 * The deployment's hash is of the definition as JSON (SAM hashes Python's
 * text of it), so its suffix may differ from SAM's; nothing is judged by it.
 */
export function expandRestApi(out: SamOutput, api: SamResource): void {
  const p = api.properties;
  if (p.StageName === undefined) throw out.refuse(api, 'StageName is required');
  if (p.DefinitionBody !== undefined && p.DefinitionUri !== undefined) throw out.refuse(api, "give either 'DefinitionUri' or 'DefinitionBody', not both");
  applyApiAuth(out, api, false);
  const tags = tagList(p.Tags);
  const properties: JsonObject = Object.fromEntries(REST_API_PROPERTIES.map((name) => [name, p[name]]));
  properties.BinaryMediaTypes = out.resolve(p.BinaryMediaTypes);
  if (p.EndpointConfiguration !== undefined) properties.EndpointConfiguration = endpointConfiguration(p.EndpointConfiguration);
  if (p.DefinitionBody !== undefined) properties.Body = p.DefinitionBody;
  else if (p.DefinitionUri !== undefined) properties.BodyS3Location = bodyLocation(out, api, p.DefinitionUri);
  if (p.PropagateTags === true && tags.length > 0) properties.Tags = tags;
  out.add(api.id, api.id, 'AWS::ApiGateway::RestApi', properties, passThroughAttributes(api, true));

  const definition = properties.Body ?? properties.BodyS3Location;
  const digest = createHash('sha1').update(sortedJson(definition ?? {})).digest('hex');
  const deployment = definition !== undefined ? hashedLogicalId(`${api.id}Deployment`, sortedJson(definition)) : `${api.id}Deployment`;
  out.add(api.id, deployment, 'AWS::ApiGateway::Deployment', {
    RestApiId: { Ref: api.id },
    Description: definition !== undefined ? `RestApi deployment id: ${digest}` : undefined,
    StageName: p.OpenApiVersion === undefined ? 'Stage' : undefined,
  }, passThroughAttributes(api));

  const stageName = typeof p.StageName === 'string' ? p.StageName : '';
  const stage = /^[A-Za-z0-9]+$/.test(stageName) ? `${api.id}${stageName}Stage` : hashedLogicalId(`${api.id}Stage`, stageName);
  const stageProperties: JsonObject = { RestApiId: { Ref: api.id }, DeploymentId: { Ref: deployment } };
  for (const name of STAGE_PROPERTIES) stageProperties[name] = p[name];
  if (p.Tags !== undefined) stageProperties.Tags = tags;
  out.add(api.id, stage, 'AWS::ApiGateway::Stage', stageProperties, passThroughAttributes(api));
  if (p.Domain !== undefined) addDomain(out, api, stage, p.PropagateTags === true ? tags : []);
}

/** `REGIONAL` or `{ Type, VPCEndpointIds, IpAddressType }` → `{ Types: [...], VpcEndpointIds, IpAddressType }`. */
function endpointConfiguration(value: unknown): unknown {
  if (typeof value === 'string' || isIntrinsic(value)) return { Types: [value] };
  if (!isObject(value)) return value;
  const { Type, VPCEndpointIds, IpAddressType } = value;
  return Object.fromEntries(Object.entries({ Types: [Type], VpcEndpointIds: VPCEndpointIds, IpAddressType }).filter(([, v]) => v !== undefined));
}

function bodyLocation(out: SamOutput, api: SamResource, uri: unknown): unknown {
  if (isObject(uri) && !isIntrinsic(uri) && (uri.Bucket === undefined || uri.Key === undefined)) throw out.refuse(api, "'DefinitionUri' needs Bucket and Key");
  if (typeof uri === 'string' && !uri.startsWith('s3://')) out.notes.push(`${api.id}: DefinitionUri ${uri} is a local path; judged as if \`sam package\` had uploaded it`);
  return s3Location(uri, 'Bucket');
}

/** `Domain`: the custom domain name (REGIONAL by default) and a base path mapping per `BasePath`. */
function addDomain(out: SamOutput, api: SamResource, stage: string, tags: JsonObject[]): void {
  const domain = out.resolve(api.properties.Domain);
  if (!isObject(domain)) throw out.refuse(api, 'Domain must be an object');
  if (domain.DomainName === undefined || domain.CertificateArn === undefined) throw out.refuse(api, 'Domain needs DomainName and CertificateArn');
  const endpoint = domain.EndpointConfiguration ?? 'REGIONAL';
  if (typeof endpoint === 'string' && !['EDGE', 'REGIONAL', 'PRIVATE'].includes(endpoint)) throw out.refuse(api, 'Domain.EndpointConfiguration must be EDGE, REGIONAL or PRIVATE');
  if (endpoint === 'PRIVATE') {
    out.notes.push(`${api.id}: a PRIVATE custom domain is not expanded`);
    return;
  }
  const id = hashedLogicalId('ApiGatewayDomainName', domain.DomainName);
  out.add(api.id, id, 'AWS::ApiGateway::DomainName', {
    DomainName: domain.DomainName,
    [endpoint === 'EDGE' ? 'CertificateArn' : 'RegionalCertificateArn']: domain.CertificateArn,
    EndpointConfiguration: { Types: [endpoint] },
    MutualTlsAuthentication: domain.MutualTlsAuthentication,
    SecurityPolicy: domain.SecurityPolicy,
    OwnershipVerificationCertificateArn: domain.OwnershipVerificationCertificateArn,
    Tags: tags.length > 0 ? tags : undefined,
  }, passThroughAttributes(api));
  const basePaths = domain.BasePath === undefined ? [undefined] : [domain.BasePath].flat();
  for (const basePath of basePaths) {
    const path = typeof basePath === 'string' ? basePath.replace(/[^A-Za-z0-9]/g, '') : '';
    out.add(api.id, `${api.id}${path}BasePathMapping`, 'AWS::ApiGateway::BasePathMapping', {
      DomainName: { Ref: id }, RestApiId: { Ref: api.id }, Stage: { Ref: stage }, BasePath: basePath === undefined ? undefined : path,
    }, passThroughAttributes(api));
  }
}
