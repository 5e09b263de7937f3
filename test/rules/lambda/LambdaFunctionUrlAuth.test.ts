import { NagRuleCompliance } from 'cdk-nag';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { LambdaFunctionUrlAuth as rule } from '../../../lib/rules/lambda/LambdaFunctionUrlAuth';
import { newStack, pathsViolating } from '../../helpers/pack-harness';
import { judge } from '../../helpers/template-fixtures';

const url = (authType: unknown) => ({
  Fn: { Type: 'AWS::Lambda::Function', Properties: {} },
  Url: { Type: 'AWS::Lambda::Url', Properties: { TargetFunctionArn: { 'Fn::GetAtt': ['Fn', 'Arn'] }, AuthType: authType } },
});

describe('LambdaFunctionUrlAuth', () => {
  test('compliant: AWS_IAM', () => {
    expect(judge(rule, url('AWS_IAM'), 'Url')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([['NONE', 'NONE'], ['absent', undefined]])('non-compliant: AuthType %s', (_, authType) => {
    expect(judge(rule, url(authType), 'Url')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the function', () => {
    expect(judge(rule, url('NONE'), 'Fn')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: AuthType from a parameter fails closed', () => {
    expect(judge(rule, url({ Ref: 'AuthType' }), 'Url')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('through the pack: an AWS_IAM URL passes, a NONE URL fails', () => {
    const { stack } = newStack();
    const fn = new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler=async()=>1') });
    const signed = fn.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.AWS_IAM });
    const open = new lambda.FunctionUrl(stack, 'Open', { function: fn, authType: lambda.FunctionUrlAuthType.NONE });
    const paths = pathsViolating(stack, 'LambdaFunctionUrlAuth');
    expect(paths).toContain(`${open.node.path}/Resource`);
    expect(paths).not.toContain(`${signed.node.path}/Resource`);
  });
});
