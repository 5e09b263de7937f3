import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { isIntrinsic, isObject, JsonObject, literalBoolean } from '../../baseline/intrinsics';
import { TemplateResource } from '../../pack/template-model';

/** A REST API stage logs execution errors, never request bodies, and caches only encrypted. */
export const ApiGatewayExecutionLogging: ElectionRule = {
  name: 'ApiGatewayExecutionLogging',
  level: NagMessageLevel.ERROR,
  info:
    'The API Gateway stage logs full requests (DataTraceEnabled), has no stage-wide execution logging (*/ /* LoggingLevel ' +
    'INFO or ERROR), or caches responses unencrypted (CachingEnabled without CacheDataEncrypted).',
  explanation:
    'Data trace copies the voter PII in request and response bodies into logs, and an unencrypted cache holds it ' +
    'too. Passes: DataTraceEnabled off, LoggingLevel INFO or ERROR for */*, every cache encrypted.',
  rationale:
    "That means each voter's name, date of birth, licence number and SSN digits, readable by anyone who can " +
    'read logs and kept as long as the log group. Execution logs at ERROR or INFO are what shows an ' +
    'investigator the integration failures and authorizer denials of an injection attempt (Illinois, 2016) ' +
    'without those bodies. Every MethodSettings entry must leave DataTraceEnabled unset or false, and an ' +
    'entry with CachingEnabled true needs CacheDataEncrypted true; the entry for HttpMethod * and ' +
    'ResourcePath /* must set LoggingLevel INFO or ERROR; when the stage enables a cache cluster, that entry ' +
    'must say CachingEnabled false or CacheDataEncrypted true, since the console turns on caching of GET ' +
    'methods with the cluster. A stage a Deployment creates (StageName or StageDescription) is judged the ' +
    'same way, the top-level fields of StageDescription standing for */ /*. Values an intrinsic decides fail ' +
    'closed. Not waivable: each requirement has a compliant setting that costs nothing (ERROR logs no bodies, ' +
    'encryption is free), and what it prevents is voter PII in clear in another store.',
  controls: ['NIST-800-53-r5:AU-2', 'NIST-800-53-r5:AU-12', 'NIST-800-53-r5:SI-12', 'NIST-800-53-r5:SC-28', 'CISA-CPG:2.L', 'CISA-CPG:2.T', 'CIS-v8:8.2', 'CIS-v8:3.11'],
  resourceTypes: ['AWS::ApiGateway::Stage', 'AWS::ApiGateway::Deployment'],
  waivable: false,
  faultPath: (resource) => (resource.type === 'AWS::ApiGateway::Deployment' ? 'Properties.StageDescription' : 'Properties.MethodSettings'),
  check: apiGatewayExecutionLogging,
};

const LOGGING_LEVELS = ['INFO', 'ERROR'];

function apiGatewayExecutionLogging(resource: TemplateResource): NagRuleCompliance {
  let stage: unknown = resource.properties;
  if (resource.type === 'AWS::ApiGateway::Deployment') {
    const { StageName, StageDescription } = resource.properties;
    if (StageName === undefined && StageDescription === undefined) return NagRuleCompliance.NOT_APPLICABLE;
    stage = StageDescription ?? {};
  }
  if (!isObject(stage) || isIntrinsic(stage)) return NagRuleCompliance.NON_COMPLIANT;
  const entries = methodSettings(stage, resource.type === 'AWS::ApiGateway::Deployment');
  if (entries === undefined) return NagRuleCompliance.NON_COMPLIANT;
  const stageWide = entries.filter((e) => e.HttpMethod === '*' && e.ResourcePath === '/*');
  const ok =
    entries.every((e) => literalBoolean(e.DataTraceEnabled ?? false) === false && encryptedIfCaching(e)) &&
    stageWide.some((e) => e.LoggingLevel !== undefined) &&
    stageWide.every((e) => e.LoggingLevel === undefined || (typeof e.LoggingLevel === 'string' && LOGGING_LEVELS.includes(e.LoggingLevel))) &&
    cacheClusterCovered(stage.CacheClusterEnabled, stageWide);
  return ok ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

/**
 * The MethodSettings entries, with a StageDescription's own fields as the
 * stage-wide entry; undefined when the list or an entry is an intrinsic.
 */
function methodSettings(stage: JsonObject, isDescription: boolean): JsonObject[] | undefined {
  const settings = stage.MethodSettings ?? [];
  if (!Array.isArray(settings) || !settings.every((s) => isObject(s) && !isIntrinsic(s))) return undefined;
  const entries = settings as JsonObject[];
  return isDescription ? [{ ...stage, HttpMethod: '*', ResourcePath: '/*' }, ...entries] : entries;
}

function encryptedIfCaching(entry: JsonObject): boolean {
  if (entry.CachingEnabled === undefined || literalBoolean(entry.CachingEnabled) === false) return true;
  return literalBoolean(entry.CacheDataEncrypted) === true;
}

function cacheClusterCovered(cluster: unknown, stageWide: JsonObject[]): boolean {
  if (cluster === undefined || literalBoolean(cluster) === false) return true;
  return stageWide.some((e) => literalBoolean(e.CachingEnabled) === false || literalBoolean(e.CacheDataEncrypted) === true);
}
