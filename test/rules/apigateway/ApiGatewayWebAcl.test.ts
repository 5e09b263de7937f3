import { NagRuleCompliance } from 'cdk-nag';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { ApiGatewayWebAcl as rule } from '../../../lib/rules/apigateway/ApiGatewayWebAcl';
import { newStack, pathsViolating } from '../../helpers/pack-harness';
import { stageTemplate, withProps, without } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

const arnOf = (api: unknown, stage: unknown) => ({
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':apigateway:', { Ref: 'AWS::Region' }, '::/restapis/', api, '/stages/', stage]],
});
const withAssociation = (edit: (p: Record<string, unknown>) => void) => withProps(stageTemplate(), 'Association', edit);

describe('ApiGatewayWebAcl', () => {
  test('compliant: an association whose ARN holds Ref Api and Ref Stage (as CDK writes stageArn)', () => {
    expect(judge(rule, stageTemplate(), 'Stage')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('compliant: the literal stage name with the API reference, spelled with Fn::Sub', () => {
    const t = withAssociation((p) => {
      p.ResourceArn = { 'Fn::Sub': 'arn:${AWS::Partition}:apigateway:${AWS::Region}::/restapis/${Api}/stages/prod' };
    });
    expect(judge(rule, t, 'Stage')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['no association', without(stageTemplate(), 'Association')],
    ['an association with another stage', withAssociation((p) => { p.ResourceArn = arnOf({ Ref: 'Api' }, 'test'); })],
    ['an association with another API', withAssociation((p) => { p.ResourceArn = arnOf('a1b2c3', { Ref: 'Stage' }); })],
    ['an association with a load balancer', withAssociation((p) => { p.ResourceArn = 'arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/x/1'; })],
    ['an association naming no web ACL', withAssociation((p) => { p.WebACLArn = { Ref: 'RegionalAcl' }; })],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Stage')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the REST API itself', () => {
    expect(judge(rule, stageTemplate(), 'Api')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a resource ARN from a parameter', withAssociation((p) => { p.ResourceArn = { Ref: 'StageArn' }; })],
    ['a web ACL ARN from an import', withAssociation((p) => { p.WebACLArn = { 'Fn::ImportValue': 'acl-arn' }; })],
    ['a RestApiId from an import', withProps(stageTemplate(), 'Stage', (p) => { p.RestApiId = { 'Fn::ImportValue': 'api-id' }; })],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'Stage')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('through the pack: a CfnWebACLAssociation on deploymentStage.stageArn passes; an unguarded API fails', () => {
    const { stack } = newStack();
    const guarded = new apigateway.RestApi(stack, 'Guarded');
    guarded.root.addMethod('GET');
    const open = new apigateway.RestApi(stack, 'Open');
    open.root.addMethod('GET');
    const acl = new wafv2.CfnWebACL(stack, 'Acl', {
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: { cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: 'acl' },
    });
    new wafv2.CfnWebACLAssociation(stack, 'Assoc', { resourceArn: guarded.deploymentStage.stageArn, webAclArn: acl.attrArn });
    const paths = pathsViolating(stack, 'ApiGatewayWebAcl');
    expect(paths).toContain(`${open.deploymentStage.node.path}/Resource`);
    expect(paths).not.toContain(`${guarded.deploymentStage.node.path}/Resource`);
  });
});
