import { NagRuleCompliance } from 'cdk-nag';
import { BackupVaultNoOpenPolicy as rule } from '../../../lib/rules/backup/BackupVaultNoOpenPolicy';
import { denyDeleteStatement, vaultTemplate } from '../../helpers/data-store-fixtures';
import { withProps } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

const withStatements = (...statements: unknown[]) =>
  withProps(vaultTemplate(), 'Vault', (p) => { p.AccessPolicy = { Version: '2012-10-17', Statement: statements }; });
const allowCopy = (principal: unknown, condition?: unknown) => ({
  Effect: 'Allow',
  Principal: principal,
  Action: 'backup:CopyIntoBackupVault',
  Resource: '*',
  ...(condition ? { Condition: condition } : {}),
});

describe('BackupVaultNoOpenPolicy', () => {
  test.each([
    ['a deny-delete statement for everyone', vaultTemplate()],
    ['no access policy', withProps(vaultTemplate(), 'Vault', (p) => { delete p.AccessPolicy; })],
    ['copies from the agency\'s organization', withStatements(denyDeleteStatement(), allowCopy('*', { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123def4' } }))],
    ['copies from a named account', withStatements(allowCopy({ AWS: 'arn:aws:iam::111122223333:root' }))],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Vault')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['an Allow for "*"', withStatements(allowCopy('*'))],
    ['an Allow for { AWS: "*" } beside a deny', withStatements(denyDeleteStatement(), allowCopy({ AWS: '*' }))],
    ['an Allow with NotPrincipal', withStatements({ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'backup:*', Resource: '*' })],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Vault')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the key', () => {
    expect(judge(rule, vaultTemplate(), 'Key')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['the policy from a parameter', withProps(vaultTemplate(), 'Vault', (p) => { p.AccessPolicy = { Ref: 'Policy' }; })],
    ['the statements from Fn::If', withProps(vaultTemplate(), 'Vault', (p) => { p.AccessPolicy = { Statement: { 'Fn::If': ['Shared', [], []] } }; })],
    ['an org id from a parameter', withStatements(allowCopy('*', { StringEquals: { 'aws:PrincipalOrgID': { Ref: 'Org' } } }))],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'Vault')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
