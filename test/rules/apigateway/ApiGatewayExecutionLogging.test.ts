import { NagRuleCompliance } from 'cdk-nag';
import { Template } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { StackTemplate } from '../../../lib/pack/template-model';
import { ApiGatewayExecutionLogging as rule } from '../../../lib/rules/apigateway/ApiGatewayExecutionLogging';
import { newStack } from '../../helpers/pack-harness';
import { Props, stageTemplate, withProps } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

/** The stage-wide entry RegistrationPortal renders. */
const stageWide = (extra: Props = {}): Props => ({
  HttpMethod: '*', ResourcePath: '/*', LoggingLevel: 'ERROR', DataTraceEnabled: false, MetricsEnabled: true,
  ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200, ...extra,
});
const perMethod = (extra: Props = {}): Props => ({ HttpMethod: 'POST', ResourcePath: '/~1api~1registrations', ...extra });
const withSettings = (settings: unknown, stage: Props = {}) => withProps(stageTemplate(), 'Stage', (p) => { p.MethodSettings = settings; Object.assign(p, stage); });
const withDeployment = (props: Props) => withProps(stageTemplate(), 'Deployment', (p) => { Object.assign(p, props); });

describe('ApiGatewayExecutionLogging', () => {
  test.each([
    ['ERROR logging without data trace (RegistrationPortal)', withSettings([stageWide()]), 'Stage'],
    ['INFO logging, data trace unset', withSettings([stageWide({ LoggingLevel: 'INFO', DataTraceEnabled: undefined })]), 'Stage'],
    ['an encrypted cache on one method', withSettings([stageWide(), perMethod({ CachingEnabled: true, CacheDataEncrypted: true })]), 'Stage'],
    ['a cache cluster with an encrypted stage-wide cache', withSettings([stageWide({ CachingEnabled: true, CacheDataEncrypted: true })], { CacheClusterEnabled: true }), 'Stage'],
    ['a cache cluster with caching off stage-wide', withSettings([stageWide({ CachingEnabled: false })], { CacheClusterEnabled: true }), 'Stage'],
    ['a per-method entry that turns its logging off', withSettings([stageWide(), perMethod({ LoggingLevel: 'OFF' })]), 'Stage'],
    ['a deployment stage with ERROR logging in StageDescription', withDeployment({ StageName: 'prod', StageDescription: { LoggingLevel: 'ERROR', DataTraceEnabled: false } }), 'Deployment'],
    ['a deployment stage with a */ /* entry in StageDescription', withDeployment({ StageDescription: { MethodSettings: [stageWide()] } }), 'Deployment'],
  ])('compliant: %s', (_, t, id) => {
    expect(judge(rule, t, id)).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['data trace on (red team)', withSettings([stageWide({ DataTraceEnabled: true })])],
    ['data trace on one method', withSettings([stageWide(), perMethod({ DataTraceEnabled: 'true' })])],
    ['logging OFF stage-wide', withSettings([stageWide({ LoggingLevel: 'OFF' })])],
    ['no stage-wide logging level', withSettings([stageWide({ LoggingLevel: undefined })])],
    ['only per-method logging', withSettings([perMethod({ LoggingLevel: 'ERROR' })])],
    ['no method settings', withSettings(undefined)],
    ['an unencrypted stage-wide cache (red team)', withSettings([stageWide({ CachingEnabled: true, CacheDataEncrypted: false })], { CacheClusterEnabled: true })],
    ['an unencrypted cache on one method', withSettings([stageWide(), perMethod({ CachingEnabled: true })])],
    ['a cache cluster and no word on stage-wide caching', withSettings([stageWide()], { CacheClusterEnabled: true })],
  ])('non-compliant stage: %s', (_, t) => {
    expect(judge(rule, t, 'Stage')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each([
    ['a deployment stage with default settings (logging off)', withDeployment({ StageName: 'prod' })],
    ['data trace in StageDescription', withDeployment({ StageDescription: { LoggingLevel: 'INFO', DataTraceEnabled: true } })],
    ['an unencrypted cache in StageDescription', withDeployment({ StageDescription: { LoggingLevel: 'ERROR', CacheClusterEnabled: true, CachingEnabled: true } })],
  ])('non-compliant deployment: %s', (_, t) => {
    expect(judge(rule, t, 'Deployment')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each([
    ['the REST API', stageTemplate(), 'Api'],
    ['a deployment that creates no stage (CDK)', stageTemplate(), 'Deployment'],
  ])('not applicable: %s', (_, t, id) => {
    expect(judge(rule, t, id)).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['settings from a condition', withSettings({ 'Fn::If': ['Debug', [], []] })],
    ['an entry from a condition', withSettings([{ 'Fn::If': ['Debug', stageWide({ DataTraceEnabled: true }), stageWide()] }])],
    ['data trace from a parameter', withSettings([stageWide({ DataTraceEnabled: { Ref: 'Trace' } })])],
    ['a logging level from a parameter', withSettings([stageWide({ LoggingLevel: { Ref: 'Level' } })])],
    ['caching from a parameter without encryption', withSettings([stageWide(), perMethod({ CachingEnabled: { Ref: 'Cache' } })])],
    ['a cache cluster from a parameter', withSettings([stageWide()], { CacheClusterEnabled: { Ref: 'Cluster' } })],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'Stage')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('through CDK: deployOptions ERROR without data trace passes; dataTraceEnabled fails; the CDK default (logging off) fails', () => {
    const { stack } = newStack();
    const api = (id: string, deployOptions: apigateway.StageOptions) => new apigateway.RestApi(stack, id, { deployOptions, cloudWatchRole: false }).root.addMethod('GET');
    api('Quiet', { loggingLevel: apigateway.MethodLoggingLevel.ERROR, dataTraceEnabled: false });
    api('Traced', { loggingLevel: apigateway.MethodLoggingLevel.INFO, dataTraceEnabled: true });
    api('Silent', {});
    const template = StackTemplate.fromResources(Template.fromStack(stack).toJSON().Resources as Record<string, unknown>);
    const verdicts = template.ofType('AWS::ApiGateway::Stage').map((r) => [r.logicalId.replace(/DeploymentStageprod.*$/, ''), rule.check(r, template)]);
    expect(Object.fromEntries(verdicts)).toEqual({
      Quiet: NagRuleCompliance.COMPLIANT,
      Traced: NagRuleCompliance.NON_COMPLIANT,
      Silent: NagRuleCompliance.NON_COMPLIANT,
    });
  });
});
