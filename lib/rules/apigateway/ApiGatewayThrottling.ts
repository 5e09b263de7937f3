import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { isIntrinsic, isObject, JsonObject, literalNumber } from '../../pack/intrinsics';
import { TemplateResource } from '../../pack/template-model';

/** Highest steady rate a stage or method may allow, in requests per second. */
export const MAX_THROTTLING_RATE_LIMIT = 1000;
/** Highest burst a stage or method may allow: two seconds of the highest rate. */
export const MAX_THROTTLING_BURST_LIMIT = 2000;

/** A REST API stage caps its request rate for every method, well below the account's limit. */
export const ApiGatewayThrottling: ElectionRule = {
  name: 'ApiGatewayThrottling',
  level: NagMessageLevel.ERROR,
  info:
    'The API Gateway stage sets no stage-wide throttling (MethodSettings */ /* with rate and burst limits above 0), or a ' +
    `stage or method limit above ${MAX_THROTTLING_RATE_LIMIT} requests a second or a burst above ${MAX_THROTTLING_BURST_LIMIT}.`,
  explanation:
    'Without a stage limit a flood on election day (as in 2022) or a scripted lookup campaign runs at the account ' +
    'limit of 10,000 requests a second, exhausting the account\'s API capacity, the backend Lambda concurrency and ' +
    'the DynamoDB budget of every other API in it; a limit at or near the account\'s (10,000 a second, burst 5,000) ' +
    'is no limit at all. MethodSettings needs an entry for HttpMethod * and ResourcePath /* (what CDK writes for ' +
    'deployOptions.throttlingRateLimit) with literal ThrottlingRateLimit and ThrottlingBurstLimit above 0, and ' +
    `every entry, per-method overrides included, must keep its literal limits within ${MAX_THROTTLING_RATE_LIMIT} ` +
    `requests a second and a burst of ${MAX_THROTTLING_BURST_LIMIT} (0 closes a method; a negative value fails). ` +
    'That ceiling is a tenth of the account\'s rate, stays within the default Lambda ' +
    'concurrency of 1,000 for handlers that answer within a second, and is a hundred times a large state\'s ' +
    'deadline-day peak of submissions. Waive with the reason, and a load test, for an API that truly needs more.',
  controls: ['NIST-800-53-r5:SC-5', 'NIST-800-53-r5:SC-5(2)', 'CISA-CPG:2.W'],
  resourceTypes: ['AWS::ApiGateway::Stage'],
  waivable: true,
  check: apiGatewayThrottling,
};

function apiGatewayThrottling(resource: TemplateResource): NagRuleCompliance {
  const settings = resource.properties.MethodSettings;
  if (!Array.isArray(settings) || !settings.every((s) => isObject(s) && !isIntrinsic(s))) return NagRuleCompliance.NON_COMPLIANT;
  const entries = settings as JsonObject[];
  const throttled = entries.some(
    (s) =>
      s.HttpMethod === '*' &&
      s.ResourcePath === '/*' &&
      (literalNumber(s.ThrottlingRateLimit) ?? 0) > 0 &&
      (literalNumber(s.ThrottlingBurstLimit) ?? 0) > 0,
  );
  const bounded = entries.every(
    (s) => withinCeiling(s.ThrottlingRateLimit, MAX_THROTTLING_RATE_LIMIT) && withinCeiling(s.ThrottlingBurstLimit, MAX_THROTTLING_BURST_LIMIT),
  );
  return throttled && bounded ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

/** Unset (the stage's own limit applies), or a literal from 0 to the ceiling. */
function withinCeiling(value: unknown, ceiling: number): boolean {
  if (value === undefined) return true;
  const limit = literalNumber(value);
  return limit !== undefined && limit >= 0 && limit <= ceiling;
}
