import { isObject, JsonObject } from '../../baseline/intrinsics';
import { applyApiAuth } from './api-auth';
import { hashedLogicalId, passThroughAttributes, s3Location, SamOutput, SamResource } from './output';

/** The tag SAM adds to every HTTP API with an inline definition (and its stage). */
const HTTP_API_CREATED_BY = 'httpapi:createdBy';

/**
 * `AWS::Serverless::HttpApi` as SAM expands it (`samtranslator/model/api/http_api_generator.py`):
 * the `AWS::ApiGatewayV2::Api` under the same logical id, `DefinitionBody`
 * as its `Body` (with `Auth` and the tags written in) or `DefinitionUri` as
 * its `BodyS3Location`; and its stage, `<Id>ApiGatewayDefaultStage` for the
 * `$default` stage SAM uses when `StageName` is not set, else
 * `<Id><StageName>Stage`, auto-deployed, with `AccessLogSettings`,
 * `DefaultRouteSettings`, `RouteSettings`, `StageVariables` and the tags
 * (`httpapi:createdBy: SAM` added). `Domain` and `CorsConfiguration` are not
 * expanded (noted).
 */
export function expandHttpApi(out: SamOutput, api: SamResource): void {
  const p = api.properties;
  if (p.DefinitionBody !== undefined && p.DefinitionUri !== undefined) throw out.refuse(api, "give either 'DefinitionUri' or 'DefinitionBody', not both");
  if (p.DefinitionBody === undefined && p.DefinitionUri === undefined) throw out.refuse(api, "'DefinitionUri' or 'DefinitionBody' is required (or an HttpApi event of a function)");
  if (p.Tags !== undefined && !isObject(p.DefinitionBody)) throw out.refuse(api, "Tags works only with an inline definition in 'DefinitionBody'");
  applyApiAuth(out, api, true);
  const tags: JsonObject | undefined = isObject(p.DefinitionBody) ? { ...(isObject(p.Tags) ? p.Tags : {}), [HTTP_API_CREATED_BY]: 'SAM' } : undefined;
  if (tags && isObject(p.DefinitionBody)) {
    p.DefinitionBody.tags = Object.entries(tags).map(([name, value]) => ({ name, 'x-amazon-apigateway-tag-value': value }));
  }
  out.add(api.id, api.id, 'AWS::ApiGatewayV2::Api', {
    Body: p.DefinitionBody,
    BodyS3Location: p.DefinitionUri !== undefined ? s3Location(p.DefinitionUri, 'Bucket') : undefined,
    FailOnWarnings: p.FailOnWarnings,
  }, passThroughAttributes(api, true));

  const stageName = p.StageName ?? '$default';
  const stage = stageName === '$default' ? `${api.id}ApiGatewayDefaultStage`
    : typeof stageName === 'string' && /^[A-Za-z0-9]+$/.test(stageName) ? `${api.id}${stageName}Stage`
      : hashedLogicalId(`${api.id}Stage`, typeof stageName === 'string' ? stageName : '');
  out.add(api.id, stage, 'AWS::ApiGatewayV2::Stage', {
    ApiId: { Ref: api.id },
    StageName: stageName,
    StageVariables: p.StageVariables,
    AccessLogSettings: p.AccessLogSettings,
    DefaultRouteSettings: p.DefaultRouteSettings,
    Tags: tags,
    AutoDeploy: true,
    RouteSettings: p.RouteSettings,
  }, passThroughAttributes(api));
  if (p.Domain !== undefined) out.notes.push(`${api.id}: Domain is not expanded; its custom domain is not judged`);
  if (p.CorsConfiguration !== undefined) out.notes.push(`${api.id}: CorsConfiguration is not expanded`);
}
