import { NagRuleCompliance } from 'cdk-nag';
import { IamNoLongLivedCredentials as rule } from '../../../lib/rules/iam/IamNoLongLivedCredentials';
import { judge } from '../../helpers/template-fixtures';

const template = {
  User: { Type: 'AWS::IAM::User', Properties: { ManagedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'] } },
  Key: { Type: 'AWS::IAM::AccessKey', Properties: { UserName: { Ref: 'User' } } },
  Plain: { Type: 'AWS::IAM::User', Properties: {} },
  Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Statement: [] } } },
};

describe('IamNoLongLivedCredentials', () => {
  test.each(['User', 'Key', 'Plain'])('non-compliant: %s (red team: an admin user and its access key)', (id) => {
    expect(judge(rule, template, id)).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: a role, whose credentials expire', () => {
    expect(judge(rule, template, 'Role')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: a user whose properties come from intrinsics is still a user', () => {
    expect(judge(rule, { U: { Type: 'AWS::IAM::User', Properties: { UserName: { Ref: 'Name' } } } }, 'U')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
