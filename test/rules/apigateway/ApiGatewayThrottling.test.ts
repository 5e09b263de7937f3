import { NagRuleCompliance } from 'cdk-nag';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { MAX_THROTTLING_BURST_LIMIT, MAX_THROTTLING_RATE_LIMIT } from '../../../lib/baseline/api-throttling';
import { ApiGatewayThrottling as rule } from '../../../lib/rules/apigateway/ApiGatewayThrottling';
import { newStack, pathsViolating } from '../../helpers/pack-harness';
import { stageTemplate, withProps } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

const withSettings = (settings: unknown) => withProps(stageTemplate(), 'Stage', (p) => { p.MethodSettings = settings; });
const stageWide = (rate: unknown, burst: unknown) => ({ HttpMethod: '*', ResourcePath: '/*', ThrottlingRateLimit: rate, ThrottlingBurstLimit: burst });
const register = (rate: unknown, burst: unknown) => ({ HttpMethod: 'POST', ResourcePath: '/~1api~1registrations', ThrottlingRateLimit: rate, ThrottlingBurstLimit: burst });

describe('ApiGatewayThrottling', () => {
  test('compliant: */ /* with 100 rps and a burst of 200', () => {
    expect(judge(rule, stageTemplate(), 'Stage')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('compliant: a stage-wide entry among per-method ones', () => {
    const t = withSettings([{ HttpMethod: 'POST', ResourcePath: '/~1register', ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 }, stageWide(50, 100)]);
    expect(judge(rule, t, 'Stage')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['the ceiling exactly', [stageWide(MAX_THROTTLING_RATE_LIMIT, MAX_THROTTLING_BURST_LIMIT)]],
    ['a method closed with 0', [stageWide(100, 200), register(0, 0)]],
    ['a per-method entry without limits (the stage limit applies)', [stageWide(100, 200), { HttpMethod: 'GET', ResourcePath: '/~1status', LoggingLevel: 'ERROR' }]],
  ])('compliant: %s', (_, settings) => {
    expect(judge(rule, withSettings(settings), 'Stage')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['no method settings', undefined],
    ['the account limit stage-wide, 10000/5000 (red team)', [stageWide(10000, 5000)]],
    ['a rate above the ceiling', [stageWide(MAX_THROTTLING_RATE_LIMIT + 1, MAX_THROTTLING_BURST_LIMIT)]],
    ['a burst above the ceiling', [stageWide(100, MAX_THROTTLING_BURST_LIMIT + 1)]],
    ['a per-method override of 10000/5000 (red team)', [stageWide(100, 200), register(10000, 5000)]],
    ['a per-method burst above the ceiling', [stageWide(100, 200), register(100, 2500)]],
    ['a per-method -1 (unthrottled)', [stageWide(100, 200), register(-1, -1)]],
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
    ['a per-method rate from a parameter', [stageWide(100, 200), register({ Ref: 'Rate' }, 100)]],
    ['a per-method entry from a condition', [stageWide(100, 200), { 'Fn::If': ['Fast', register(10000, 5000), { Ref: 'AWS::NoValue' }] }]],
    ['settings from a condition', { 'Fn::If': ['Throttle', [], []] }],
  ])('unresolvable: %s fails closed', (_, settings) => {
    expect(judge(rule, withSettings(settings), 'Stage')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('through the pack: deployOptions throttling passes, the CDK default and an account-level limit fail', () => {
    const { stack } = newStack();
    const throttled = new apigateway.RestApi(stack, 'Throttled', { deployOptions: { throttlingRateLimit: 100, throttlingBurstLimit: 200 } });
    throttled.root.addMethod('GET');
    const open = new apigateway.RestApi(stack, 'Open');
    open.root.addMethod('GET');
    const unlimited = new apigateway.RestApi(stack, 'Unlimited', { deployOptions: { throttlingRateLimit: 10000, throttlingBurstLimit: 5000 } });
    unlimited.root.addMethod('GET');
    const paths = pathsViolating(stack, 'ApiGatewayThrottling');
    expect(paths).toContain(`${open.deploymentStage.node.path}/Resource`);
    expect(paths).toContain(`${unlimited.deploymentStage.node.path}/Resource`);
    expect(paths).not.toContain(`${throttled.deploymentStage.node.path}/Resource`);
  });
});
