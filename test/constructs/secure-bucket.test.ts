import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { SecureBucket } from '../../constructs/secure-bucket';
import { DataClass } from '../../lib/baseline/data-class';
import { actionsGrantedIn, lambdaRole, newStack, packViolations } from '../helpers/pack-harness';
import { expectValidationError } from '../helpers/validation-error';
import { ValidationErrorCode } from '../../lib/validation-error';

function secureBucket(props: Partial<ConstructorParameters<typeof SecureBucket>[2]> = {}) {
  const { stack } = newStack();
  const construct = new SecureBucket(stack, 'Data', { dataClass: DataClass.VOTER_PII, ...props });
  return { stack, construct, template: Template.fromStack(stack) };
}

describe('SecureBucket defaults', () => {
  const { stack, construct, template } = secureBucket();
  const bucketId = stack.getLogicalId(construct.bucket.node.defaultChild as s3.CfnBucket);
  const logsId = stack.getLogicalId(construct.serverAccessLogsBucket.node.defaultChild as s3.CfnBucket);

  test('passes the election baseline with no violation', () => {
    expect(packViolations(stack)).toEqual([]);
  });

  test('encrypts with its own rotating customer-managed key', () => {
    const keyId = stack.getLogicalId(construct.encryptionKey.node.defaultChild as kms.CfnKey);
    template.hasResource('AWS::KMS::Key', { Properties: { EnableKeyRotation: true }, DeletionPolicy: 'Retain' });
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          { BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': [keyId, 'Arn'] } } },
        ],
      },
      Tags: Match.arrayWith([{ Key: 'election:data-class', Value: 'voter-pii' }]),
    });
  });

  test('the access-log key lets the S3 logging service, for this account only, make the data keys SSE-KMS delivery needs', () => {
    const logKey = construct.serverAccessLogsBucket.encryptionKey!.node.defaultChild as kms.CfnKey;
    template.hasResourceProperties('AWS::KMS::Key', {
      Description: Match.stringLikeRegexp('server access logs'),
      KeyPolicy: {
        Statement: Match.arrayWith([{
          Effect: 'Allow',
          Principal: { Service: 'logging.s3.amazonaws.com' },
          Action: 'kms:GenerateDataKey',
          Resource: '*',
          Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
        }]),
      },
    });
    // The data key is the only thing it gets: the content key stays the bucket's own.
    const contentPolicy = JSON.stringify(template.findResources('AWS::KMS::Key')[stack.getLogicalId(construct.encryptionKey.node.defaultChild as kms.CfnKey)]);
    expect(contentPolicy).not.toContain('logging.s3.amazonaws.com');
    expect(stack.getLogicalId(logKey)).toMatch(/AccessLogsKey/);
  });

  test('blocks public access, disables ACLs, versions, retains and expires noncurrent versions after 731 days', () => {
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        VersioningConfiguration: { Status: 'Enabled' },
        LoggingConfiguration: { DestinationBucketName: { Ref: logsId }, LogFilePrefix: 'Test/Data/' },
        LifecycleConfiguration: {
          Rules: [Match.objectLike({
            NoncurrentVersionExpiration: { NoncurrentDays: 731 },
            NoncurrentVersionTransitions: [{ StorageClass: 'GLACIER_IR', TransitionInDays: 30 }],
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
          })],
        },
      }),
    });
  });

  test('denies plain HTTP and TLS below 1.2', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Principal: { AWS: '*' }, Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Deny', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }),
        ]),
      },
    });
  });

  test('creates a hardened audit-logs bucket that only S3 log delivery from this account may write', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      Tags: Match.arrayWith([{ Key: 'election:data-class', Value: 'audit-logs' }]),
      LoggingConfiguration: Match.absent(),
      // S3 does not deliver server access logs to a bucket with Object Lock.
      ObjectLockEnabled: Match.absent(),
      ObjectLockConfiguration: Match.absent(),
      NotificationConfiguration: { EventBridgeConfiguration: { EventBridgeEnabled: true } },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logsId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'logging.s3.amazonaws.com' },
            Action: 's3:PutObject',
            Condition: { ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [bucketId, 'Arn'] } }, StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
          }),
        ]),
      },
    });
    template.resourceCountIs('AWS::S3::Bucket', 2);
    template.resourceCountIs('AWS::KMS::Key', 2);
  });

  test('denies every principal deleting an access log object or version, in place of the Object Lock S3 refuses there', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logsId },
      PolicyDocument: {
        Statement: Match.arrayWith([{
          Effect: 'Deny',
          Principal: { AWS: '*' },
          Action: ['s3:DeleteObject', 's3:DeleteObjectVersion'],
          Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [logsId, 'Arn'] }, '/*']] },
        }]),
      },
    });
  });

  test('exposes the bucket, key and data class', () => {
    expect(construct.bucket).toBeInstanceOf(s3.Bucket);
    expect(construct.encryptionKey).toBeInstanceOf(kms.Key);
    expect(construct.dataClass).toBe(DataClass.VOTER_PII);
  });
});

