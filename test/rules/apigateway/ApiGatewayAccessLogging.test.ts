import { NagRuleCompliance } from 'cdk-nag';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as logs from 'aws-cdk-lib/aws-logs';
import { ApiGatewayAccessLogging as rule } from '../../../lib/rules/apigateway/ApiGatewayAccessLogging';
import { newStack, packViolations } from '../../helpers/pack-harness';
import { stageTemplate, withProps } from '../../helpers/edge-fixtures';
import { Body, judge } from '../../helpers/template-fixtures';
import { StackTemplate } from '../../../lib/pack/template-model';

/** The fields RegistrationPortal's stage logs (AccessLogFormat.jsonWithStandardFields). */
const FULL_FORMAT = JSON.stringify({
  requestId: '$context.requestId', ip: '$context.identity.sourceIp', user: '$context.identity.user', caller: '$context.identity.caller',
  requestTime: '$context.requestTime', httpMethod: '$context.httpMethod', resourcePath: '$context.resourcePath', status: '$context.status',
  protocol: '$context.protocol', responseLength: '$context.responseLength',
});
const CLF = '$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime] ' +
  '"$context.httpMethod $context.resourcePath $context.protocol" $context.status $context.responseLength $context.requestId';
const logGroup = { 'Fn::GetAtt': ['AccessLogs', 'Arn'] };
const withSetting = (setting: unknown) => withProps(stageTemplate(), 'Stage', (p) => { p.AccessLogSetting = setting; });
const withFormat = (format: unknown) => withSetting({ DestinationArn: logGroup, Format: format });

