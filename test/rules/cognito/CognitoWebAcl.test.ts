import { NagRuleCompliance } from 'cdk-nag';
import { CognitoWebAcl as rule } from '../../../lib/rules/cognito/CognitoWebAcl';
import { judge } from '../../helpers/template-fixtures';

const ACL_ARN = 'arn:aws:wafv2:us-east-1:111122223333:regional/webacl/staff/1234abcd-12ab-34cd-56ef-1234567890ab';
const poolArnJoin = {
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cognito-idp:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':userpool/', { Ref: 'Pool' }]],
};

const staffPool = (association?: Record<string, unknown>) => ({
  Pool: { Type: 'AWS::Cognito::UserPool', Properties: { MfaConfiguration: 'ON' } },
  OtherPool: { Type: 'AWS::Cognito::UserPool', Properties: {} },
  StaffAcl: { Type: 'AWS::WAFv2::WebACL', Properties: { Scope: 'REGIONAL', DefaultAction: { Allow: {} } } },
  ...(association ? { Association: { Type: 'AWS::WAFv2::WebACLAssociation', Properties: association } } : {}),
});
const aclArn = { 'Fn::GetAtt': ['StaffAcl', 'Arn'] };

describe('CognitoWebAcl', () => {
  test.each([
    ['the pool\'s GetAtt Arn', { ResourceArn: { 'Fn::GetAtt': ['Pool', 'Arn'] }, WebACLArn: aclArn }],
    ['an ARN built from the pool\'s Ref', { ResourceArn: poolArnJoin, WebACLArn: aclArn }],
    ['an ARN in Fn::Sub and a literal web ACL ARN', { ResourceArn: { 'Fn::Sub': 'arn:${AWS::Partition}:cognito-idp:${AWS::Region}:${AWS::AccountId}:userpool/${Pool}' }, WebACLArn: ACL_ARN }],
  ])('compliant: associated by %s', (_, association) => {
    expect(judge(rule, staffPool(association), 'Pool')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['no association', staffPool()],
    ['an association of another pool', staffPool({ ResourceArn: { 'Fn::GetAtt': ['OtherPool', 'Arn'] }, WebACLArn: aclArn })],
    ['the pool\'s ProviderURL, not its ARN', staffPool({ ResourceArn: { 'Fn::GetAtt': ['Pool', 'ProviderURL'] }, WebACLArn: aclArn })],
    ['a WebACLArn that is the web ACL\'s Id', staffPool({ ResourceArn: { 'Fn::GetAtt': ['Pool', 'Arn'] }, WebACLArn: { 'Fn::GetAtt': ['StaffAcl', 'Id'] } })],
    ['a literal WebACLArn of a CloudFront web ACL', staffPool({ ResourceArn: { 'Fn::GetAtt': ['Pool', 'Arn'] }, WebACLArn: ACL_ARN.replace(':regional/', ':global/') })],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Pool')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the web ACL', () => {
    expect(judge(rule, staffPool(), 'StaffAcl')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a ResourceArn from a parameter', staffPool({ ResourceArn: { Ref: 'PoolArn' }, WebACLArn: aclArn })],
    ['a WebACLArn imported from another stack', staffPool({ ResourceArn: { 'Fn::GetAtt': ['Pool', 'Arn'] }, WebACLArn: { 'Fn::ImportValue': 'StaffAclArn' } })],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'Pool')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
