import { NagRuleCompliance } from 'cdk-nag';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { ApiGatewayThrottling as rule } from '../../../lib/rules/apigateway/ApiGatewayThrottling';
import { newStack, pathsViolating } from '../../helpers/pack-harness';
import { stageTemplate, withProps } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

const withSettings = (settings: unknown) => withProps(stageTemplate(), 'Stage', (p) => { p.MethodSettings = settings; });
const stageWide = (rate: unknown, burst: unknown) => ({ HttpMethod: '*', ResourcePath: '/*', ThrottlingRateLimit: rate, ThrottlingBurstLimit: burst });

describe('ApiGatewayThrottling', () => {
  test('compliant: */ /* with 100 rps and a burst of 200', () => {
    expect(judge(rule, stageTemplate(), 'Stage')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('compliant: a stage-wide entry among per-method ones', () => {
    const t = withSettings([{ HttpMethod: 'POST', ResourcePath: '/~1register', ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 }, stageWide(50, 100)]);
    expect(judge(rule, t, 'Stage')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['no method settings', undefined],
    ['only a per-method entry', [{ HttpMethod: 'POST', ResourcePath: '/~1register', ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 }]],
    ['a rate of 0', [stageWide(0, 100)]],
    ['no burst limit', [stageWide(100, undefined)]],
    ['a stage-wide entry with logging only', [{ HttpMethod: '*', ResourcePath: '/*', LoggingLevel: 'ERROR' }]],
  ])('non-compliant: %s', (_, settings) => {
    expect(judge(rule, withSettings(settings), 'Stage')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the REST API', () => {
    expect(judge(rule, stageTemplate(), 'Api')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a rate from a parameter', [stageWide({ Ref: 'Rate' }, 100)]],
    ['settings from a condition', { 'Fn::If': ['Throttle', [], []] }],
  ])('unresolvable: %s fails closed', (_, settings) => {
    expect(judge(rule, withSettings(settings), 'Stage')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('through the pack: deployOptions throttling passes, the CDK default fails', () => {
    const { stack } = newStack();
    const throttled = new apigateway.RestApi(stack, 'Throttled', { deployOptions: { throttlingRateLimit: 100, throttlingBurstLimit: 200 } });
    throttled.root.addMethod('GET');
    const open = new apigateway.RestApi(stack, 'Open');
    open.root.addMethod('GET');
    const paths = pathsViolating(stack, 'ApiGatewayThrottling');
    expect(paths).toContain(`${open.deploymentStage.node.path}/Resource`);
    expect(paths).not.toContain(`${throttled.deploymentStage.node.path}/Resource`);
  });
});
