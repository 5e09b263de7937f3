import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as fc from 'fast-check';
import { LogArchiveBucket, LogArchiveBucketProps } from '../../constructs/log-archive-bucket';
import { bucketNames, removalPolicies } from '../helpers/bucket-arbitraries';
import { buildOrReject, durationsAroundDays, mostly, propertyStack, Tally } from '../helpers/property-harness';

const PROPS = ['retention', 'coldStorageAfter', 'removalPolicy', 'bucketName', 'encryptionKey'];

const props: fc.Arbitrary<LogArchiveBucketProps> = fc.record(
  {
    // 365 is the audit-log floor, 913 the default, 36500 Object Lock's ceiling.
    retention: mostly(fc.integer({ min: 365, max: 36500 }).map((d) => Duration.days(d)), durationsAroundDays([365, 913, 36500])),
    coldStorageAfter: mostly(fc.integer({ min: 1, max: 3000 }).map((d) => Duration.days(d)), durationsAroundDays([0, 1, 365])),
    removalPolicy: removalPolicies,
    bucketName: bucketNames,
  },
  { requiredKeys: [] },
);

/** No key, a key of this app, or a key imported by ARN (whose policy the archive cannot change). */
const keyKind = fc.constantFrom('none', 'own', 'imported');

describe('LogArchiveBucket over generated props', () => {
  test('every input either throws naming the prop, or is a COMPLIANCE-locked archive of the given retention that the pack passes', () => {
    const tally = new Tally();
    fc.assert(
      fc.property(props, keyKind, (input, kind) => {
        const { app, stack } = propertyStack();
        const encryptionKey = kind === 'own'
          ? new kms.Key(stack, 'OwnKey', { enableKeyRotation: true, removalPolicy: RemovalPolicy.RETAIN })
          : kind === 'imported' ? kms.Key.fromKeyArn(stack, 'OrgKey', 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab') : undefined;
        let archive: LogArchiveBucket | undefined;
        const violations = buildOrReject(app, stack, { speakers: [{ construct: 'LogArchiveBucket', path: 'Test/Archive' }], props: PROPS }, tally, () => {
          archive = new LogArchiveBucket(stack, 'Archive', { ...input, encryptionKey });
        });
        if (violations === undefined) return;
        expect(violations).toEqual([]);
        const cfn = archive!.bucket.node.defaultChild as s3.CfnBucket;
        const lock = stack.resolve(cfn.objectLockConfiguration);
        expect(lock.rule.defaultRetention).toEqual({ mode: 'COMPLIANCE', days: archive!.retentionDays });
        expect(archive!.retentionDays).toBeGreaterThanOrEqual(365);
        if (input.retention) expect(archive!.retentionDays * 86400).toBe(input.retention.toSeconds());
        // Current log objects never expire: the lifecycle only moves them to Glacier.
        const rules = (stack.resolve(cfn.lifecycleConfiguration) as { rules: Array<Record<string, unknown>> }).rules;
        expect(rules.some((r) => r.expirationInDays !== undefined || r.expirationDate !== undefined)).toBe(false);
      }),
      { numRuns: 150, seed: 20261124 },
    );
    tally.expectBothBranches(20);
  });
});
