import { App, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { NagRuleCompliance } from 'cdk-nag';
import { ElectionBaselineChecks } from '../../../lib/election-baseline-checks';
import { S3BucketPolicyNoForeignAccount as rule } from '../../../lib/rules/s3/S3BucketPolicyNoForeignAccount';
import { accountRoot, allow, documentOf, foreignFindings, OWN, ownRoot, TRUSTED } from '../../helpers/foreign-account-fixtures';
import { Body, judge, tlsOnlyStatement } from '../../helpers/template-fixtures';

const ID = 'ElectionBaseline-S3BucketPolicyNoForeignAccount';
const policy = (...statements: unknown[]): Record<string, Body> => ({
  Bucket: { Type: 'AWS::S3::Bucket', Properties: {} },
  Policy: { Type: 'AWS::S3::BucketPolicy', Properties: { Bucket: { Ref: 'Bucket' }, PolicyDocument: documentOf(...statements) } },
});
/** The CloudTrail write the log archive bucket grants, confined to the own trail. */
const trailWrite = (account: unknown) => allow({ Service: 'cloudtrail.amazonaws.com' }, {
  Condition: { StringEquals: { 'aws:SourceArn': { 'Fn::Join': ['', ['arn:aws:cloudtrail:us-east-1:', account, ':trail/election']] } } },
});

describe('S3BucketPolicyNoForeignAccount', () => {
  test.each([
    ['the TLS-only deny', policy(tlsOnlyStatement())],
    ['the own root', policy(allow({ AWS: ownRoot }))],
    ['CloudTrail confined to the own trail', policy(trailWrite({ Ref: 'AWS::AccountId' }))],
    ['ALB access logs from the Elastic Load Balancing account of us-east-1', policy(allow({ AWS: accountRoot('127311923021') }, { Action: 's3:PutObject' }))],
    ['another account confined to the organization', policy(allow({ AWS: accountRoot('999999999999') }, { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }))],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Policy')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['the own account written out', policy(trailWrite(OWN), allow({ AWS: accountRoot(OWN) }))],
    ['a trusted account', policy(allow({ AWS: `arn:aws:iam::${TRUSTED}:role/log-reader` }))],
  ])('compliant with the own and trusted accounts known: %s', (_, t) => {
    expect(foreignFindings(rule, t, 'Policy')).toEqual([]);
  });

  test.each([
    ['a foreign root', policy(allow({ AWS: accountRoot('999999999999') })), ['Account::999999999999']],
    ['a foreign role and a foreign source account', policy(
      allow({ AWS: 'arn:aws:iam::888888888888:role/vendor' }),
      allow({ Service: 'logging.s3.amazonaws.com' }, { Condition: { StringEquals: { 'aws:SourceAccount': '999999999999' } } }),
    ), ['Account::888888888888', 'Account::999999999999']],
    ['another trail', policy(trailWrite('999999999999')), ['Account::999999999999']],
  ])('non-compliant: %s', (_, t, expected) => {
    expect(judge(rule, t, 'Policy')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(foreignFindings(rule, t, 'Policy')).toEqual(expected);
  });

  test('not applicable: a bucket', () => {
    expect(judge(rule, policy(), 'Bucket')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a document from a parameter', { Policy: { Type: 'AWS::S3::BucketPolicy', Properties: { Bucket: 'b', PolicyDocument: { Ref: 'Doc' } } } }],
    ['a principal account from a parameter', policy(allow({ AWS: { 'Fn::Sub': 'arn:aws:iam::${VendorAccount}:root' } }))],
  ])('unresolvable: %s is Account::unresolved', (_, t) => {
    expect(judge(rule, t as Record<string, Body>, 'Policy')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(foreignFindings(rule, t as Record<string, Body>, 'Policy')).toEqual(['Account::unresolved']);
  });

  test('through the pack: one finding per account, a trusted one passes, a waiver names its account', () => {
    const app = new App();
    const stack = new Stack(app, 'Results', { env: { account: OWN, region: 'us-east-1' } });
    const bucket = new s3.Bucket(stack, 'Exports', { enforceSSL: true });
    bucket.grantRead(new iam.AccountPrincipal('999999999999'));
    bucket.grantRead(new iam.AccountPrincipal(TRUSTED));
    const found = (pack: ElectionBaselineChecks) =>
      pack.validateScope(app).violations.filter((v) => v.ruleName.startsWith(ID)).map((v) => v.ruleName);
    expect(found(new ElectionBaselineChecks())).toEqual([`${ID}[Account::222222222222]`, `${ID}[Account::999999999999]`]);
    expect(found(new ElectionBaselineChecks(app, { trustedAccountIds: [TRUSTED] }))).toEqual([`${ID}[Account::999999999999]`]);
    Validations.of(bucket).acknowledge({ id: `${ID}[Account::999999999999]`, reason: 'the state election office receives the nightly export' });
    expect(found(new ElectionBaselineChecks(app, { trustedAccountIds: [TRUSTED] }))).toEqual([]);
  });
});
