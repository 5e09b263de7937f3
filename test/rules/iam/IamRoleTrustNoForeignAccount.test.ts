import { App, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { NagRuleCompliance } from 'cdk-nag';
import { ElectionBaselineChecks } from '../../../lib/election-baseline-checks';
import { TemplateAccounts } from '../../../lib/pack/accounts';
import { StackTemplate } from '../../../lib/pack/template-model';
import { IamRoleTrustNoForeignAccount as rule } from '../../../lib/rules/iam/IamRoleTrustNoForeignAccount';
import { Body, judge } from '../../helpers/template-fixtures';

const ID = 'ElectionBaseline-IamRoleTrustNoForeignAccount';
const lambdaTrust = { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' };
const ownRoot = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] };
const role = (...statements: unknown[]): Record<string, Body> => ({
  Other: { Type: 'AWS::IAM::Role', Properties: {} },
  Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: statements } } },
});
const assume = (principal: unknown, extra: Record<string, unknown> = {}) => ({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...extra });
/** What CDK renders for `new iam.AccountPrincipal('111111111111')`. */
const accountRoot = (account: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::${account}:root`]] });

/** The granular findings of `Role`, judged with the template's own and trusted accounts. */
function findings(resources: Record<string, Body>, own?: string, trusted: string[] = []): string[] {
  const accounts: TemplateAccounts = { own, trusted: new Set(trusted) };
  const template = StackTemplate.fromResources(resources, accounts);
  return rule.granular!.findings(template.get('Role')!, template);
}

/** The election pack's violations of this rule, as `ruleName path`. */
function violations(pack: ElectionBaselineChecks, scope: App | Stack): string[] {
  return pack.validateScope(scope).violations
    .filter((v) => v.ruleName.startsWith(ID))
    .flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} ${r.constructPath}`));
}

