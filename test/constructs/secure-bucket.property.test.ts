import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { SecureBucket, SecureBucketProps } from '../../constructs/secure-bucket';
import { DataClass } from '../../lib/data-class';
import { newStack, packViolations } from '../helpers/pack-harness';

const PROP_NAMES = ['dataClass', 'removalPolicy', 'autoDeleteObjects', 'noncurrentVersionExpiration', 'objectLockRetention'];

const duration = fc.oneof(
  { arbitrary: fc.integer({ min: 672, max: 4000 }).map((d) => Duration.days(d)), weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 671 }).map((d) => Duration.days(d)), weight: 1 },
  { arbitrary: fc.integer({ min: 1, max: 100_000 }).map((h) => Duration.hours(h)), weight: 1 },
);

const props: fc.Arbitrary<SecureBucketProps> = fc.record(
  {
    dataClass: fc.oneof(fc.constantFrom(...Object.values(DataClass)), fc.string({ maxLength: 12 }) as fc.Arbitrary<DataClass>),
    removalPolicy: fc.constantFrom(RemovalPolicy.RETAIN, RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE, RemovalPolicy.RETAIN, RemovalPolicy.DESTROY, RemovalPolicy.SNAPSHOT),
    autoDeleteObjects: fc.constantFrom(false, false, false, true),
    noncurrentVersionExpiration: duration,
    objectLockRetention: duration,
  },
  { requiredKeys: ['dataClass'] },
);

describe('SecureBucket over generated props', () => {
  test('every input either throws an error naming a prop, or yields a template the pack passes', () => {
    let built = 0;
    let rejected = 0;
    fc.assert(
      fc.property(props, (input) => {
        const { stack } = newStack();
        try {
          new SecureBucket(stack, 'Data', input);
        } catch (error) {
          const message = (error as Error).message;
          expect(message).toMatch(/^SecureBucket 'Test\/Data': /);
          expect(PROP_NAMES.some((prop) => message.includes(`: ${prop} `))).toBe(true);
          rejected++;
          return;
        }
        expect(packViolations(stack)).toEqual([]);
        built++;
      }),
      { numRuns: 300, seed: 20261124 },
    );
    // Both branches must really be exercised, or the property says nothing.
    expect(built).toBeGreaterThan(20);
    expect(rejected).toBeGreaterThan(20);
  });
});
