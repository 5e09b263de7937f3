import { NagRuleCompliance } from 'cdk-nag';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as logs from 'aws-cdk-lib/aws-logs';
import { ApiGatewayAccessLogging as rule } from '../../../lib/rules/apigateway/ApiGatewayAccessLogging';
import { newStack, pathsViolating } from '../../helpers/pack-harness';
import { stageTemplate, withProps } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

const withSetting = (setting: unknown) => withProps(stageTemplate(), 'Stage', (p) => { p.AccessLogSetting = setting; });

describe('ApiGatewayAccessLogging', () => {
  test('compliant: a log group of the template and a JSON format', () => {
    expect(judge(rule, stageTemplate(), 'Stage')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('compliant: a literal Firehose ARN', () => {
    const t = withSetting({ DestinationArn: 'arn:aws:firehose:us-east-1:111122223333:deliverystream/amazon-apigateway-logs', Format: '$context.requestId' });
    expect(judge(rule, t, 'Stage')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['no access log setting', undefined],
    ['no destination', { Format: '$context.requestId' }],
    ['no format', { DestinationArn: { 'Fn::GetAtt': ['AccessLogs', 'Arn'] } }],
    ['a blank format', { DestinationArn: { 'Fn::GetAtt': ['AccessLogs', 'Arn'] }, Format: '  ' }],
    ['a destination that is not an ARN', { DestinationArn: 'access-logs', Format: '$context.requestId' }],
  ])('non-compliant: %s', (_, setting) => {
    expect(judge(rule, withSetting(setting), 'Stage')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the deployment', () => {
    expect(judge(rule, stageTemplate(), 'Deployment')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a destination from a parameter', { DestinationArn: { Ref: 'LogArn' }, Format: '$context.requestId' }],
    ['a destination from an import', { DestinationArn: { 'Fn::ImportValue': 'log-arn' }, Format: '$context.requestId' }],
    ['a format from a parameter', { DestinationArn: { 'Fn::GetAtt': ['AccessLogs', 'Arn'] }, Format: { Ref: 'Format' } }],
  ])('unresolvable: %s fails closed', (_, setting) => {
    expect(judge(rule, withSetting(setting), 'Stage')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('through the pack: deployOptions.accessLogDestination passes, a bare RestApi fails', () => {
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
    const paths = pathsViolating(stack, 'ApiGatewayAccessLogging');
    expect(paths).toContain(`${silent.deploymentStage.node.path}/Resource`);
    expect(paths).not.toContain(`${logged.deploymentStage.node.path}/Resource`);
  });
});