describe('IamRoleTrustNoForeignAccount', () => {
  test.each([
    ['a service principal', role(lambdaTrust)],
    ['the own account root', role(assume({ AWS: ownRoot }))],
    ['the own account by Fn::Sub', role(assume({ AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/ops' } }))],
    ['a role of the template', role(assume({ AWS: { 'Fn::GetAtt': ['Other', 'Arn'] } }))],
    ['* narrowed to the organization (judged by IamRoleTrustNoOpenPrincipal)', role(assume('*', { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }))],
    ['a service narrowed to the own account', role({ ...lambdaTrust, Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } } })],
    ['a Deny naming another account', role(lambdaTrust, { Effect: 'Deny', Principal: { AWS: '999999999999' }, Action: 'sts:AssumeRole' })],
    ['another account confined to the organization by aws:PrincipalOrgID', role(assume({ AWS: '999999999999' }, { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }))],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Role')).toBe(NagRuleCompliance.COMPLIANT);
    expect(findings(t)).toEqual([]);
  });

  test.each([
    ['the own account written as a literal (a stack with env.account)', role(assume({ AWS: accountRoot('111111111111') })), []],
    ['the own account as a bare id in a condition', role({ ...lambdaTrust, Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' } } }), []],
    ['a trusted account', role(assume({ AWS: 'arn:aws:iam::222222222222:role/log-archive-reader' })), ['222222222222']],
    ['the own and a trusted account together', role(assume({ AWS: [accountRoot('111111111111'), '222222222222'] })), ['222222222222']],
  ])('compliant with the own account 111111111111: %s', (_, t, trusted) => {
    expect(findings(t, '111111111111', trusted)).toEqual([]);
  });

  test.each([
    ['another account root added (red team)', role(lambdaTrust, assume({ AWS: 'arn:aws:iam::999999999999:root' })), ['Account::999999999999']],
    ['a bare account id', role(assume({ AWS: '999999999999' })), ['Account::999999999999']],
    ['a role in another account, in a list', role(assume({ AWS: [ownRoot, 'arn:aws-us-gov:iam::999999999999:role/x'] })), ['Account::999999999999']],
    ['* narrowed to another account', role(assume({ AWS: '*' }, { Condition: { StringEquals: { 'aws:PrincipalAccount': '999999999999' } } })), ['Account::999999999999']],
    ['a service narrowed to another account\'s source', role({ ...lambdaTrust, Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:lambda:us-east-1:999999999999:function:*' } } }), ['Account::999999999999']],
    ['two foreign accounts, one finding each', role(assume({ AWS: ['888888888888', accountRoot('999999999999')] })), ['Account::888888888888', 'Account::999999999999']],
  ])('non-compliant: %s', (_, t, expected) => {
    expect(judge(rule, t, 'Role')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(findings(t, '111111111111', ['222222222222'])).toEqual(expected);
  });

  test('non-compliant: an env-agnostic template knows no own account, so every literal is foreign', () => {
    expect(findings(role(assume({ AWS: accountRoot('111111111111') })))).toEqual(['Account::111111111111']);
  });

  test('not applicable: a user', () => {
    expect(judge(rule, { U: { Type: 'AWS::IAM::User', Properties: {} } }, 'U')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a trust policy from a parameter', { Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Ref: 'Trust' } } } }],
    ['a principal from a parameter', role(assume({ AWS: { Ref: 'TrustedAccount' } }))],
    ['a principal from an import', role(assume({ AWS: [{ 'Fn::ImportValue': 'ops-role-arn' }] }))],
    ['a whole principal from a parameter', role(assume({ Ref: 'TrustedPrincipal' }))],
  ])('unresolvable: %s fails closed, as Account::unresolved', (_, t) => {
    expect(judge(rule, t, 'Role')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(findings(t as Record<string, Body>, '111111111111', ['222222222222'])).toEqual(['Account::unresolved']);
  });

  test('each finding names its account and how to trust it', () => {
    expect(rule.granular!.describe('Account::999999999999')).toMatch(
      /names account 999999999999.*trustedAccountIds \(election-audit --trusted-accounts 999999999999\).*IamRoleTrustNoForeignAccount\[Account::999999999999\]/,
    );
    expect(rule.granular!.describe('Account::unresolved')).toMatch(/does not resolve/);
  });

  describe('through the pack', () => {
    const appWith = (env?: { account: string; region: string }) => {
      const app = new App();
      const stack = new Stack(app, 'Results', { env });
      new iam.Role(stack, 'Publisher', { assumedBy: new iam.AccountPrincipal(stack.account) });
      return { app, stack };
    };

    test("the README's AccountPrincipal(stack.account) passes, with env.account and env-agnostic", () => {
      expect(violations(new ElectionBaselineChecks(), appWith({ account: '111111111111', region: 'us-east-1' }).app)).toEqual([]);
      expect(violations(new ElectionBaselineChecks(), appWith().app)).toEqual([]);
    });

    test('another account fails with its id in the rule id and the message; a trusted one passes', () => {
      const { app, stack } = appWith({ account: '111111111111', region: 'us-east-1' });
      new iam.Role(stack, 'Archive', { assumedBy: new iam.AccountPrincipal('222222222222') });
      new iam.Role(stack, 'Vendor', { assumedBy: new iam.AccountPrincipal('999999999999') });
      const report = new ElectionBaselineChecks().validateScope(app);
      const vendor = report.violations.find((v) => v.ruleName === `${ID}[Account::999999999999]`);
      expect(vendor?.description).toMatch(/names account 999999999999.*trustedAccountIds/);
      expect(violations(new ElectionBaselineChecks(), app)).toEqual([
        `${ID}[Account::222222222222] Results/Archive/Resource`,
        `${ID}[Account::999999999999] Results/Vendor/Resource`,
      ]);
      expect(violations(new ElectionBaselineChecks(app, { trustedAccountIds: ['222222222222'] }), app)).toEqual([
        `${ID}[Account::999999999999] Results/Vendor/Resource`,
      ]);
    });

    test('a waiver names the exact account it accepts, and covers no other', () => {
      const { app, stack } = appWith({ account: '111111111111', region: 'us-east-1' });
      const vendor = new iam.Role(stack, 'Vendor', { assumedBy: new iam.AccountPrincipal('999999999999') });
      vendor.assumeRolePolicy!.addStatements(new iam.PolicyStatement({ actions: ['sts:AssumeRole'], principals: [new iam.AccountPrincipal('888888888888')] }));
      Validations.of(vendor).acknowledge({ id: `${ID}[Account::999999999999]`, reason: 'the state election IT account runs the nightly results export' });
      expect(violations(new ElectionBaselineChecks(), app)).toEqual([`${ID}[Account::888888888888] Results/Vendor/Resource`]);
    });

    test('at synth: a foreign account fails the synth naming it; trusted, the synth passes', () => {
      const synth = (trustedAccountIds: string[]) => {
        const { app, stack } = appWith({ account: '111111111111', region: 'us-east-1' });
        new iam.Role(stack, 'Vendor', { assumedBy: new iam.AccountPrincipal('999999999999') });
        Validations.of(app).addPlugins(new ElectionBaselineChecks(app, { trustedAccountIds }));
        return () => app.synth();
      };
      expect(synth([])).toThrow(/Account::999999999999/);
      expect(synth(['999999999999'])).not.toThrow();
    });

    test("validate(context) reads each stack's own account from the context (as election-audit passes a manifest's)", () => {
      const { app, stack } = appWith();
      new iam.Role(stack, 'Admin', { assumedBy: new iam.AccountPrincipal('111111111111') });
      const templatePath = app.synth().getStackByName('Results').templateFullPath;
      const judged = (accountId: string | undefined) => new ElectionBaselineChecks().validate({
        appConstruct: app,
        templatePaths: [templatePath],
        stackTemplates: [{ stackConstructPath: stack.node.path, templatePath, accountId, region: undefined }],
      }).violations.filter((v) => v.ruleName.startsWith(ID)).map((v) => v.ruleName);
      expect(judged('111111111111')).toEqual([]);
      expect(judged(undefined)).toEqual([`${ID}[Account::111111111111]`]);
    });
  });
});
