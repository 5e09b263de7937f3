import { Stack, StackProps } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { ElectionRecordsBucket } from '../../constructs/election-records-bucket';
import { appWithThreePacks, openFindingsAtSynth } from '../helpers/three-packs';

/**
 * An agency's existing records key, known by its alias: the bucket is
 * encrypted under it and its grants reach it, although IAM cannot name a key
 * by alias (an alias ARN as Resource grants nothing on the key).
 */
function recordsUnderAlias(importKey: (stack: Stack) => kms.IKey, env: StackProps['env'] = { account: '111111111111', region: 'us-east-1' }) {
  const app = appWithThreePacks();
  const stack = new Stack(app, 'CountyResults', { env });
  const records = new ElectionRecordsBucket(stack, 'Results', { encryptionKey: importKey(stack) });
  const publisher = new iam.Role(stack, 'ResultsPublisher', { assumedBy: new iam.AccountPrincipal(stack.account) });
  records.grantWrite(publisher);
  records.grantRead(publisher);
  return { app, stack };
}

/** The statements of the publisher's grants on the key. */
function keyStatements(stack: Stack): Array<Record<string, unknown>> {
  const policies = Template.fromStack(stack).findResources('AWS::IAM::ManagedPolicy');
  return Object.values(policies)
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Array<Record<string, unknown>>)
    .filter((s) => [s.Action].flat().some((a) => String(a).startsWith('kms:')));
}

describe('SecureBucket with an existing key given by alias', () => {
  test.each([
    ['kms.Alias.fromAliasName', (stack: Stack) => kms.Alias.fromAliasName(stack, 'RecordsKey', 'alias/county-records')],
    ['kms.Key.fromKeyArn of an alias ARN', (stack: Stack) => kms.Key.fromKeyArn(stack, 'RecordsKey', 'arn:aws:kms:us-east-1:111111111111:alias/county-records')],
  ])('%s: the records bucket and its publisher synthesize clean under the three packs', (_, importKey) => {
    const { app } = recordsUnderAlias(importKey);
    expect(openFindingsAtSynth(app)).toEqual([]);
  });

  test('an env-agnostic stack synthesizes clean too', () => {
    const { app } = recordsUnderAlias((stack) => kms.Alias.fromAliasName(stack, 'RecordsKey', 'alias/county-records'), undefined);
    expect(openFindingsAtSynth(app)).toEqual([]);
  });

  test('the bucket is encrypted under the alias', () => {
    const { stack } = recordsUnderAlias((s) => kms.Alias.fromAliasName(s, 'RecordsKey', 'alias/county-records'));
    const encryption = Template.fromStack(stack).findResources('AWS::S3::Bucket', { Properties: { Tags: [{ Key: 'election:data-class', Value: 'election-records' }] } });
    const rule = Object.values(encryption)[0].Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault;
    expect(rule).toEqual({
      SSEAlgorithm: 'aws:kms',
      KMSMasterKeyID: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':kms:us-east-1:111111111111:alias/county-records']] },
    });
  });

  test.each([
    ['kms.Alias.fromAliasName', (stack: Stack) => kms.Alias.fromAliasName(stack, 'RecordsKey', 'alias/county-records'),
      { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':kms:us-east-1:111111111111:key/*']] }],
    ['kms.Key.fromKeyArn of an alias ARN', (stack: Stack) => kms.Key.fromKeyArn(stack, 'RecordsKey', 'arn:aws:kms:us-east-1:111111111111:alias/county-records'),
      'arn:aws:kms:us-east-1:111111111111:key/*'],
  ])('%s: grants name the keys of the account narrowed to the one carrying the alias, only through S3', (_, importKey, keys) => {
    const { stack } = recordsUnderAlias(importKey);
    const statements = keyStatements(stack);
    expect(statements.map((s) => s.Action)).toEqual([['kms:GenerateDataKey', 'kms:Encrypt'], 'kms:Decrypt']);
    for (const statement of statements) {
      expect(statement.Resource).toEqual(keys);
      expect(statement.Condition).toEqual({
        'StringEquals': { 'kms:ViaService': 's3.us-east-1.amazonaws.com' },
        'ForAnyValue:StringEquals': { 'kms:ResourceAliases': 'alias/county-records' },
      });
    }
  });

  test('a key given by its key ARN is still granted by that ARN', () => {
    const keyArn = 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const { stack } = recordsUnderAlias((s) => kms.Key.fromKeyArn(s, 'RecordsKey', keyArn));
    expect(keyStatements(stack).map((s) => [s.Resource, s.Condition])).toEqual([
      [keyArn, { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } }],
      [keyArn, { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } }],
    ]);
  });
});
