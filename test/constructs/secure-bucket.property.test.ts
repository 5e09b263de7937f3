import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as fc from 'fast-check';
import { SecureBucket, SecureBucketProps } from '../../constructs/secure-bucket';
import { DataClass } from '../../lib/baseline/data-class';
import { bucketNames } from '../helpers/bucket-arbitraries';
import { buildOrReject, mostly, oddString, propertyStack, Tally, tokenString } from '../helpers/property-harness';

const PROP_NAMES = ['dataClass', 'removalPolicy', 'autoDeleteObjects', 'stagingTeardown', 'stagingTeardown.reason', 'noncurrentVersionExpiration', 'objectLockRetention', 'bucketName', 'serverAccessLogsBucket'];

const duration = fc.oneof(
  { arbitrary: fc.integer({ min: 672, max: 4000 }).map((d) => Duration.days(d)), weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 671 }).map((d) => Duration.days(d)), weight: 1 },
  { arbitrary: fc.integer({ min: 36499, max: 36502 }).map((d) => Duration.days(d)), weight: 1 },
  { arbitrary: fc.integer({ min: 1, max: 100_000 }).map((h) => Duration.hours(h)), weight: 1 },
);

const props: fc.Arbitrary<Omit<SecureBucketProps, 'encryptionKey' | 'serverAccessLogsBucket'>> = fc.record(
  {
    dataClass: fc.oneof(fc.constantFrom(...Object.values(DataClass)), fc.string({ maxLength: 12 }) as fc.Arbitrary<DataClass>, fc.constant(null).map(() => tokenString() as DataClass)),
    removalPolicy: fc.constantFrom(RemovalPolicy.RETAIN, RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE, RemovalPolicy.RETAIN, RemovalPolicy.DESTROY, RemovalPolicy.SNAPSHOT),
    autoDeleteObjects: fc.constantFrom(false, false, false, true),
    noncurrentVersionExpiration: duration,
    objectLockRetention: duration,
    bucketName: bucketNames,
    serverAccessLogsPrefix: mostly(fc.constantFrom('logs/', 'county/adams/'), oddString),
  },
  { requiredKeys: ['dataClass'] },
);

/**
 * Now and then the staging opt-out over the props above: mostly whole and on a class it is for,
 * sometimes in part or on records, PII or logs.
 */
const teardown: fc.Arbitrary<Partial<SecureBucketProps>> = fc.oneof(
  { arbitrary: fc.constant({}), weight: 3 },
  {
    arbitrary: fc.record({
      dataClass: fc.constantFrom(DataClass.OPERATIONAL, DataClass.PUBLIC_CONTENT, DataClass.OPERATIONAL, DataClass.VOTER_PII, DataClass.AUDIT_LOGS),
      removalPolicy: fc.constantFrom(RemovalPolicy.DESTROY, RemovalPolicy.DESTROY, RemovalPolicy.DESTROY, RemovalPolicy.RETAIN),
      autoDeleteObjects: fc.boolean(),
      stagingTeardown: fc.record({ reason: mostly(fc.constant('staging copy, rebuilt from the repository on every deploy'), oddString) }),
      objectLockRetention: fc.constantFrom(undefined, undefined, undefined, Duration.days(30)),
    }, { requiredKeys: ['dataClass', 'removalPolicy', 'objectLockRetention'] }),
    weight: 1,
  },
);

/** The key and access-log bucket: created by the construct, or given (of this app, or imported). */
/** A log bucket of this app is another SecureBucket's access-log bucket, or (refused: S3 delivers no logs to it) a bucket with Object Lock. */
const given = fc.record({ key: fc.constantFrom('none', 'own', 'imported'), logs: fc.constantFrom('none', 'secure', 'secure', 'locked', 'imported') });

describe('SecureBucket over generated props', () => {
  test('every input either throws an error naming a prop, or yields a template the pack passes', () => {
    const tally = new Tally();
    let stagingBuilt = 0;
    fc.assert(
      fc.property(props, teardown, given, (generated, staging, { key, logs }) => {
        const input = { ...generated, ...staging };
        const { app, stack } = propertyStack();
        const encryptionKey = key === 'own'
          ? new kms.Key(stack, 'OwnKey', { enableKeyRotation: true, removalPolicy: RemovalPolicy.RETAIN })
          : key === 'imported' ? kms.Key.fromKeyArn(stack, 'OrgKey', 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab') : undefined;
        const serverAccessLogsBucket = logs === 'secure'
          ? new SecureBucket(stack, 'Logs', { dataClass: DataClass.AUDIT_LOGS }).serverAccessLogsBucket
          : logs === 'locked' ? new SecureBucket(stack, 'Logs', { dataClass: DataClass.AUDIT_LOGS }).bucket
          : logs === 'imported' ? s3.Bucket.fromBucketName(stack, 'OrgLogs', 'org-access-logs') : undefined;
        let built: SecureBucket | undefined;
        const violations = buildOrReject(app, stack, { speakers: [{ construct: 'SecureBucket', path: 'Test/Data' }], props: PROP_NAMES }, tally, () => {
          built = new SecureBucket(stack, 'Data', { ...input, encryptionKey, serverAccessLogsBucket });
        });
        if (violations === undefined) return;
        expect(violations).toEqual([]);
        // The staging opt-out is all or nothing, and only for data a stack may take with it.
        const deletionPolicy = (built!.bucket.node.defaultChild as s3.CfnBucket).cfnOptions.deletionPolicy;
        if (deletionPolicy === 'Delete') {
          expect([DataClass.OPERATIONAL, DataClass.PUBLIC_CONTENT]).toContain(input.dataClass);
          stagingBuilt++;
        }
        // Never silently weaker: a lock asked for is the lock in the template, in COMPLIANCE mode.
        const lock = stack.resolve((built!.bucket.node.defaultChild as s3.CfnBucket).objectLockConfiguration);
        if (input.objectLockRetention) expect(lock.rule.defaultRetention).toEqual({ mode: 'COMPLIANCE', days: input.objectLockRetention.toDays() });
        if (input.dataClass === DataClass.ELECTION_RECORDS) expect(lock.rule.defaultRetention.days).toBeGreaterThanOrEqual(672);
      }),
      { numRuns: 250, seed: 20261124 },
    );
    // Both branches must really be exercised, or the property says nothing.
    tally.expectBothBranches(20);
    expect(stagingBuilt).toBeGreaterThanOrEqual(3);
  });
});
