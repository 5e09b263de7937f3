import { Duration, Lazy, RemovalPolicy } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as fc from 'fast-check';
import { ElectionRecordsBucket } from '../../constructs/election-records-bucket';
import { actionsGrantedIn, lambdaRole, newStack, packViolations } from '../helpers/pack-harness';
import { expectValidationError } from '../helpers/validation-error';
import { ValidationErrorCode } from '../../lib/validation-error';

describe('ElectionRecordsBucket defaults', () => {
  const { stack } = newStack();
  const records = new ElectionRecordsBucket(stack, 'Records');
  const template = Template.fromStack(stack);

  test('is a WORM bucket: Object Lock COMPLIANCE, 730 days, class election-records', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockEnabled: true,
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 730 } } },
      Tags: Match.arrayWith([{ Key: 'election:data-class', Value: 'election-records' }]),
    });
    expect(records.retentionDays).toBe(730);
  });

  test('passes the election baseline with no violation', () => {
    expect(packViolations(stack)).toEqual([]);
  });

  test('exposes bucket and encryptionKey', () => {
    expect(records.bucket).toBeInstanceOf(s3.Bucket);
    expect(records.encryptionKey).toBeInstanceOf(kms.Key);
    expect(records.bucket.encryptionKey).toBe(records.encryptionKey);
  });
});

describe('ElectionRecordsBucket retention', () => {
  test('a longer retention is kept as given', () => {
    const { stack } = newStack();
    new ElectionRecordsBucket(stack, 'Records', { retention: Duration.days(1100) });
    Template.fromStack(stack).hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 1100 } } },
    });
  });

  test.each([
    ['30 days', Duration.days(30), ValidationErrorCode.OUTSIDE_BASELINE_BOUND, 'retention', "ElectionRecordsBucket 'Test/Records': retention is 30 days; election records must be kept at least 672 days (22 months, 52 U.S.C. 20701)"],
    ['671 days', Duration.days(671), ValidationErrorCode.OUTSIDE_BASELINE_BOUND, 'retention', 'retention is 671 days; election records must be kept at least 672 days'],
    ['more than S3 allows', Duration.days(36501), ValidationErrorCode.ABOVE_SERVICE_LIMIT, 'retention', "retention is 36501 days; S3 Object Lock accepts at most 36500 days (100 years)"],
    ['part days', Duration.minutes(1_000_000), ValidationErrorCode.INVALID_VALUE, 'retention', 'retention is 694 days 10 hours; it must be a whole number of days'],
    ['a token', Duration.days(Lazy.number({ produce: () => 700 })), ValidationErrorCode.TOKEN_NOT_ALLOWED, 'retention', 'retention is a token; it must be a literal Duration'],
  ] as Array<[string, Duration, ValidationErrorCode, string, string]>)('rejects %s', (_, retention, code, prop, message) => {
    const { stack } = newStack();
    expectValidationError(() => new ElectionRecordsBucket(stack, 'Records', { retention }), { code, prop, message });
  });

  test('whole days given in hours are accepted', () => {
    const { stack } = newStack();
    expect(new ElectionRecordsBucket(stack, 'Records', { retention: Duration.hours(16200) }).retentionDays).toBe(675);
  });

  test('rejects autoDeleteObjects with the construct named', () => {
    const { stack } = newStack();
    expectValidationError(() => new ElectionRecordsBucket(stack, 'Records', { autoDeleteObjects: true }), {
      code: ValidationErrorCode.WEAKENS_BASELINE, prop: 'autoDeleteObjects', message: "ElectionRecordsBucket 'Test/Records': autoDeleteObjects is true; it must be false or unset",
    });
  });

  test('rejects DESTROY with the construct named', () => {
    const { stack } = newStack();
    expectValidationError(() => new ElectionRecordsBucket(stack, 'Records', { removalPolicy: RemovalPolicy.DESTROY }), {
      code: ValidationErrorCode.WEAKENS_BASELINE, prop: 'removalPolicy', message: "ElectionRecordsBucket 'Test/Records': removalPolicy is DESTROY",
    });
  });

  test('property: any whole number of days either throws naming retention, or yields a template the pack passes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 36500 }), (days) => {
        const { stack } = newStack();
        let built: ElectionRecordsBucket | undefined;
        try {
          built = new ElectionRecordsBucket(stack, 'Records', { retention: Duration.days(days) });
        } catch (error) {
          expect(days).toBeLessThan(672);
          expect((error as Error).message).toContain(`retention is ${days} days`);
          return;
        }
        expect(days).toBeGreaterThanOrEqual(672);
        const cfn = built.bucket.node.defaultChild as s3.CfnBucket;
        expect(stack.resolve(cfn.objectLockConfiguration)).toMatchObject({ rule: { defaultRetention: { mode: 'COMPLIANCE', days } } });
        expect(packViolations(stack)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});