describe('SecureBucket with given key and log bucket', () => {
  test('uses them and creates neither', () => {
    const { stack } = newStack();
    const key = new kms.Key(stack, 'SharedKey', { enableKeyRotation: true });
    const logs = new SecureBucket(stack, 'Logs', { dataClass: DataClass.AUDIT_LOGS });
    const data = new SecureBucket(stack, 'Data', { dataClass: DataClass.OPERATIONAL, encryptionKey: key, serverAccessLogsBucket: logs.serverAccessLogsBucket });
    expect(data.encryptionKey).toBe(key);
    expect(data.serverAccessLogsBucket).toBe(logs.serverAccessLogsBucket);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::S3::Bucket', 3);
    template.resourceCountIs('AWS::KMS::Key', 3);
    expect(packViolations(stack)).toEqual([]);
  });

  test('a log bucket with Object Lock throws, naming it: S3 would deliver no access logs to it', () => {
    const { stack } = newStack();
    const logs = new SecureBucket(stack, 'Logs', { dataClass: DataClass.AUDIT_LOGS });
    expectValidationError(() => new SecureBucket(stack, 'Data', { dataClass: DataClass.OPERATIONAL, serverAccessLogsBucket: logs.bucket }), {
      code: ValidationErrorCode.INVALID_VALUE, prop: 'serverAccessLogsBucket',
      message: "SecureBucket 'Test/Data': serverAccessLogsBucket is 'Test/Logs/Bucket', a bucket with Object Lock; S3 does not deliver server access logs",
    });
  });

  test('RETAIN_ON_UPDATE_OR_DELETE is accepted', () => {
    const { template } = secureBucket({ removalPolicy: RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE });
    template.hasResource('AWS::S3::Bucket', { DeletionPolicy: 'RetainExceptOnCreate', UpdateReplacePolicy: 'Retain' });
  });
});

describe('SecureBucket grants', () => {
  function actionsGranted(grant: (data: SecureBucket, role: iam.Role) => void): string[] {
    const { stack } = newStack();
    grant(new SecureBucket(stack, 'Data', { dataClass: DataClass.PUBLIC_CONTENT }), lambdaRole(stack));
    return actionsGrantedIn(stack);
  }

  test('grantPut gives s3:PutObject on objects and encrypt-only on the key, nothing else', () => {
    expect(actionsGranted((data, role) => data.grantPut(role))).toEqual(['kms:Encrypt', 'kms:GenerateDataKey', 's3:PutObject']);
  });

  test('grantRead gives read actions only', () => {
    const actions = actionsGranted((data, role) => data.grantRead(role));
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) expect(action).toMatch(/^(s3:(Get|List)|kms:(Decrypt|DescribeKey))/);
  });
});

