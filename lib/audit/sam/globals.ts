import { isIntrinsic, isObject, JsonObject } from '../../baseline/intrinsics';
import { AuditInputError } from '../input-error';

/**
 * The `Globals` properties SAM accepts per section (`samtranslator/plugins/globals/globals.py`):
 * anything else in `Globals` is refused by SAM, and so here.
 */
const GLOBAL_PROPERTIES: Record<string, readonly string[]> = {
  Function: [
    'Handler', 'Runtime', 'CodeUri', 'DeadLetterQueue', 'Description', 'MemorySize', 'Timeout', 'VpcConfig', 'Environment', 'Tags',
    'PropagateTags', 'Tracing', 'KmsKeyArn', 'AutoPublishAlias', 'AutoPublishAliasAllProperties', 'Layers', 'DeploymentPreference',
    'RolePath', 'PermissionsBoundary', 'ReservedConcurrentExecutions', 'ProvisionedConcurrencyConfig', 'AssumeRolePolicyDocument',
    'EventInvokeConfig', 'FileSystemConfigs', 'CodeSigningConfigArn', 'Architectures', 'SnapStart', 'EphemeralStorage',
    'FunctionUrlConfig', 'RuntimeManagementConfig', 'LoggingConfig', 'RecursiveLoop', 'SourceKMSKeyArn', 'TenancyConfig',
    'DurableConfig', 'CapacityProviderConfig', 'FunctionScalingConfig', 'PublishToLatestPublished', 'VersionDeletionPolicy',
  ],
  Api: [
    'Auth', 'Name', 'DefinitionUri', 'CacheClusterEnabled', 'CacheClusterSize', 'MergeDefinitions', 'Variables', 'EndpointConfiguration',
    'MethodSettings', 'BinaryMediaTypes', 'MinimumCompressionSize', 'Cors', 'GatewayResponses', 'AccessLogSetting', 'CanarySetting',
    'TracingEnabled', 'OpenApiVersion', 'Domain', 'AlwaysDeploy', 'PropagateTags', 'SecurityPolicy', 'EndpointAccessMode',
  ],
  HttpApi: [
    'Auth', 'AccessLogSettings', 'StageVariables', 'Tags', 'CorsConfiguration', 'DefaultRouteSettings', 'Domain', 'RouteSettings',
    'FailOnWarnings', 'PropagateTags',
  ],
  SimpleTable: ['SSESpecification'],
  StateMachine: ['PropagateTags'],
  LayerVersion: ['PublishLambdaVersion'],
  CapacityProvider: ['VpcConfig', 'OperatorRole', 'Tags', 'InstanceRequirements', 'ScalingConfig', 'KmsKeyArn', 'PropagateTags'],
  WebSocketApi: [
    'AccessLogSettings', 'ApiKeySelectionExpression', 'DefaultRouteSettings', 'DisableExecuteApiEndpoint', 'DisableSchemaValidation',
    'Domain', 'FailOnWarnings', 'IpAddressType', 'PropagateTags', 'RouteSelectionExpression', 'RouteSettings', 'StageVariables', 'Tags',
  ],
};

/** The `Globals` section, checked as SAM checks it: by `AWS::Serverless::<Section>` type, its properties. */
export function readGlobals(template: JsonObject, display: string): Map<string, JsonObject> {
  const globals = new Map<string, JsonObject>();
  if (template.Globals === undefined) return globals;
  if (!isObject(template.Globals)) throw new AuditInputError(`${display}: Globals must be an object of sections (Function, Api, HttpApi, SimpleTable, StateMachine ...)`);
  for (const [section, properties] of Object.entries(template.Globals)) {
    const allowed = GLOBAL_PROPERTIES[section];
    if (!allowed) throw new AuditInputError(`${display}: Globals.${section} is not a Globals section SAM knows; it knows ${Object.keys(GLOBAL_PROPERTIES).join(', ')}`);
    if (!isObject(properties)) throw new AuditInputError(`${display}: Globals.${section} must be an object of properties`);
    for (const key of Object.keys(properties)) {
      if (!allowed.includes(key)) throw new AuditInputError(`${display}: Globals.${section}.${key} is not a property SAM takes from Globals for ${section}; it takes ${allowed.join(', ')}`);
    }
    globals.set(`AWS::Serverless::${section}`, properties);
  }
  return globals;
}

/**
 * A resource's Properties with its type's Globals merged in, as SAM merges
 * them: the resource's value wins over a global of another kind or a scalar
 * (an intrinsic counts as a scalar), objects merge key by key, lists
 * concatenate (global items first). `IgnoreGlobals` (`'*'` or a list of
 * property names) leaves globals out.
 */
export function withGlobals(globals: Map<string, JsonObject>, logicalId: string, body: JsonObject, display: string): JsonObject {
  const properties = isObject(body.Properties) ? body.Properties : {};
  const global = globals.get(String(body.Type));
  if (!global) return properties;
  const ignored = body.IgnoreGlobals;
  if (ignored === '*') return properties;
  let applied = global;
  if (ignored !== undefined) {
    if (!Array.isArray(ignored)) throw new AuditInputError(`${display}: resource '${logicalId}': IgnoreGlobals must be '*' or a list of Globals property names`);
    applied = { ...global };
    for (const name of ignored) {
      if (typeof name !== 'string' || !(name in applied)) {
        throw new AuditInputError(`${display}: resource '${logicalId}': IgnoreGlobals names '${String(name)}', which Globals does not set for ${String(body.Type)}`);
      }
      delete applied[name];
    }
  }
  return merge(applied, properties) as JsonObject;
}

function merge(global: unknown, local: unknown): unknown {
  const kind = kindOf(global);
  if (kind !== kindOf(local) || kind === 'scalar') return local;
  if (kind === 'list') return [...(global as unknown[]), ...(local as unknown[])];
  const merged: JsonObject = { ...(global as JsonObject) };
  for (const [key, value] of Object.entries(local as JsonObject)) merged[key] = key in merged ? merge(merged[key], value) : value;
  return merged;
}

function kindOf(value: unknown): 'object' | 'list' | 'scalar' {
  if (Array.isArray(value)) return 'list';
  return isObject(value) && !isIntrinsic(value) ? 'object' : 'scalar';
}
