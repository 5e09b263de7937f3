import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { at } from '../../baseline/intrinsics';
import { renderSymbolic } from '../../baseline/symbolic-text';
import { StackTemplate, TemplateResource } from '../../pack/template-model';

/** Every request to a REST API stage is logged, with what an investigation needs. */
export const ApiGatewayAccessLogging: ElectionRule = {
  name: 'ApiGatewayAccessLogging',
  level: NagMessageLevel.ERROR,
  info:
    'The API Gateway stage\'s access logging is missing or incomplete (AccessLogSetting with a destination and a format carrying ' +
    'source IP, time, method, path, status and request id).',
  explanation:
    'Without an access log, a probe or a harvest of the API (CISA AA20-304A) leaves no trace of who asked for ' +
    'what. Passes: a destination and a literal Format with source IP, time, method, path, status and request id.',
  rationale:
    'An injection probe (Illinois, 2016) or a record-by-record harvest shows in it as which records were ' +
    'requested, from where and by whom. The destination is AccessLogSetting.DestinationArn (a log group or ' +
    'Firehose of the template, or a literal ARN), and the Format must hold $context.identity.sourceIp, ' +
    '$context.requestTime (or requestTimeEpoch), $context.httpMethod, $context.resourcePath (or ' +
    '$context.path), $context.status and $context.requestId (or extendedRequestId), the fields that answer ' +
    "who, when, what and with what result and tie a line to the execution logs and traces. CDK's " +
    'AccessLogFormat.clf() and jsonWithStandardFields() carry them. A destination given by a parameter or an ' +
    'import cannot be checked and fails.',
  controls: ['NIST-800-53-r5:AU-2', 'NIST-800-53-r5:AU-3', 'NIST-800-53-r5:AU-12', 'CISA-CPG:2.T', 'CIS-v8:8.2', 'CIS-v8:8.5'],
  resourceTypes: ['AWS::ApiGateway::Stage'],
  waivable: true,
  faultPath: () => 'Properties.AccessLogSetting',
  check: (resource, template) => (accessLogGaps(resource, template).length > 0 ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT),
  granular: { findings: accessLogGaps, describe: describeGap },
};

/** One pattern per field an investigation needs, by the name its finding carries; `$context.path` must not match `$context.pathParameters`. */
const REQUIRED_FIELDS: Readonly<Record<string, RegExp>> = {
  sourceIp: /\$context\.identity\.sourceIp(?![\w])/,
  requestTime: /\$context\.requestTime(Epoch)?(?![\w])/,
  httpMethod: /\$context\.httpMethod(?![\w])/,
  resourcePath: /\$context\.(resourcePath|path)(?![\w])/,
  status: /\$context\.status(?![\w])/,
  requestId: /\$context\.(requestId|extendedRequestId)(?![\w])/,
};

const RULE_ID = 'ElectionBaseline-ApiGatewayAccessLogging';
const NO_DESTINATION = 'Destination::none';
const NO_FORMAT = 'Format::none';
const FIELD_FINDING = 'Field::';

/**
 * What the stage's access logging lacks: `Destination::none` (no destination,
 * or one the template does not resolve), `Format::none` (no literal format),
 * or `Field::<name>` for each required field the format leaves out, so a
 * format short of one field is not reported as no logging at all.
 */
function accessLogGaps(resource: TemplateResource, template: StackTemplate): string[] {
  const setting = at(resource.properties, 'AccessLogSetting');
  const destination = renderSymbolic(at(setting, 'DestinationArn'), template);
  const format = at(setting, 'Format');
  const gaps: string[] = [];
  if (destination === undefined || !(destination.startsWith('arn:') || destination.startsWith('{'))) gaps.push(NO_DESTINATION);
  if (typeof format !== 'string') return [...gaps, NO_FORMAT];
  const missing = Object.entries(REQUIRED_FIELDS).filter(([, pattern]) => !pattern.test(format));
  return [...gaps, ...missing.map(([name]) => `${FIELD_FINDING}${name}`)];
}

function describeGap(finding: string): string {
  if (finding === NO_DESTINATION) {
    return 'The API Gateway stage has no access log destination the template resolves (AccessLogSetting.DestinationArn: ' +
      'a log group or Firehose of the template, or a literal ARN): its requests are not logged where they can be checked.';
  }
  if (finding === NO_FORMAT) {
    return 'The API Gateway stage has no literal access log Format: set one carrying source IP, time, method, path, status ' +
      'and request id (AccessLogFormat.jsonWithStandardFields()).';
  }
  const field = finding.slice(FIELD_FINDING.length);
  return `The API Gateway stage's access log Format lacks ${FIELD_SPELLINGS[field] ?? field}: add it, or acknowledge ` +
    `${RULE_ID}[${finding}] saying where the field is recorded.`;
}

/** How each required field may be written, for the finding's message. */
const FIELD_SPELLINGS: Readonly<Record<string, string>> = {
  sourceIp: '$context.identity.sourceIp',
  requestTime: '$context.requestTime (or requestTimeEpoch)',
  httpMethod: '$context.httpMethod',
  resourcePath: '$context.resourcePath (or $context.path)',
  status: '$context.status',
  requestId: '$context.requestId (or extendedRequestId)',
};
