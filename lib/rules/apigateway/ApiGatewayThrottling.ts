import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { isObject, literalNumber } from '../../pack/intrinsics';
import { TemplateResource } from '../../pack/template-model';

/** A REST API stage caps its request rate for every method. */
export const ApiGatewayThrottling: ElectionRule = {
  name: 'ApiGatewayThrottling',
  level: NagMessageLevel.ERROR,
  info: 'The API Gateway stage sets no stage-wide throttling (MethodSettings */ * with rate and burst limits above 0).',
  explanation:
    'Without a stage limit a flood on election day (as in 2022) or a scripted lookup campaign runs at the account ' +
    'limit of 10,000 requests a second, exhausting the account\'s API capacity, the backend Lambda concurrency and ' +
    'the DynamoDB budget of every other API in it. MethodSettings needs an entry for HttpMethod * and ResourcePath ' +
    '/* (what CDK writes for deployOptions.throttlingRateLimit) with literal ThrottlingRateLimit and ' +
    'ThrottlingBurstLimit above 0.',
  controls: ['NIST-800-53-r5:SC-5', 'NIST-800-53-r5:SC-5(2)', 'CISA-CPG:2.W'],
  resourceTypes: ['AWS::ApiGateway::Stage'],
  waivable: true,
  check: apiGatewayThrottling,
};

function apiGatewayThrottling(resource: TemplateResource): NagRuleCompliance {
  const settings = resource.properties.MethodSettings;
  if (!Array.isArray(settings)) return NagRuleCompliance.NON_COMPLIANT;
  const throttled = settings.some(
    (s) =>
      isObject(s) &&
      s.HttpMethod === '*' &&
      s.ResourcePath === '/*' &&
      (literalNumber(s.ThrottlingRateLimit) ?? 0) > 0 &&
      (literalNumber(s.ThrottlingBurstLimit) ?? 0) > 0,
  );
  return throttled ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
