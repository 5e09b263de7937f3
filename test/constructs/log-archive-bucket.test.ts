import { Duration, Lazy, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import * as fc from 'fast-check';
import { LogArchiveBucket, LogArchiveBucketProps } from '../../constructs/log-archive-bucket';
import { ElectionBaselineChecks } from '../../lib/election-baseline-checks';
import { actionsGrantedIn, lambdaRole, newStack, packViolations } from '../helpers/pack-harness';
import { expectValidationError } from '../helpers/validation-error';
import { ValidationErrorCode } from '../../lib/validation-error';

type Statement = { Effect: string; Principal?: unknown; Action: string | string[]; Condition?: Record<string, Record<string, unknown>>; Sid?: string };

const SERVICES = ['cloudtrail.amazonaws.com', 'config.amazonaws.com', 'delivery.logs.amazonaws.com'];

function archiveStatements(stack: Stack, archive: LogArchiveBucket): Statement[] {
  const bucketId = stack.getLogicalId(archive.bucket.node.defaultChild as s3.CfnBucket);
  const policies = Template.fromStack(stack).findResources('AWS::S3::BucketPolicy', { Properties: { Bucket: { Ref: bucketId } } });
  return Object.values(policies).flatMap((p) => p.Properties.PolicyDocument.Statement);
}

function keyStatements(stack: Stack, key: kms.IKey): Statement[] {
  const keyId = stack.getLogicalId(key.node.defaultChild as kms.CfnKey);
  return Template.fromStack(stack).toJSON().Resources[keyId].Properties.KeyPolicy.Statement;
}

function serviceOf(statement: Statement): string | undefined {
  const principal = statement.Principal as { Service?: string } | undefined;
  return principal?.Service;
}

describe('LogArchiveBucket defaults', () => {
  const { stack } = newStack();
  const archive = new LogArchiveBucket(stack, 'Archive');
  const template = Template.fromStack(stack);

  test('is a WORM bucket of class audit-logs: Object Lock COMPLIANCE for 913 days (30 months)', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockEnabled: true,
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 913 } } },
      Tags: Match.arrayWith([{ Key: 'election:data-class', Value: 'audit-logs' }]),
    });
    expect(archive.retentionDays).toBe(913);
    expect(LogArchiveBucket.DEFAULT_RETENTION_DAYS).toBe(913);
  });

  test('moves log objects to Glacier Flexible Retrieval after 12 months, and never expires current versions', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockEnabled: true,
      LifecycleConfiguration: {
        Rules: Match.arrayWith([Match.objectLike({ Id: 'cold-storage', Status: 'Enabled', Transitions: [{ StorageClass: 'GLACIER', TransitionInDays: 365 }] })]),
      },
    });
    const cfn = archive.bucket.node.defaultChild as s3.CfnBucket;
    const rules = (stack.resolve(cfn.lifecycleConfiguration) as { rules: Array<Record<string, unknown>> }).rules;
    expect(rules.some((r) => r.expirationInDays !== undefined)).toBe(false);
  });

  test('exposes the bucket, its customer-managed key and the SecureBucket underneath', () => {
    expect(archive.bucket).toBe(archive.secureBucket.bucket);
    expect(archive.encryptionKey).toBeInstanceOf(kms.Key);
    expect(archive.bucket.encryptionKey).toBe(archive.encryptionKey);
    expect(archive.secureBucket.serverAccessLogsBucket).not.toBe(archive.bucket);
  });

  test('lets CloudTrail, AWS Config and vended log delivery write under AWSLogs/<account>/ only', () => {
    const statements = archiveStatements(stack, archive).filter((s) => s.Effect === 'Allow');
    expect(statements.map(serviceOf).sort()).toEqual([...SERVICES, ...SERVICES].sort());
    for (const statement of statements.filter((s) => s.Action === 's3:PutObject')) {
      expect(JSON.stringify(statement)).toMatch(/\/AWSLogs\/","?\{"Ref":"AWS::AccountId"\}/);
    }
  });

  test('every Allow on the archive names one service and is pinned to this account by aws:SourceAccount', () => {
    for (const statement of archiveStatements(stack, archive).filter((s) => s.Effect === 'Allow')) {
      expect(SERVICES).toContain(serviceOf(statement));
      expect(statement.Principal).not.toBe('*');
      expect(statement.Condition?.StringEquals?.['aws:SourceAccount']).toEqual({ Ref: 'AWS::AccountId' });
    }
  });

  test('CloudTrail and log delivery are further pinned by aws:SourceArn to sources of this account', () => {
    const bySid = new Map(archiveStatements(stack, archive).map((s) => [s.Sid, s]));
    for (const sid of ['CloudTrailAclCheck', 'CloudTrailWrite']) {
      expect(stack.resolve(bySid.get(sid)!.Condition!.ArnLike['aws:SourceArn'])).toEqual({
        'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudtrail:*:', { Ref: 'AWS::AccountId' }, ':trail/*']],
      });
    }
    for (const sid of ['LogDeliveryAclCheck', 'LogDeliveryWrite']) {
      expect(bySid.get(sid)!.Condition!.ArnLike['aws:SourceArn']).toEqual({
        'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:*:', { Ref: 'AWS::AccountId' }, ':*']],
      });
    }
  });

  test('S3 server access logs are not delivered to the WORM archive (S3 refuses a target with default retention)', () => {
    expect(archiveStatements(stack, archive).map(serviceOf)).not.toContain('logging.s3.amazonaws.com');
    template.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockEnabled: true,
      LoggingConfiguration: { DestinationBucketName: { Ref: stack.getLogicalId(archive.secureBucket.serverAccessLogsBucket.node.defaultChild as s3.CfnBucket) } },
    });
    // Its access-log bucket may hold legal holds but has no default retention, which S3 log delivery refuses.
    const logBucket = archive.secureBucket.serverAccessLogsBucket.node.defaultChild as s3.CfnBucket;
    expect(logBucket.objectLockConfiguration).toBeUndefined();
  });

  test('the key lets each delivery service encrypt, pinned to this account', () => {
    const statements = keyStatements(stack, archive.encryptionKey).filter((s) => serviceOf(s) !== undefined);
    expect(statements.map(serviceOf).sort()).toEqual([...SERVICES].sort());
    for (const statement of statements) {
      expect(statement.Action).toEqual(['kms:GenerateDataKey*', 'kms:Decrypt']);
      expect(statement.Condition?.StringEquals?.['aws:SourceAccount']).toEqual({ Ref: 'AWS::AccountId' });
    }
  });

  test('has zero findings under ElectionBaselineChecks, AwsSolutionsChecks and NIST80053R5Checks', () => {
    for (const pack of [new ElectionBaselineChecks(), new AwsSolutionsChecks(), new NIST80053R5Checks()]) {
      expect(pack.validateScope(stack).violations).toEqual([]);
    }
  });
});

