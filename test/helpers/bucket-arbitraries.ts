import { RemovalPolicy } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { mostly, oddString } from './property-harness';

/** Every removal policy, the retaining ones more often. */
export const removalPolicies: fc.Arbitrary<RemovalPolicy> = fc.constantFrom(
  RemovalPolicy.RETAIN, RemovalPolicy.RETAIN, RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE, RemovalPolicy.DESTROY, RemovalPolicy.SNAPSHOT,
);

/** Bucket names S3 accepts, ones it refuses (case, length, IP form, prefixes, dots), and odd strings. */
export const bucketNames: fc.Arbitrary<string> = mostly(fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/), fc.oneof(
  fc.constantFrom(
    'aws-waf-logs-adams-county', 'election-records-2026', 'abc', 'a'.repeat(63),
    'ab', 'a'.repeat(64), 'Election-Records', 'records_2026', '192.168.5.4', 'xn--records', 'records-s3alias', 'records--ol-s3',
    'records..2026', '-records', 'records-', 'sthree-records', 'records.example.gov',
  ),
  oddString,
));
