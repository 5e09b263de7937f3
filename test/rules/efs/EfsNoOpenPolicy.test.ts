import { NagRuleCompliance } from 'cdk-nag';
import { EfsNoOpenPolicy as rule } from '../../../lib/rules/efs/EfsNoOpenPolicy';
import { fileSystemTemplate } from '../../helpers/data-store-fixtures';
import { withProps } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

const ACTIONS = ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'];
const withPolicy = (policy: unknown) => withProps(fileSystemTemplate(), 'Fs', (p) => { p.FileSystemPolicy = policy; });
const allow = (principal: unknown, condition?: unknown) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: principal, Action: ACTIONS, ...(condition ? { Condition: condition } : {}) }],
});

describe('EfsNoOpenPolicy', () => {
  test.each([
    ['CDK\'s mount-target policy', fileSystemTemplate()],
    ['no policy', withPolicy(undefined)],
    ['a named role', withPolicy(allow({ AWS: 'arn:aws:iam::111122223333:role/app' }))],
    ['everyone in the agency\'s organization', withPolicy(allow({ AWS: '*' }, { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123def4' } }))],
    ['the policy as a JSON string', withPolicy(JSON.stringify(allow({ AWS: '*' }, { Bool: { 'elasticfilesystem:AccessedViaMountTarget': true } })))],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Fs')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['"*" with no condition', allow('*')],
    ['{ AWS: "*" } with a condition that narrows nothing', allow({ AWS: '*' }, { Bool: { 'aws:SecureTransport': 'true' } })],
    ['AccessedViaMountTarget false', allow({ AWS: '*' }, { Bool: { 'elasticfilesystem:AccessedViaMountTarget': 'false' } })],
    ['an org id with a wildcard', allow({ AWS: '*' }, { StringLike: { 'aws:PrincipalOrgID': 'o-*' } })],
  ])('non-compliant: %s', (_, policy) => {
    expect(judge(rule, withPolicy(policy), 'Fs')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the key', () => {
    expect(judge(rule, fileSystemTemplate(), 'Key')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a parameter', { Ref: 'Policy' }],
    ['a string that is not JSON', '{"Statement": ['],
    ['a principal from a parameter', allow({ AWS: { Ref: 'Reader' } })],
  ])('unresolvable: the policy from %s fails closed', (_, policy) => {
    expect(judge(rule, withPolicy(policy), 'Fs')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
