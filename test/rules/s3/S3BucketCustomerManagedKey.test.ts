import { NagRuleCompliance } from 'cdk-nag';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { S3BucketCustomerManagedKey as rule } from '../../../lib/rules/s3/S3BucketCustomerManagedKey';
import { newStack, pathsViolating } from '../../helpers/pack-harness';
import { compliantBucketTemplate, judge, withBucket } from '../../helpers/template-fixtures';

const sse = (byDefault: Record<string, unknown>) => ({ ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: byDefault }] });

describe('S3BucketCustomerManagedKey', () => {
  test.each(['election-records', 'voter-pii', 'audit-logs'])('compliant: %s bucket under a key of the template', (dataClass) => {
    expect(judge(rule, compliantBucketTemplate(dataClass), 'Bucket')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['a literal key ARN', 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
    ['a customer alias name', 'alias/county-records'],
    ['a customer alias ARN', 'arn:aws:kms:us-east-1:111122223333:alias/county-records'],
    ['an existing key by alias (kms.Alias.fromAliasName)', { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':kms:us-east-1:111111111111:alias/county-records']] }],
  ])('compliant: %s', (_, key) => {
    const t = withBucket(compliantBucketTemplate('voter-pii'), (p) => {
      p.BucketEncryption = sse({ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: key });
    });
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['SSE-S3', sse({ SSEAlgorithm: 'AES256' })],
    ['the AWS-managed key (no key id)', sse({ SSEAlgorithm: 'aws:kms' })],
    ['the aws/s3 alias', sse({ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'alias/aws/s3' })],
    ['the aws/s3 alias ARN', sse({ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'arn:aws:kms:us-east-1:111122223333:alias/aws/s3' })],
    ['no encryption configuration', undefined],
    ['an empty rule list', { ServerSideEncryptionConfiguration: [] }],
  ])('non-compliant: records encrypted with %s', (_, encryption) => {
    const t = withBucket(compliantBucketTemplate(), (p) => {
      p.BucketEncryption = encryption;
    });
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('non-compliant: an unclassified bucket is judged as the most sensitive class', () => {
    const t = withBucket(compliantBucketTemplate(), (p) => {
      delete p.Tags;
      p.BucketEncryption = sse({ SSEAlgorithm: 'AES256' });
    });
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each(['public-content', 'operational'])('not applicable: %s bucket', (dataClass) => {
    const t = withBucket(compliantBucketTemplate(dataClass), (p) => {
      p.BucketEncryption = sse({ SSEAlgorithm: 'AES256' });
    });
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a parameter', { Ref: 'KeyParam' }],
    ['an import', { 'Fn::ImportValue': 'shared-key-arn' }],
    ['an SSM dynamic reference', '{{resolve:ssm:/county/records-key-arn}}'],
  ])('unresolvable: a key given by %s is passed over (KmsKeyUnverifiable reports it)', (_, keyId) => {
    const t = withBucket(compliantBucketTemplate(), (p) => {
      p.BucketEncryption = sse({ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: keyId });
    });
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('unresolvable: the algorithm given by a parameter fails closed', () => {
    const t = withBucket(compliantBucketTemplate(), (p) => {
      p.BucketEncryption = sse({ SSEAlgorithm: { Ref: 'Algorithm' }, KMSMasterKeyID: { 'Fn::GetAtt': ['Key', 'Arn'] } });
    });
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('through the pack: an S3-managed bucket tagged voter-pii fails, a CMK one passes', () => {
    const { stack } = newStack();
    const weak = new s3.CfnBucket(stack, 'Weak', { tags: [{ key: 'election:data-class', value: 'voter-pii' }] });
    const strong = new s3.CfnBucket(stack, 'Strong', {
      tags: [{ key: 'election:data-class', value: 'voter-pii' }],
      bucketEncryption: {
        serverSideEncryptionConfiguration: [
          { serverSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: new kms.Key(stack, 'K').keyArn } },
        ],
      },
    });
    const paths = pathsViolating(stack, 'S3BucketCustomerManagedKey');
    expect(paths).toContain(weak.node.path);
    expect(paths).not.toContain(strong.node.path);
  });
});
