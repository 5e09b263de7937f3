import { NagRuleCompliance } from 'cdk-nag';
import { ApiGatewayStageNoPlaintextSecrets as rule } from '../../../lib/rules/apigateway/ApiGatewayStageNoPlaintextSecrets';
import { judge } from '../../helpers/template-fixtures';

const stage = (variables?: unknown) => ({
  Api: { Type: 'AWS::ApiGateway::RestApi', Properties: {} },
  Fn: { Type: 'AWS::Lambda::Function', Properties: {} },
  Stage: { Type: 'AWS::ApiGateway::Stage', Properties: { RestApiId: { Ref: 'Api' }, StageName: 'v1', ...(variables === undefined ? {} : { Variables: variables }) } },
});
const deployment = (stageDescription?: unknown) => ({
  Deployment: { Type: 'AWS::ApiGateway::Deployment', Properties: { RestApiId: 'x', ...(stageDescription === undefined ? {} : { StageDescription: stageDescription }) } },
});

describe('ApiGatewayStageNoPlaintextSecrets', () => {
  test.each([
    ['no variables (our stage)', stage()],
    ['a function alias and a reference', stage({ alias: 'live', handler: { Ref: 'Fn' } })],
    ['a secret name', stage({ dbPasswordSecretName: 'prod/db' })],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Stage')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['dbPassword hunter2 (red team)', stage({ dbPassword: 'hunter2' })],
    ['an API key', stage({ vendorApiKey: 'k' })],
    ['an access key id', stage({ vendor: 'AKIAIOSFODNN7EXAMPLE' })],
    ['a secretsmanager dynamic reference', stage({ db: '{{resolve:secretsmanager:prod/db}}' })],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Stage')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('a deployment judges the stage it creates', () => {
    expect(judge(rule, deployment(), 'Deployment')).toBe(NagRuleCompliance.NOT_APPLICABLE);
    expect(judge(rule, deployment({ Variables: { alias: 'live' } }), 'Deployment')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, deployment({ Variables: { dbPassword: 'hunter2' } }), 'Deployment')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, deployment({ Ref: 'StageDescription' }), 'Deployment')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the API itself', () => {
    expect(judge(rule, stage(), 'Api')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['variables from a parameter', stage({ Ref: 'Vars' })],
    ['a secret-named variable from a parameter', stage({ dbPassword: { Ref: 'DbPassword' } })],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'Stage')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
