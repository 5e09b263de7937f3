import { CfnParameter, Validations } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { NagRuleCompliance } from 'cdk-nag';
import { ElectionBaselineChecks } from '../../../lib/election-baseline-checks';
import { KmsKeyUnverifiable as rule } from '../../../lib/rules/kms/KmsKeyUnverifiable';
import { auroraTemplate, fileSystemTemplate, instanceTemplate, vaultTemplate } from '../../helpers/data-store-fixtures';
import { globalTableTemplate, Props, tableTemplate, withProps } from '../../helpers/edge-fixtures';
import { compliantTopicTemplate, compliantTrailTemplate, editing } from '../../helpers/logging-fixtures';
import { newStack, packViolations } from '../../helpers/pack-harness';
import { compliantBucketTemplate, judge, withBucket } from '../../helpers/template-fixtures';

const PARAMETER = { Ref: 'KeyArnParam' };
const OWN_KEY = { 'Fn::GetAtt': ['Key', 'Arn'] };
/** The topic fixture names its key TopicKey. */
const TOPIC_KEY = { 'Fn::GetAtt': ['TopicKey', 'Arn'] };
const sse = (key: unknown) => ({ ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: key } }] });
const bucketWithKey = (key: unknown, dataClass = 'election-records') => withBucket(compliantBucketTemplate(dataClass), (p) => { p.BucketEncryption = sse(key); });

/** Each resource type a key rule judges, with its key set to `key`, as [template, logical id]; the fixture's own key is `Key`. */
const KEYED: ReadonlyArray<[string, (key: unknown) => [Record<string, never>, string]]> = [
  ['bucket', (key) => [bucketWithKey(key) as never, 'Bucket']],
  ['table', (key) => [withProps(tableTemplate(), 'Table', (p) => { p.SSESpecification = { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: key }; }) as never, 'Table']],
  ['global table replica', (key) => [withProps(globalTableTemplate(), 'Global', (p) => {
    ((p.Replicas as Props[])[1].SSESpecification as Props).KMSMasterKeyId = key;
  }) as never, 'Global']],
  ['log group', (key) => [editing(compliantTrailTemplate(), 'LogGroup', (p) => { p.KmsKeyId = key; }) as never, 'LogGroup']],
  ['topic', (key) => [editing(compliantTopicTemplate(), 'Topic', (p) => { p.KmsMasterKeyId = key === OWN_KEY ? TOPIC_KEY : key; }) as never, 'Topic']],
  ['trail', (key) => [compliantTrailTemplate({ KMSKeyId: key }) as never, 'Trail']],
  ['database', (key) => [instanceTemplate('voter-pii', { KmsKeyId: key }) as never, 'Db']],
  ['Aurora cluster', (key) => [auroraTemplate('election-records', { KmsKeyId: key }) as never, 'Cluster']],
  ['file system', (key) => [fileSystemTemplate('voter-pii', { KmsKeyId: key }) as never, 'Fs']],
  ['backup vault', (key) => [vaultTemplate('election-records', 730, { EncryptionKeyArn: key }) as never, 'Vault']],
];

describe('KmsKeyUnverifiable', () => {
  test.each(KEYED)('compliant: a %s under a key of the template, a key ARN or a customer alias', (_, keyed) => {
    for (const key of [OWN_KEY, 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', 'alias/county-records']) {
      expect(judge(rule, ...keyed(key))).toBe(NagRuleCompliance.COMPLIANT);
    }
  });

  test.each(KEYED)('compliant: an AWS-managed key on a %s is the key rule\'s finding, not this one', (_, keyed) => {
    expect(judge(rule, ...keyed('alias/aws/s3'))).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, ...keyed(undefined))).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each(KEYED)('non-compliant: a %s whose key is a parameter, an import, a weak cross-stack reference or an SSM reference', (_, keyed) => {
    const keys = [PARAMETER, { 'Fn::ImportValue': 'shared-key-arn' }, { 'Fn::GetStackOutput': { StackName: 'Keys', OutputName: 'Arn' } }, '{{resolve:ssm:/county/key}}'];
    for (const key of keys) expect(judge(rule, ...keyed(key))).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each(['operational', 'public-content'])('not applicable: a %s bucket, which needs no customer key', (dataClass) => {
    expect(judge(rule, bucketWithKey(PARAMETER, dataClass), 'Bucket')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('not applicable: a bucket that uses no KMS key at all (SSE-S3) is left to S3BucketCustomerManagedKey; a key resource is not judged', () => {
    const t = withBucket(compliantBucketTemplate(), (p) => {
      p.BucketEncryption = { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256', KMSMasterKeyID: PARAMETER } }] };
    });
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, compliantBucketTemplate(), 'Key')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: a class from a parameter is judged as the most sensitive, so an unresolved key is reported', () => {
    const t = withBucket(bucketWithKey(PARAMETER), (p) => { p.Tags = [{ Key: 'election:data-class', Value: { Ref: 'Class' } }]; });
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('unresolvable: Fn::If between a key of the template and a parameter is reported; with alias/aws/s3 it is the key rule\'s', () => {
    expect(judge(rule, bucketWithKey({ 'Fn::If': ['Prod', { Ref: 'Key' }, PARAMETER] }), 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, bucketWithKey({ 'Fn::If': ['Prod', PARAMETER, 'alias/aws/s3'] }), 'Bucket')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('through the pack: a records bucket keyed by a parameter gets this waivable finding, not the non-waivable one', () => {
    const { stack } = newStack();
    const keyArn = new CfnParameter(stack, 'RecordsKeyArn').valueAsString;
    const bucket = new s3.Bucket(stack, 'Records', { encryption: s3.BucketEncryption.KMS, encryptionKey: kms.Key.fromKeyArn(stack, 'Key', keyArn) });
    (bucket.node.defaultChild as s3.CfnBucket).tags.setTag('election:data-class', 'election-records');
    const ids = () => packViolations(stack).filter((v) => v.path === 'Test/Records/Resource').map((v) => v.ruleId);
    expect(ids()).toContain('ElectionBaseline-KmsKeyUnverifiable');
    expect(ids()).not.toContain('ElectionBaseline-S3BucketCustomerManagedKey');
    const report = new ElectionBaselineChecks().validateScope(stack);
    expect(report.violations.find((v) => v.ruleName === 'ElectionBaseline-KmsKeyUnverifiable')?.description).toMatch(
      /parameter, import or dynamic reference the template does not resolve; confirm it is a customer-managed key and acknowledge/,
    );
    Validations.of(bucket).acknowledge({ id: 'ElectionBaseline-KmsKeyUnverifiable', reason: 'RecordsKeyArn is the county records key, alias/county-records' });
    expect(ids()).not.toContain('ElectionBaseline-KmsKeyUnverifiable');
  });

  test('unresolvable: a replica or restore of a database outside the template, with no key of its own, is reported; one of the template is not', () => {
    const replica = (source: unknown) => ({ ...instanceTemplate(), Replica: { Type: 'AWS::RDS::DBInstance', Properties: { SourceDBInstanceIdentifier: source } } });
    expect(judge(rule, replica('arn:aws:rds:us-east-1:111122223333:db:roll'), 'Replica')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, replica({ Ref: 'Db' }), 'Replica')).toBe(NagRuleCompliance.COMPLIANT);
    const restored = auroraTemplate('voter-pii', { SnapshotIdentifier: 'roll-2024', StorageEncrypted: undefined, KmsKeyId: undefined });
    expect(judge(rule, restored, 'Cluster')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('is waivable', () => {
    expect(rule.waivable).toBe(true);
  });
});
