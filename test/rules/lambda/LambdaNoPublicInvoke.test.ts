import { NagRuleCompliance } from 'cdk-nag';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { LambdaNoPublicInvoke as rule } from '../../../lib/rules/lambda/LambdaNoPublicInvoke';
import { newStack, pathsViolating } from '../../helpers/pack-harness';
import { judge } from '../../helpers/template-fixtures';

const API_SOURCE = {
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':execute-api:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':', { Ref: 'Api' }, '/*/*/*']],
};

function permission(props: Record<string, unknown>) {
  return {
    Fn: { Type: 'AWS::Lambda::Function', Properties: {} },
    Api: { Type: 'AWS::ApiGateway::RestApi', Properties: {} },
    Permission: { Type: 'AWS::Lambda::Permission', Properties: { Action: 'lambda:InvokeFunction', FunctionName: { 'Fn::GetAtt': ['Fn', 'Arn'] }, ...props } },
  };
}

describe('LambdaNoPublicInvoke', () => {
  test.each([
    ['API Gateway limited by SourceArn (as CDK writes it)', { Principal: 'apigateway.amazonaws.com', SourceArn: API_SOURCE }],
    ['a service principal spelled with AWS::URLSuffix', { Principal: { 'Fn::Join': ['', ['apigateway.', { Ref: 'AWS::URLSuffix' }]] }, SourceArn: API_SOURCE }],
    ['another account', { Principal: '111122223333' }],
    ['a role of the template', { Principal: { 'Fn::GetAtt': ['Fn', 'Arn'] } }],
    ['everyone, limited to one account', { Principal: '*', SourceAccount: '111122223333' }],
    ['everyone, limited to an organization', { Principal: '*', PrincipalOrgID: 'o-a1b2c3d4e5' }],
    ['a function URL with IAM auth', { Principal: '111122223333', Action: 'lambda:InvokeFunctionUrl', FunctionUrlAuthType: 'AWS_IAM' }],
  ])('compliant: %s', (_, props) => {
    expect(judge(rule, permission(props), 'Permission')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['everyone, unconditioned', { Principal: '*' }],
    ['a public function URL', { Principal: '*', Action: 'lambda:InvokeFunctionUrl', FunctionUrlAuthType: 'NONE' }],
    ['a public function URL even with a SourceAccount', { Principal: '*', FunctionUrlAuthType: 'NONE', SourceAccount: '111122223333' }],
    ['a service principal without SourceArn (confused deputy)', { Principal: 'apigateway.amazonaws.com' }],
    ['S3 with only SourceAccount', { Principal: 's3.amazonaws.com', SourceAccount: '111122223333' }],
    ['a SourceArn of *', { Principal: 'events.amazonaws.com', SourceArn: '*' }],
    ['a SourceArn with a wildcard account', { Principal: 'sns.amazonaws.com', SourceArn: 'arn:aws:sns:us-east-1:*:alerts' }],
    ['a wildcard account after a partition by pseudo parameter', {
      Principal: 'sns.amazonaws.com', SourceArn: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':sns:us-east-1:*:alerts']] },
    }],
  ])('non-compliant: %s', (_, props) => {
    expect(judge(rule, permission(props), 'Permission')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the function', () => {
    expect(judge(rule, permission({ Principal: '*' }), 'Fn')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a principal from a parameter', { Principal: { Ref: 'Invoker' } }],
    ['a SourceArn from a parameter', { Principal: 'apigateway.amazonaws.com', SourceArn: { Ref: 'SourceArnParam' } }],
    ['a SourceAccount from an import', { Principal: '*', SourceAccount: { 'Fn::ImportValue': 'account' } }],
  ])('unresolvable: %s fails closed', (_, props) => {
    expect(judge(rule, permission(props), 'Permission')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('through the pack: a LambdaIntegration passes; addPermission to AnyPrincipal fails', () => {
    const { stack } = newStack();
    const fn = new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler=async()=>1') });
    const api = new apigateway.RestApi(stack, 'Api');
    api.root.addMethod('GET', new apigateway.LambdaIntegration(fn));
    fn.addPermission('Anyone', { principal: new iam.AnyPrincipal() });
    const violating = pathsViolating(stack, 'LambdaNoPublicInvoke');
    expect(violating).toEqual([`${fn.node.path}/Anyone`]);
  });
});
