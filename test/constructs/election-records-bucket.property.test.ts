import { Duration, Lazy, RemovalPolicy } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as fc from 'fast-check';
import { ElectionRecordsBucket, ElectionRecordsBucketProps } from '../../constructs/election-records-bucket';
import { bucketNames, removalPolicies } from '../helpers/bucket-arbitraries';
import { buildOrReject, durationsAroundDays, mostly, oddString, propertyStack, Tally } from '../helpers/property-harness';
import { expectValidationError } from '../helpers/validation-error';
import { ValidationErrorCode } from '../../lib/validation-error';

const PROPS = ['retention', 'noncurrentVersionExpiration', 'removalPolicy', 'autoDeleteObjects', 'bucketName', 'serverAccessLogsPrefix'];

const props: fc.Arbitrary<ElectionRecordsBucketProps> = fc.record(
  {
    // 672 is the 22-month floor, 730 the default, 36500 Object Lock's ceiling.
    retention: mostly(fc.integer({ min: 672, max: 36500 }).map((d) => Duration.days(d)), durationsAroundDays([672, 730, 36500])),
    noncurrentVersionExpiration: mostly(fc.integer({ min: 672, max: 5000 }).map((d) => Duration.days(d)), durationsAroundDays([1, 672, 731])),
    removalPolicy: removalPolicies,
    autoDeleteObjects: fc.constantFrom(false, false, true),
    bucketName: bucketNames,
    serverAccessLogsPrefix: mostly(fc.constantFrom('records/', 'county/adams/'), oddString),
  },
  { requiredKeys: [] },
);

describe('ElectionRecordsBucket over generated props', () => {
  test('every input either throws naming the prop, or is a COMPLIANCE-locked bucket of the given retention that the pack passes', () => {
    const tally = new Tally();
    fc.assert(
      fc.property(props, fc.boolean(), (input, ownKey) => {
        const { app, stack } = propertyStack();
        let records: ElectionRecordsBucket | undefined;
        const encryptionKey = ownKey ? new kms.Key(stack, 'OwnKey', { enableKeyRotation: true, removalPolicy: RemovalPolicy.RETAIN }) : undefined;
        const violations = buildOrReject(app, stack, { speakers: [{ construct: 'ElectionRecordsBucket', path: 'Test/Records' }], props: PROPS }, tally, () => {
          records = new ElectionRecordsBucket(stack, 'Records', { ...input, encryptionKey });
        });
        if (violations === undefined) return;
        expect(violations).toEqual([]);
        // Never silently weaker: the lock is COMPLIANCE, at least 672 days, and what was asked for.
        const lock = stack.resolve((records!.bucket.node.defaultChild as s3.CfnBucket).objectLockConfiguration);
        expect(lock.rule.defaultRetention.mode).toBe('COMPLIANCE');
        expect(lock.rule.defaultRetention.days).toBe(records!.retentionDays);
        expect(records!.retentionDays).toBeGreaterThanOrEqual(672);
        if (input.retention) expect(records!.retentionDays * 86400).toBe(input.retention.toSeconds());
      }),
      {
        numRuns: 150,
        seed: 20261124,
        // Found by this property, and kept: bucket names S3 refuses surfaced as CDK's own error, without the prop.
        examples: [[{ bucketName: 'ab' }, false], [{ bucketName: 'Election-Records' }, true], [{ bucketName: 'records..2026' }, false]],
      },
    );
    tally.expectBothBranches(20);
  });

  test('a token retention is refused, never taken as the default', () => {
    const { stack } = propertyStack();
    expectValidationError(() => new ElectionRecordsBucket(stack, 'Records', { retention: Duration.days(Lazy.number({ produce: () => 900 })) }), {
      code: ValidationErrorCode.TOKEN_NOT_ALLOWED, prop: 'retention', message: "ElectionRecordsBucket 'Test/Records': retention is a token",
    });
  });
});
