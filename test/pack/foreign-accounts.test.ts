import {
  accountFinding,
  describeAccountFinding,
  documentAccountFindings,
  literalAccountOf,
  narrowedToOrganization,
  statementAccountFindings,
} from '../../lib/pack/foreign-accounts';
import { StackTemplate } from '../../lib/pack/template-model';
import { accountRoot, allow, documentOf, OWN, ownRoot, TRUSTED } from '../helpers/foreign-account-fixtures';

const template = StackTemplate.fromResources({ Role: { Type: 'AWS::IAM::Role', Properties: {} } }, { own: OWN, trusted: new Set([TRUSTED]) });
const ORG = 'o-a1b2c3d4e5';

describe('reading the accounts a policy grants', () => {
  test.each([
    ['999999999999', '999999999999'],
    [' arn:aws:iam::999999999999:root ', '999999999999'],
    ['arn:<AWS::Partition>:iam::999999999999:role/x', '999999999999'],
    ['arn:aws:s3:::results-bucket', ''],
    ['s3.amazonaws.com', 's3.amazonaws.com'],
  ])('the account of %s is %s', (text, account) => {
    expect(literalAccountOf(text)).toBe(account);
  });

  test.each([
    ['a foreign root', accountRoot('999999999999'), 'Account::999999999999'],
    ['a foreign role named by parameter', { 'Fn::Sub': 'arn:${AWS::Partition}:iam::999999999999:role/${RoleName}' }, 'Account::999999999999'],
    ['the own account as a literal', accountRoot(OWN), undefined],
    ['a trusted account', TRUSTED, undefined],
    ['the own account by pseudo parameter', ownRoot, undefined],
    ['a role of the template', { 'Fn::GetAtt': ['Role', 'Arn'] }, undefined],
    ['a service', 'logs.amazonaws.com', undefined],
    ['the Elastic Load Balancing log delivery account of us-east-1', 'arn:aws:iam::127311923021:root', undefined],
    ['a wildcard account in an ARN', 'arn:aws:lambda:us-east-1:*:function:*', undefined],
    ['an account from a parameter', { 'Fn::Sub': 'arn:aws:iam::${Vendor}:root' }, 'Account::unresolved'],
    ['a whole principal from a parameter', { Ref: 'VendorRole' }, 'Account::unresolved'],
    ['an import', { 'Fn::ImportValue': 'vendor-role' }, 'Account::unresolved'],
  ])('%s', (_, value, finding) => {
    expect(accountFinding(value, template)).toBe(finding);
  });

  test.each([
    [{ StringEquals: { 'aws:PrincipalOrgID': ORG } }, true],
    [{ StringEquals: { 'aws:SourceOrgID': [ORG] } }, true],
    [{ 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': `${ORG}/r-ab12/*` } }, true],
    [{ StringEquals: { 'aws:PrincipalOrgID': 'o-*' } }, false],
    [{ StringEquals: { 'aws:PrincipalOrgID': { Ref: 'OrgId' } } }, false],
    [{ StringNotEquals: { 'aws:PrincipalOrgID': ORG } }, false],
    [{ StringEqualsIfExists: { 'aws:PrincipalOrgID': ORG } }, false],
    [undefined, false],
  ])('condition %j confines to the organization: %s', (condition, expected) => {
    expect(narrowedToOrganization(condition)).toBe(expected);
  });

  test('a statement: principals and account conditions, one finding each; Deny and organization-wide grants none', () => {
    const vendor = allow({ AWS: ['888888888888', ownRoot] }, { Condition: { StringEquals: { 'aws:SourceAccount': '999999999999' } } });
    expect(statementAccountFindings(vendor, template)).toEqual(['Account::888888888888', 'Account::999999999999']);
    expect(statementAccountFindings({ ...vendor, Effect: 'Deny' }, template)).toEqual([]);
    expect(statementAccountFindings(allow({ AWS: '999999999999' }, { Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG } } }), template)).toEqual([]);
    expect(statementAccountFindings(allow({ Service: 'sns.amazonaws.com' }), template)).toEqual([]);
    expect(statementAccountFindings(allow({ Ref: 'Principal' }), template)).toEqual(['Account::unresolved']);
  });

  test.each([
    ['an object', documentOf(allow({ AWS: '999999999999' })), ['Account::999999999999']],
    ['a JSON string', JSON.stringify(documentOf(allow({ AWS: 'arn:aws:iam::999999999999:root' }))), ['Account::999999999999']],
    ['an Fn::Sub of JSON naming the own account', { 'Fn::Sub': JSON.stringify(documentOf(allow({ AWS: 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' }))) }, []],
    ['absent', undefined, []],
    ['a string that is not JSON', '{"Statement": [', ['Account::unresolved']],
    ['a parameter', { Ref: 'Policy' }, ['Account::unresolved']],
    ['an Fn::If', { 'Fn::If': ['Shared', documentOf(), documentOf()] }, ['Account::unresolved']],
  ])('a document as %s', (_, document, expected) => {
    expect(documentAccountFindings(document, template)).toEqual(expected);
  });

  test('each finding names its account, the flag that trusts it and the waiver id', () => {
    expect(describeAccountFinding('ElectionBaseline-X', 'The bucket policy', 'Account::999999999999')).toBe(
      "The bucket policy names account 999999999999, which is neither this stack's account nor a trusted one: if the agency " +
        'runs it, add it to the pack option trustedAccountIds (election-audit --trusted-accounts 999999999999); else acknowledge ' +
        'ElectionBaseline-X[Account::999999999999] naming whose account it is and why.',
    );
    expect(describeAccountFinding('ElectionBaseline-X', 'The key policy', 'Account::unresolved')).toMatch(/^The key policy .*does not resolve.*ElectionBaseline-X\[Account::unresolved\]/);
  });
});
