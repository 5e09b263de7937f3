import { NagRuleCompliance } from 'cdk-nag';
import { LambdaPermissionNoForeignAccount as rule } from '../../../lib/rules/lambda/LambdaPermissionNoForeignAccount';
import { foreignFindings, OWN, TRUSTED } from '../../helpers/foreign-account-fixtures';
import { Body, judge } from '../../helpers/template-fixtures';

const permission = (properties: Record<string, unknown>): Record<string, Body> => ({
  Fn: { Type: 'AWS::Lambda::Function', Properties: {} },
  Api: { Type: 'AWS::ApiGateway::RestApi', Properties: {} },
  Permission: { Type: 'AWS::Lambda::Permission', Properties: { FunctionName: { Ref: 'Fn' }, Action: 'lambda:InvokeFunction', ...properties } },
});
const layer = (properties: Record<string, unknown>): Record<string, Body> => ({
  Permission: { Type: 'AWS::Lambda::LayerVersionPermission', Properties: { LayerVersionArn: 'arn:aws:lambda:us-east-1:111111111111:layer:x:1', Action: 'lambda:GetLayerVersion', ...properties } },
});
const apiSource = { 'Fn::Join': ['', ['arn:aws:execute-api:us-east-1:', { Ref: 'AWS::AccountId' }, ':', { Ref: 'Api' }, '/*']] };

describe('LambdaPermissionNoForeignAccount', () => {
  test.each([
    ['API Gateway of the stack', permission({ Principal: 'apigateway.amazonaws.com', SourceArn: apiSource })],
    ['S3 confined to the own account', permission({ Principal: 's3.amazonaws.com', SourceAccount: { Ref: 'AWS::AccountId' } })],
    ['another account of the organization', permission({ Principal: '999999999999', PrincipalOrgID: 'o-a1b2c3d4e5' })],
    ['a layer shared with the organization', layer({ Principal: '*', OrganizationId: 'o-a1b2c3d4e5' })],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Permission')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('compliant: the own and a trusted account written out', () => {
    expect(foreignFindings(rule, permission({ Principal: TRUSTED, SourceAccount: OWN }), 'Permission')).toEqual([]);
  });

  test.each([
    ['another account as principal', permission({ Principal: '999999999999' }), ['Account::999999999999']],
    ['another account\'s root as principal', permission({ Principal: 'arn:aws:iam::999999999999:root' }), ['Account::999999999999']],
    ['S3 for another account', permission({ Principal: 's3.amazonaws.com', SourceAccount: '888888888888' }), ['Account::888888888888']],
    ['SNS from another account\'s topic', permission({ Principal: 'sns.amazonaws.com', SourceArn: 'arn:aws:sns:us-east-1:999999999999:feed' }), ['Account::999999999999']],
    ['a layer shared with another account', layer({ Principal: '999999999999' }), ['Account::999999999999']],
  ])('non-compliant: %s', (_, t, expected) => {
    expect(judge(rule, t, 'Permission')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(foreignFindings(rule, t, 'Permission')).toEqual(expected);
  });

  test('not applicable: the function', () => {
    expect(judge(rule, permission({}), 'Fn')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a principal from a parameter', permission({ Principal: { Ref: 'Invoker' } })],
    ['a source account from an import', permission({ Principal: 's3.amazonaws.com', SourceAccount: { 'Fn::ImportValue': 'uploads-account' } })],
  ])('unresolvable: %s is Account::unresolved', (_, t) => {
    expect(judge(rule, t, 'Permission')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(foreignFindings(rule, t, 'Permission')).toEqual(['Account::unresolved']);
  });
});
