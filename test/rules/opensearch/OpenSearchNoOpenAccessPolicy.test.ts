import { NagRuleCompliance } from 'cdk-nag';
import { OpenSearchNoOpenAccessPolicy as rule } from '../../../lib/rules/opensearch/OpenSearchNoOpenAccessPolicy';
import { domainTemplate } from '../../helpers/entry-point-fixtures';
import { editing } from '../../helpers/logging-fixtures';
import { judge } from '../../helpers/template-fixtures';

const open = (extra: Record<string, unknown> = {}) => ({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'es:*', Resource: '*', ...extra });
const withPolicy = (policy: unknown, edit: (p: Record<string, unknown>) => void = () => undefined, type?: string) =>
  editing(domainTemplate('voter-pii', type), 'Domain', (p) => {
    p.AccessPolicies = policy;
    edit(p);
  });
const withStatements = (...statements: unknown[]) => withPolicy({ Version: '2012-10-17', Statement: statements });
const fgac = (p: Record<string, unknown>) => {
  p.AdvancedSecurityOptions = { Enabled: true, InternalUserDatabaseEnabled: false, MasterUserOptions: { MasterUserARN: 'arn:aws:iam::111122223333:role/admin' } };
};

describe('OpenSearchNoOpenAccessPolicy', () => {
  test.each([
    ['a policy naming one role', domainTemplate()],
    ['no access policy at all', withPolicy(undefined)],
    ['* limited by aws:PrincipalAccount', withStatements(open({ Condition: { StringEquals: { 'aws:PrincipalAccount': '111122223333' } } }))],
    ['* limited by aws:PrincipalOrgID', withStatements(open({ Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }))],
    ['* behind fine-grained access control (the policy AWS recommends with it)', withPolicy({ Statement: [open()] }, fgac)],
    ['a Deny for *', withStatements({ ...open(), Effect: 'Deny' })],
    ['a policy written as JSON text', withPolicy(JSON.stringify({ Statement: [open({ Principal: { AWS: 'arn:aws:iam::111122223333:root' } })] }))],
    ['a legacy Elasticsearch domain naming one role', domainTemplate('voter-pii', 'AWS::Elasticsearch::Domain')],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Domain')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['* may query', withStatements(open())],
    ['"*" as the principal', withStatements(open({ Principal: '*' }))],
    ['* limited by an IP range only (addresses are not identity)', withStatements(open({ Condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } } }))],
    ['* limited by a VPC only', withStatements(open({ Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-0abc' } } }))],
    ['* with aws:PrincipalAccount of *', withStatements(open({ Condition: { StringLike: { 'aws:PrincipalAccount': '*' } } }))],
    ['NotPrincipal', withStatements({ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'es:*', Resource: '*' })],
    ['* with fine-grained access control that serves anonymous requests', withPolicy({ Statement: [open()] }, (p) => {
      fgac(p);
      (p.AdvancedSecurityOptions as Record<string, unknown>).AnonymousAuthEnabled = true;
    })],
    ['* with fine-grained access control off', withPolicy({ Statement: [open()] }, (p) => { p.AdvancedSecurityOptions = { Enabled: false }; })],
    ['* on a legacy Elasticsearch domain', withPolicy({ Statement: [open()] }, () => undefined, 'AWS::Elasticsearch::Domain')],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Domain')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the key', () => {
    expect(judge(rule, domainTemplate(), 'Key')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a policy from a parameter', withPolicy({ Ref: 'PolicyJson' })],
    ['a policy from Fn::If', withPolicy({ 'Fn::If': ['Open', { Statement: [open()] }, { Ref: 'AWS::NoValue' }] })],
    ['JSON text that does not parse', withPolicy('{"Statement": [')],
    ['a principal from a parameter', withStatements(open({ Principal: { AWS: { Ref: 'Who' } } }))],
    ['an account from a parameter', withStatements(open({ Condition: { StringEquals: { 'aws:PrincipalAccount': { Ref: 'Account' } } } }))],
    ['* with fine-grained access control from a parameter', withPolicy({ Statement: [open()] }, (p) => { p.AdvancedSecurityOptions = { Enabled: { Ref: 'Fgac' } }; })],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'Domain')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
