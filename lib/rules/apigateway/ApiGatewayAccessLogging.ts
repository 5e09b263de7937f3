import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { at } from '../../pack/intrinsics';
import { renderSymbolic } from '../../pack/references';
import { StackTemplate, TemplateResource } from '../../pack/template-model';

/** Every request to a REST API stage is logged, with what an investigation needs. */
export const ApiGatewayAccessLogging: ElectionRule = {
  name: 'ApiGatewayAccessLogging',
  level: NagMessageLevel.ERROR,
  info:
    'The API Gateway stage has no access logging (AccessLogSetting with a destination and a format carrying source IP, time, ' +
    'method, path, status and request id).',
  explanation:
    'When a registration API is probed for injection (Illinois, 2016) or harvested record by record (CISA ' +
    'AA20-304A), the access log is what tells the office which records were requested, from where and by whom. ' +
    'The stage needs AccessLogSetting.DestinationArn (a log group or Firehose of the template, or a literal ARN) ' +
    'and a literal Format holding $context.identity.sourceIp, $context.requestTime (or requestTimeEpoch), ' +
    '$context.httpMethod, $context.resourcePath (or $context.path), $context.status and $context.requestId (or ' +
    'extendedRequestId), the fields that answer who, when, what and with what result and tie a line to the ' +
    'execution logs and traces. CDK\'s AccessLogFormat.clf() and jsonWithStandardFields() carry them. A ' +
    'destination given by a parameter or an import cannot be checked and fails.',
  controls: ['NIST-800-53-r5:AU-2', 'NIST-800-53-r5:AU-3', 'NIST-800-53-r5:AU-12', 'CISA-CPG:2.T', 'CIS-v8:8.2', 'CIS-v8:8.5'],
  resourceTypes: ['AWS::ApiGateway::Stage'],
  waivable: true,
  check: apiGatewayAccessLogging,
};

/** One pattern per field an investigation needs; `$context.path` must not match `$context.pathParameters`. */
const REQUIRED_FIELDS = [
  /\$context\.identity\.sourceIp(?![\w])/,
  /\$context\.requestTime(Epoch)?(?![\w])/,
  /\$context\.httpMethod(?![\w])/,
  /\$context\.(resourcePath|path)(?![\w])/,
  /\$context\.status(?![\w])/,
  /\$context\.(requestId|extendedRequestId)(?![\w])/,
];

function apiGatewayAccessLogging(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const setting = at(resource.properties, 'AccessLogSetting');
  const destination = renderSymbolic(at(setting, 'DestinationArn'), template);
  const format = at(setting, 'Format');
  const ok = destination !== undefined && (destination.startsWith('arn:') || destination.startsWith('{'));
  return ok && typeof format === 'string' && REQUIRED_FIELDS.every((field) => field.test(format))
    ? NagRuleCompliance.COMPLIANT
    : NagRuleCompliance.NON_COMPLIANT;
}