describe('SecureBucket rejects bad input with an error that names the prop, the value and what is allowed', () => {
  test.each([
    ['an unknown data class', { dataClass: 'secret' as DataClass }, ValidationErrorCode.INVALID_VALUE, 'dataClass', /dataClass is 'secret'; allowed are 'election-records', 'voter-pii', 'audit-logs', 'public-content', 'operational'/],
    ['DESTROY', { removalPolicy: RemovalPolicy.DESTROY }, ValidationErrorCode.WEAKENS_BASELINE, 'removalPolicy', /removalPolicy is DESTROY; allowed are RETAIN and RETAIN_ON_UPDATE_OR_DELETE/],
    ['SNAPSHOT', { removalPolicy: RemovalPolicy.SNAPSHOT }, ValidationErrorCode.WEAKENS_BASELINE, 'removalPolicy', /removalPolicy is SNAPSHOT; allowed are RETAIN/],
    ['autoDeleteObjects', { autoDeleteObjects: true }, ValidationErrorCode.WEAKENS_BASELINE, 'autoDeleteObjects', /autoDeleteObjects is true; it must be false or unset/],
    ['a fraction of a day', { noncurrentVersionExpiration: Duration.hours(36) }, ValidationErrorCode.INVALID_VALUE, 'noncurrentVersionExpiration', /noncurrentVersionExpiration is 1 day 12 hours; it must be a whole number of days/],
    ['records locked a year', { dataClass: DataClass.ELECTION_RECORDS, objectLockRetention: Duration.days(365) }, ValidationErrorCode.OUTSIDE_BASELINE_BOUND, 'objectLockRetention', /objectLockRetention is 365 days; it must be at least 672 days for class 'election-records'/],
    ['records versions expiring in 90 days', { dataClass: DataClass.ELECTION_RECORDS, noncurrentVersionExpiration: Duration.days(90) }, ValidationErrorCode.OUTSIDE_BASELINE_BOUND, 'noncurrentVersionExpiration', /noncurrentVersionExpiration is 90 days; it must be at least 672 days/],
    ['audit log versions expiring in 100 days', { dataClass: DataClass.AUDIT_LOGS, noncurrentVersionExpiration: Duration.days(100) }, ValidationErrorCode.OUTSIDE_BASELINE_BOUND, 'noncurrentVersionExpiration', /noncurrentVersionExpiration is 100 days; it must be at least 365 days for class 'audit-logs' \(12 months, NIST AU-11\)/],
  ] as Array<[string, object, ValidationErrorCode, string, RegExp]>)('%s', (_, props, code, prop, message) => {
    const { stack } = newStack();
    expectValidationError(() => new SecureBucket(stack, 'Data', { dataClass: DataClass.OPERATIONAL, ...props }), { code, prop, message });
  });

  test('the error names the construct path', () => {
    const { stack } = newStack();
    expectValidationError(() => new SecureBucket(stack, 'Data', { dataClass: DataClass.OPERATIONAL, removalPolicy: RemovalPolicy.DESTROY }), {
      code: ValidationErrorCode.WEAKENS_BASELINE, prop: 'removalPolicy', constructType: 'SecureBucket', constructPath: 'Test/Data', message: "SecureBucket 'Test/Data': removalPolicy is DESTROY",
    });
  });
});

describe('weakening a SecureBucket through the L1 escape hatch is caught by the pack', () => {
  const cases: Array<[string, string, string, unknown]> = [
    ['SSE-S3 instead of the key', 'S3BucketCustomerManagedKey', 'BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault', { SSEAlgorithm: 'AES256' }],
    ['a public-policy setting off', 'S3BucketPublicAccessBlocked', 'PublicAccessBlockConfiguration.BlockPublicPolicy', false],
    ['versioning suspended', 'S3BucketVersioning', 'VersioningConfiguration.Status', 'Suspended'],
    ['ACLs back on', 'S3BucketNoAcls', 'OwnershipControls.Rules.0.ObjectOwnership', 'ObjectWriter'],
    ['access logs removed', 'S3BucketServerAccessLogs', 'LoggingConfiguration', undefined],
    ['the data class removed', 'DataStoreClassified', 'Tags', undefined],
  ];
  test.each(cases)('%s', (_, ruleName, path, value) => {
    const { stack } = newStack();
    const data = new SecureBucket(stack, 'Data', { dataClass: DataClass.VOTER_PII });
    const cfn = data.bucket.node.defaultChild as s3.CfnBucket;
    if (value === undefined) cfn.addPropertyDeletionOverride(path);
    else cfn.addPropertyOverride(path, value);
    expect(packViolations(stack)).toContainEqual({ ruleId: `ElectionBaseline-${ruleName}`, path: 'Test/Data/Bucket/Resource' });
  });

  test('the TLS-only statement removed', () => {
    const { stack } = newStack();
    const data = new SecureBucket(stack, 'Data', { dataClass: DataClass.VOTER_PII });
    (data.bucket.policy!.node.defaultChild as s3.CfnBucketPolicy).addPropertyOverride('PolicyDocument.Statement', []);
    expect(packViolations(stack)).toContainEqual({ ruleId: 'ElectionBaseline-S3BucketTlsOnly', path: 'Test/Data/Bucket/Resource' });
  });

  test('key rotation off and DESTROY forced through applyRemovalPolicy', () => {
    const { stack } = newStack();
    const data = new SecureBucket(stack, 'Data', { dataClass: DataClass.VOTER_PII });
    (data.encryptionKey.node.defaultChild as kms.CfnKey).enableKeyRotation = false;
    data.bucket.applyRemovalPolicy(RemovalPolicy.DESTROY);
    const violations = packViolations(stack);
    expect(violations).toContainEqual({ ruleId: 'ElectionBaseline-KmsKeyRotation', path: 'Test/Data/Key/Resource' });
    expect(violations).toContainEqual({ ruleId: 'ElectionBaseline-RetainStatefulResources', path: 'Test/Data/Bucket/Resource' });
    expect(violations).toContainEqual({ ruleId: 'ElectionBaseline-S3SensitiveBucketRetained', path: 'Test/Data/Bucket/Resource' });
  });
});
