import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { isIntrinsic, isObject, JsonObject, literalNumber } from '../../baseline/intrinsics';
import { TemplateResource } from '../../pack/template-model';
import { MAX_THROTTLING_BURST_LIMIT, MAX_THROTTLING_RATE_LIMIT } from '../../baseline/api-throttling';

/** A REST API stage caps its request rate for every method, well below the account's limit. */
export const ApiGatewayThrottling: ElectionRule = {
  name: 'ApiGatewayThrottling',
  level: NagMessageLevel.ERROR,
  info:
    'The API Gateway stage sets no stage-wide throttling (MethodSettings */ /* with rate and burst limits above 0), or a ' +
    `stage or method limit above ${MAX_THROTTLING_RATE_LIMIT} requests a second or a burst above ${MAX_THROTTLING_BURST_LIMIT}.`,
  explanation:
    "Without a stage limit, a flood or scripted lookups run at the account's 10,000 requests a second, starving " +
    `every API. Passes: */* limits above 0; all within ${MAX_THROTTLING_RATE_LIMIT} a second, burst ` +
    `${MAX_THROTTLING_BURST_LIMIT}.`,
  rationale:
    'A flood on election day (as in 2022) exhausts with it the backend Lambda concurrency and the DynamoDB ' +
    "budget of every other API in the account; a limit at or near the account's (burst 5,000) is no limit at " +
    'all. The */* entry (what CDK writes for deployOptions.throttlingRateLimit) sets literal ' +
    'ThrottlingRateLimit and ThrottlingBurstLimit, and the ceiling binds every entry, per-method overrides ' +
    "included (0 closes a method; a negative value fails). That ceiling is a tenth of the account's rate, " +
    'stays within the default Lambda concurrency of 1,000 for handlers that answer within a second, and is a ' +
    "hundred times a large state's deadline-day peak of submissions. Waive with the reason, and a load test, " +
    'for an API that truly needs more.',
  controls: ['NIST-800-53-r5:SC-5', 'NIST-800-53-r5:SC-5(2)', 'CISA-CPG:2.W'],
  resourceTypes: ['AWS::ApiGateway::Stage'],
  waivable: true,
  faultPath: () => 'Properties.MethodSettings',
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