describe('ElectionRecordsBucket grants', () => {
  function actionsGranted(grant: (records: ElectionRecordsBucket, role: iam.Role) => void): string[] {
    const { stack } = newStack();
    grant(new ElectionRecordsBucket(stack, 'Records'), lambdaRole(stack));
    return actionsGrantedIn(stack);
  }

  test('grantWrite publishes only: put, never delete, retention, legal hold or lock changes', () => {
    const actions = actionsGranted((records, role) => records.grantWrite(role));
    expect(actions).toEqual(['kms:Encrypt', 'kms:GenerateDataKey', 's3:PutObject']);
  });

  test('grantRead reads only', () => {
    const actions = actionsGranted((records, role) => records.grantRead(role));
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) expect(action).not.toMatch(/Put|Delete|Bypass|^s3:\*$|^\*$/);
  });
});

describe('weakening the lock through the escape hatch is caught', () => {
  test.each([
    ['GOVERNANCE mode', 'ObjectLockConfiguration.Rule.DefaultRetention.Mode', 'GOVERNANCE'],
    ['retention cut to 30 days', 'ObjectLockConfiguration.Rule.DefaultRetention.Days', 30],
    ['the lock disabled', 'ObjectLockEnabled', false],
  ])('%s', (_, path, value) => {
    const { stack } = newStack();
    const records = new ElectionRecordsBucket(stack, 'Records');
    (records.bucket.node.defaultChild as s3.CfnBucket).addPropertyOverride(path, value);
    expect(packViolations(stack)).toContainEqual({ ruleId: 'ElectionBaseline-S3RecordsObjectLock', path: 'Test/Records/Bucket/Resource' });
  });

  test('a bucket policy that lets everyone rewrite the lock', () => {
    const { stack } = newStack();
    const records = new ElectionRecordsBucket(stack, 'Records');
    records.bucket.addToResourcePolicy(new iam.PolicyStatement({
      principals: [new iam.AnyPrincipal()],
      actions: ['s3:PutBucketObjectLockConfiguration'],
      resources: [records.bucket.bucketArn],
    }));
    expect(packViolations(stack)).toContainEqual({ ruleId: 'ElectionBaseline-S3RecordsNoRetentionBypass', path: 'Test/Records/Bucket/Policy/Resource' });
  });

  test('a role granted s3:* on the records bucket', () => {
    const { stack } = newStack();
    const records = new ElectionRecordsBucket(stack, 'Records');
    const role = new iam.Role(stack, 'Admin', { assumedBy: new iam.AccountRootPrincipal() });
    role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: [records.bucket.bucketArn, records.bucket.arnForObjects('*')] }));
    expect(packViolations(stack)).toContainEqual({ ruleId: 'ElectionBaseline-S3RecordsNoRetentionBypass', path: 'Test/Admin/DefaultPolicy/Resource' });
  });
});

describe('lifecycle and lock agree', () => {
  test('replaced versions outlive a long lock by a day', () => {
    const { stack } = newStack();
    new ElectionRecordsBucket(stack, 'Records', { retention: Duration.days(1100) });
    Template.fromStack(stack).hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockConfiguration: Match.anyValue(),
      LifecycleConfiguration: { Rules: [Match.objectLike({ NoncurrentVersionExpiration: { NoncurrentDays: 1101 } })] },
    });
  });
});
