import { NagRuleCompliance } from 'cdk-nag';
import { S3ReplicationNoForeignAccount as rule } from '../../../lib/rules/s3/S3ReplicationNoForeignAccount';
import { foreignFindings, OWN, TRUSTED } from '../../helpers/foreign-account-fixtures';
import { Body, judge } from '../../helpers/template-fixtures';

const bucket = (...destinations: unknown[]): Record<string, Body> => ({
  Replica: { Type: 'AWS::S3::Bucket', Properties: {} },
  Bucket: {
    Type: 'AWS::S3::Bucket',
    Properties: {
      VersioningConfiguration: { Status: 'Enabled' },
      ReplicationConfiguration: { Role: 'arn:aws:iam::111111111111:role/replication', Rules: destinations.map((Destination) => ({ Status: 'Enabled', Destination })) },
    },
  },
});
const crossAccount = (account: unknown, name = 'dr-copy') => ({ Bucket: `arn:aws:s3:::${name}`, Account: account, AccessControlTranslation: { Owner: 'Destination' } });

describe('S3ReplicationNoForeignAccount', () => {
  test.each([
    ['no replication', { Bucket: { Type: 'AWS::S3::Bucket', Properties: {} } }],
    ['to a bucket of the template', bucket({ Bucket: { 'Fn::GetAtt': ['Replica', 'Arn'] } })],
    ['to a bucket named by parameter', bucket({ Bucket: { 'Fn::Sub': 'arn:aws:s3:::${ReplicaName}' } })],
    ['to the own account by pseudo parameter', bucket(crossAccount({ Ref: 'AWS::AccountId' }))],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('compliant: the own and a trusted account written out', () => {
    expect(foreignFindings(rule, bucket(crossAccount(OWN), crossAccount(TRUSTED, 'archive')), 'Bucket')).toEqual([]);
  });

  test.each([
    ['to another account', bucket(crossAccount('999999999999')), ['Account::999999999999']],
    ['to another account\'s access point', bucket({ Bucket: 'arn:aws:s3:us-east-1:888888888888:accesspoint/dr' }), ['Account::888888888888']],
    ['a second rule to another account', bucket(crossAccount(TRUSTED), crossAccount('999999999999', 'vendor')), ['Account::999999999999']],
  ])('non-compliant: %s', (_, t, expected) => {
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(foreignFindings(rule, t, 'Bucket')).toEqual(expected);
  });

  test('not applicable: a bucket policy', () => {
    expect(judge(rule, { P: { Type: 'AWS::S3::BucketPolicy', Properties: {} } }, 'P')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a destination account from a parameter', bucket(crossAccount({ Ref: 'DrAccount' }))],
    ['a destination bucket ARN from a parameter', bucket({ Bucket: { Ref: 'DrBucketArn' } })],
    ['a replication configuration from Fn::If', { Bucket: { Type: 'AWS::S3::Bucket', Properties: { ReplicationConfiguration: { 'Fn::If': ['Dr', {}, { Ref: 'AWS::NoValue' }] } } } }],
  ])('unresolvable: %s is Account::unresolved', (_, t) => {
    expect(judge(rule, t as Record<string, Body>, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(foreignFindings(rule, t as Record<string, Body>, 'Bucket')).toEqual(['Account::unresolved']);
  });
});