describe('ApiGatewayAccessLogging', () => {
  test('compliant: a log group of the template and the JSON format RegistrationPortal renders', () => {
    expect(judge(rule, withFormat(FULL_FORMAT), 'Stage')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('compliant: a literal Firehose ARN with the CLF format', () => {
    const t = withSetting({ DestinationArn: 'arn:aws:firehose:us-east-1:111122223333:deliverystream/amazon-apigateway-logs', Format: CLF });
    expect(judge(rule, t, 'Stage')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('compliant: epoch time, $context.path and the extended request id', () => {
    const format = '$context.extendedRequestId $context.identity.sourceIp $context.requestTimeEpoch $context.httpMethod $context.path $context.status';
    expect(judge(rule, withFormat(format), 'Stage')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['the request id only (red team)', '$context.requestId'],
    ['no source IP', FULL_FORMAT.replace('$context.identity.sourceIp', '$context.identity.caller')],
    ['no time', FULL_FORMAT.replace('$context.requestTime', '$context.protocol')],
    ['no method', FULL_FORMAT.replace('$context.httpMethod', '$context.protocol')],
    ['no path', FULL_FORMAT.replace('$context.resourcePath', '$context.protocol')],
    ['path parameters are not the path', FULL_FORMAT.replace('$context.resourcePath', '$context.pathParameters')],
    ['no status', FULL_FORMAT.replace('$context.status', '$context.protocol')],
    ['the integration status is not the status', FULL_FORMAT.replace('$context.status', '$context.integration.status')],
    ['no request id', FULL_FORMAT.replace('$context.requestId', '$context.protocol')],
  ])('non-compliant format: %s', (_, format) => {
    expect(judge(rule, withFormat(format), 'Stage')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each([
    ['no access log setting', undefined],
    ['no destination', { Format: CLF }],
    ['no format', { DestinationArn: logGroup }],
    ['a blank format', { DestinationArn: logGroup, Format: '  ' }],
    ['a destination that is not an ARN', { DestinationArn: 'access-logs', Format: CLF }],
  ])('non-compliant: %s', (_, setting) => {
    expect(judge(rule, withSetting(setting), 'Stage')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the deployment', () => {
    expect(judge(rule, stageTemplate(), 'Deployment')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a destination from a parameter', { DestinationArn: { Ref: 'LogArn' }, Format: CLF }],
    ['a destination from an import', { DestinationArn: { 'Fn::ImportValue': 'log-arn' }, Format: CLF }],
    ['a format from a parameter', { DestinationArn: logGroup, Format: { Ref: 'Format' } }],
    ['a format built with Fn::Sub', { DestinationArn: logGroup, Format: { 'Fn::Sub': CLF } }],
  ])('unresolvable: %s fails closed', (_, setting) => {
    expect(judge(rule, withSetting(setting), 'Stage')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('through the pack: deployOptions.accessLogDestination with the standard fields passes, a bare RestApi and a request-id-only format fail', () => {
    const { stack } = newStack();
    const logged = new apigateway.RestApi(stack, 'Logged', {
      deployOptions: {
        accessLogDestination: new apigateway.LogGroupLogDestination(new logs.LogGroup(stack, 'Logs')),
        accessLogFormat: apigateway.AccessLogFormat.jsonWithStandardFields(),
      },
    });
    logged.root.addMethod('GET');
    const silent = new apigateway.RestApi(stack, 'Silent');
    silent.root.addMethod('GET');
    const terse = new apigateway.RestApi(stack, 'Terse', {
      deployOptions: {
        accessLogDestination: new apigateway.LogGroupLogDestination(new logs.LogGroup(stack, 'TerseLogs')),
        accessLogFormat: apigateway.AccessLogFormat.custom(apigateway.AccessLogField.contextRequestId()),
      },
    });
    terse.root.addMethod('GET');
    const found = packViolations(stack).filter((v) => v.ruleId.startsWith('ElectionBaseline-ApiGatewayAccessLogging['));
    const at = (path: string) => found.filter((v) => v.path === `${path}/Resource`).map((v) => v.ruleId.replace(/^.*\[|\]$/g, '')).sort();
    expect(at(silent.deploymentStage.node.path)).toEqual(['Destination::none', 'Format::none']);
    expect(at(terse.deploymentStage.node.path)).toEqual(['Field::httpMethod', 'Field::requestTime', 'Field::resourcePath', 'Field::sourceIp', 'Field::status']);
    expect(at(logged.deploymentStage.node.path)).toEqual([]);
  });
});

/** The granular findings of `Stage`: what its access logging lacks. */
function gaps(resources: Record<string, Body>): string[] {
  const template = StackTemplate.fromResources(resources);
  return rule.granular!.findings(template.get('Stage')!, template);
}

describe('ApiGatewayAccessLogging: each gap is its own finding', () => {
  test('a format short of one field is reported as that field, not as no logging', () => {
    expect(gaps(withFormat(FULL_FORMAT.replace('$context.identity.sourceIp', '$context.identity.caller')))).toEqual(['Field::sourceIp']);
    expect(rule.granular!.describe('Field::sourceIp')).toBe(
      "The API Gateway stage's access log Format lacks $context.identity.sourceIp: add it, or acknowledge " +
        'ElectionBaseline-ApiGatewayAccessLogging[Field::sourceIp] saying where the field is recorded.',
    );
  });

  test('a request-id-only format lacks the other five fields, and names the alternatives', () => {
    expect(gaps(withFormat('$context.requestId'))).toEqual([
      'Field::sourceIp', 'Field::requestTime', 'Field::httpMethod', 'Field::resourcePath', 'Field::status',
    ]);
    expect(rule.granular!.describe('Field::resourcePath')).toMatch(/\$context\.resourcePath \(or \$context\.path\)/);
  });

  test('no setting is no destination and no format; a parameter destination is no destination', () => {
    expect(gaps(withSetting(undefined))).toEqual(['Destination::none', 'Format::none']);
    expect(gaps(withSetting({ DestinationArn: { Ref: 'LogArn' }, Format: CLF }))).toEqual(['Destination::none']);
    expect(rule.granular!.describe('Destination::none')).toMatch(/no access log destination/);
    expect(rule.granular!.describe('Format::none')).toMatch(/no literal access log Format/);
  });

  test('compliant settings have no findings', () => {
    expect(gaps(withFormat(FULL_FORMAT))).toEqual([]);
    expect(gaps(withFormat(CLF))).toEqual([]);
  });
});
