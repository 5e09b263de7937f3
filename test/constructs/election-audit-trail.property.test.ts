import { Lazy } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as fc from 'fast-check';
import { ElectionAuditTrail, ElectionAuditTrailProps } from '../../constructs/election-audit-trail';
import { LogArchiveBucket } from '../../constructs/log-archive-bucket';
import { buildOrReject, mostly, numbersAround, oddString, propertyStack, Tally, tokenString } from '../helpers/property-harness';
import { expectValidationError } from '../helpers/validation-error';
import { ValidationErrorCode } from '../../lib/validation-error';

const PROPS = ['logRetention', 'trailName', 'organizationId', 'recordsBuckets', 'archive'];

const RETENTIONS = Object.values(logs.RetentionDays).filter((v): v is number => typeof v === 'number');

const trailNames = mostly(
  fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{1,20}[A-Za-z0-9]$/).filter((n) => !/[._-]{2}/.test(n)),
  fc.oneof(
    fc.constantFrom('ab', 'abc', 'a'.repeat(128), 'a'.repeat(129), '-trail', 'trail-', 'county..trail', 'county--trail', 'county._trail',
      '192.168.5.4', 'Trail With Spaces', 'trail/../x', 'wahl-ü'),
    oddString,
  ),
);

const organizationIds = mostly(
  fc.stringMatching(/^o-[a-z0-9]{10,32}$/),
  fc.oneof(fc.constantFrom('o-abc', 'o-' + 'a'.repeat(33), 'O-ABCDEFGHIJ', 'r-abcd', 'o-abcdefghij ', ''), oddString),
);

/** How many records buckets: none, a few, exactly CloudTrail's 250 data resources, or one more. */
const bucketCounts = fc.oneof({ arbitrary: fc.integer({ min: 0, max: 4 }), weight: 8 }, { arbitrary: fc.constantFrom(250, 251), weight: 1 });

const inputs = fc.record({
  logRetention: fc.option(mostly(fc.constantFrom(...RETENTIONS), numbersAround([365, 400, 731])), { nil: undefined }),
  trailName: fc.option(trailNames, { nil: undefined }),
  isOrganizationTrail: fc.option(fc.boolean(), { nil: undefined }),
  organizationId: fc.option(organizationIds, { nil: undefined }),
  bucketCount: bucketCounts,
  tokenBucketNames: fc.boolean(),
  sharedArchive: fc.boolean(),
  archiveAsRecords: fc.constantFrom(false, false, false, true),
});

type Input = typeof inputs extends fc.Arbitrary<infer T> ? T : never;
const BASE: Input = { logRetention: undefined, trailName: undefined, isOrganizationTrail: undefined, organizationId: undefined, bucketCount: 0, tokenBucketNames: false, sharedArchive: false, archiveAsRecords: false };

describe('ElectionAuditTrail over generated props', () => {
  test('every input either throws naming the prop, or is a hardened trail that the pack passes', () => {
    const tally = new Tally();
    fc.assert(
      fc.property(inputs, (input) => {
        const { app, stack } = propertyStack();
        const archive = input.sharedArchive ? new LogArchiveBucket(stack, 'SharedArchive') : undefined;
        const recordsBuckets: s3.IBucket[] = Array.from({ length: input.bucketCount }, (_, i) => (input.tokenBucketNames
          ? s3.Bucket.fromBucketName(stack, `Records${i}`, tokenString(`records-${i}`))
          : s3.Bucket.fromBucketName(stack, `Records${i}`, `county-records-${i}`)));
        if (archive && input.archiveAsRecords) recordsBuckets.push(archive.bucket);
        const props: ElectionAuditTrailProps = {
          archive,
          logRetention: input.logRetention as logs.RetentionDays | undefined,
          trailName: input.trailName,
          isOrganizationTrail: input.isOrganizationTrail,
          organizationId: input.organizationId,
          recordsBuckets,
        };
        let trail: ElectionAuditTrail | undefined;
        const violations = buildOrReject(app, stack, { speakers: [{ construct: 'ElectionAuditTrail', path: 'Test/Trail' }], props: PROPS }, tally, () => {
          trail = new ElectionAuditTrail(stack, 'Trail', props);
        });
        if (violations === undefined) return;
        expect(violations).toEqual([]);
        // Never silently weaker: the retention asked for, a valid CloudWatch Logs value, at least a year.
        const retention = stack.resolve((trail!.logGroup.node.defaultChild as logs.CfnLogGroup).retentionInDays);
        if (input.logRetention === logs.RetentionDays.INFINITE) expect(retention).toBeUndefined();
        else expect(RETENTIONS).toContain(retention);
        if (retention !== undefined) expect(retention).toBeGreaterThanOrEqual(365);
        // CloudTrail's naming rules, or the deploy fails where synth said nothing.
        expect(trail!.trailName).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]{1,126}[A-Za-z0-9]$/);
        expect(trail!.trailName).not.toMatch(/[._-]{2}|^\d+\.\d+\.\d+\.\d+$/);
        const cfn = trail!.trail.node.defaultChild as cloudtrail.CfnTrail;
        expect(cfn.isOrganizationTrail ?? false).toBe(input.isOrganizationTrail ?? false);
      }),
      {
        numRuns: 120,
        seed: 20261124,
        // Found by this property, and kept: a retention CloudWatch Logs does not offer, 251 data resources,
        // a name CloudTrail refuses, the archive watching itself.
        examples: [
          [{ ...BASE, logRetention: 730 }],
          [{ ...BASE, bucketCount: 251 }],
          [{ ...BASE, trailName: 'county--trail' }],
          [{ ...BASE, trailName: '192.168.5.4' }],
          [{ ...BASE, sharedArchive: true, archiveAsRecords: true }],
        ],
      },
    );
    tally.expectBothBranches(15);
  });

  test('a token log retention is refused', () => {
    const { stack } = propertyStack();
    expectValidationError(() => new ElectionAuditTrail(stack, 'Trail', { logRetention: Lazy.number({ produce: () => 731 }) as logs.RetentionDays }), {
      code: ValidationErrorCode.TOKEN_NOT_ALLOWED, prop: 'logRetention', message: "ElectionAuditTrail 'Test/Trail': logRetention is a token",
    });
  });
});