describe('LogArchiveBucket settings', () => {
  test('a longer retention and an earlier cold storage are applied', () => {
    const { stack } = newStack();
    const archive = new LogArchiveBucket(stack, 'Archive', { retention: Duration.days(2557), coldStorageAfter: Duration.days(180) });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 2557 } } },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          // Replaced versions outlive the lock by a day.
          Match.objectLike({ NoncurrentVersionExpiration: { NoncurrentDays: 2558 } }),
          Match.objectLike({ Transitions: [{ StorageClass: 'GLACIER', TransitionInDays: 180 }] }),
        ]),
      },
    });
    expect(archive.retentionDays).toBe(2557);
  });

  test('a given key is used, and gets the delivery grants', () => {
    const { stack } = newStack();
    const key = new kms.Key(stack, 'OrgLogKey', { enableKeyRotation: true });
    const archive = new LogArchiveBucket(stack, 'Archive', { encryptionKey: key, bucketName: 'aws-waf-logs-adams-county' });
    expect(archive.encryptionKey).toBe(key);
    expect(keyStatements(stack, key).map(serviceOf).filter(Boolean).sort()).toEqual([...SERVICES].sort());
    Template.fromStack(stack).hasResourceProperties('AWS::S3::Bucket', { BucketName: 'aws-waf-logs-adams-county', ObjectLockEnabled: true });
  });

  test.each([
    ['retention of 30 days', { retention: Duration.days(30) }, ValidationErrorCode.OUTSIDE_BASELINE_BOUND, 'retention', "LogArchiveBucket 'Test/Archive': retention is 30 days; audit logs must be kept at least 365 days"],
    ['retention of 364 days', { retention: Duration.days(364) }, ValidationErrorCode.OUTSIDE_BASELINE_BOUND, 'retention', 'retention is 364 days; audit logs must be kept at least 365 days'],
    ['retention beyond S3', { retention: Duration.days(36501) }, ValidationErrorCode.ABOVE_SERVICE_LIMIT, 'retention', 'retention is 36501 days; S3 Object Lock accepts at most 36500 days'],
    ['retention in part days', { retention: Duration.hours(9001) }, ValidationErrorCode.INVALID_VALUE, 'retention', 'retention is 375 days 1 hour; it must be a whole number of days'],
    ['retention as a token', { retention: Duration.days(Lazy.number({ produce: () => 900 })) }, ValidationErrorCode.TOKEN_NOT_ALLOWED, 'retention', 'retention is a token'],
    ['cold storage at 0 days', { coldStorageAfter: Duration.days(0) }, ValidationErrorCode.INVALID_VALUE, 'coldStorageAfter', 'coldStorageAfter is 0 days; it must be at least 1 day'],
    ['DESTROY', { removalPolicy: RemovalPolicy.DESTROY }, ValidationErrorCode.WEAKENS_BASELINE, 'removalPolicy', "LogArchiveBucket 'Test/Archive': removalPolicy is DESTROY"],
  ] as Array<[string, LogArchiveBucketProps, ValidationErrorCode, string, string]>)('rejects %s', (_, props, code, prop, message) => {
    const { stack } = newStack();
    expectValidationError(() => new LogArchiveBucket(stack, 'Archive', props), { code, prop, message });
  });

  test('grantRead reads and decrypts, and never writes or deletes', () => {
    const { stack } = newStack();
    new LogArchiveBucket(stack, 'Archive').grantRead(lambdaRole(stack));
    const actions = actionsGrantedIn(stack);
    expect(actions).toEqual(['kms:Decrypt', 's3:GetObject', 's3:ListBucket']);
    expect(actions).toContain('kms:Decrypt');
    for (const action of actions) expect(action).not.toMatch(/Put|Delete|Bypass|^s3:\*$|^\*$/);
  });

  test('property: any whole number of days either throws naming retention, or locks that long and passes the pack', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 36500 }), (days) => {
        const { stack } = newStack();
        let built: LogArchiveBucket | undefined;
        try {
          built = new LogArchiveBucket(stack, 'Archive', { retention: Duration.days(days) });
        } catch (error) {
          expect(days).toBeLessThan(365);
          expect((error as Error).message).toContain(`retention is ${days} days`);
          return;
        }
        expect(days).toBeGreaterThanOrEqual(365);
        const cfn = built.bucket.node.defaultChild as s3.CfnBucket;
        expect(stack.resolve(cfn.objectLockConfiguration)).toMatchObject({ rule: { defaultRetention: { mode: 'COMPLIANCE', days } } });
        expect(packViolations(stack)).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});
