import { NagRuleCompliance } from 'cdk-nag';
import { LambdaSupportedRuntime as rule } from '../../../lib/rules/lambda/LambdaSupportedRuntime';
import { judge } from '../../helpers/template-fixtures';

const fn = (properties: Record<string, unknown>) => ({ Fn: { Type: 'AWS::Lambda::Function', Properties: { Handler: 'index.handler', ...properties } } });

describe('LambdaSupportedRuntime', () => {
  test.each(['nodejs24.x', 'nodejs22.x', 'python3.13', 'python3.14', 'java21', 'dotnet10', 'ruby3.4', 'provided.al2023', 'nodejs99.x'])(
    'compliant: %s',
    (runtime) => {
      expect(judge(rule, fn({ Runtime: runtime }), 'Fn')).toBe(NagRuleCompliance.COMPLIANT);
    },
  );

  test.each([
    'nodejs14.x', 'nodejs', 'nodejs4.3-edge', 'nodejs16.x', 'nodejs18.x', 'nodejs20.x', 'python2.7', 'python3.8', 'python3.9',
    'ruby2.7', 'ruby3.2', 'java8', 'dotnetcore3.1', 'dotnet6', 'dotnet8', 'go1.x', 'provided', ' NODEJS14.X ',
  ])('non-compliant: %s (red team: nodejs24.x -> nodejs14.x)', (runtime) => {
    expect(judge(rule, fn({ Runtime: runtime }), 'Fn')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: a container image function, and a permission', () => {
    expect(judge(rule, fn({ PackageType: 'Image', Code: { ImageUri: 'x' } }), 'Fn')).toBe(NagRuleCompliance.NOT_APPLICABLE);
    expect(judge(rule, { P: { Type: 'AWS::Lambda::Permission', Properties: {} } }, 'P')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a runtime from a parameter', fn({ Runtime: { Ref: 'Runtime' } })],
    ['a runtime from Fn::If', fn({ Runtime: { 'Fn::If': ['C', 'nodejs24.x', 'nodejs14.x'] } })],
    ['no runtime on a zip function', fn({})],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'Fn')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
