import { Duration, RemovalPolicy, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * Bad input gets an error that names the construct, the prop, the value
 * given and what is allowed; never a silently weaker template.
 */
export function propError(path: string, construct: string, prop: string, given: string, allowed: string): Error {
  return new Error(`${construct} '${path}': ${prop} ${given}; ${allowed}`);
}

/** Whole days of a literal Duration; throws when it is a token or not whole days. */
export function wholeDays(path: string, construct: string, prop: string, value: Duration): number {
  let seconds: number;
  try {
    seconds = value.toSeconds();
  } catch {
    seconds = NaN;
  }
  if (Token.isUnresolved(seconds) || !Number.isFinite(seconds)) {
    throw propError(path, construct, prop, 'is a token', 'it must be a literal Duration so the baseline can be checked at synth');
  }
  const days = seconds / 86400;
  if (!Number.isInteger(days)) {
    throw propError(path, construct, prop, `is ${value.toHumanString()}`, 'it must be a whole number of days');
  }
  return days;
}

/** Removal policies that keep the resource on stack delete. */
export function retainingRemovalPolicy(path: string, construct: string, policy: RemovalPolicy | undefined): RemovalPolicy {
  const value = policy ?? RemovalPolicy.RETAIN;
  if (value !== RemovalPolicy.RETAIN && value !== RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE) {
    throw propError(
      path,
      construct,
      'removalPolicy',
      `is ${String(value).toUpperCase()}`,
      'allowed are RETAIN and RETAIN_ON_UPDATE_OR_DELETE: election records and logs must survive a stack delete (52 U.S.C. 20701, NIST CP-9)',
    );
  }
  return value;
}

/** The path a construct will have, for errors raised before it exists. */
export function childPath(scope: IConstruct, id: string): string {
  return scope.node.path ? `${scope.node.path}/${id}` : id;
}

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const RESERVED_BUCKET_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const RESERVED_BUCKET_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

/**
 * A literal bucket name S3 accepts (general purpose bucket rules), checked at
 * synth so a typo fails with the prop named, not at deploy. Tokens pass through.
 */
export function checkedBucketName(path: string, construct: string, name: string | undefined): string | undefined {
  if (name === undefined || Token.isUnresolved(name)) return name;
  const valid = BUCKET_NAME.test(name) && !name.includes('..') && !/^\d+\.\d+\.\d+\.\d+$/.test(name)
    && !RESERVED_BUCKET_PREFIXES.some((p) => name.startsWith(p)) && !RESERVED_BUCKET_SUFFIXES.some((s) => name.endsWith(s));
  if (!valid) {
    throw propError(path, construct, 'bucketName', `is '${name}'`,
      'give 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit, not an IP address, ' +
      `no '..', no prefix ${RESERVED_BUCKET_PREFIXES.join(', ')} and no suffix ${RESERVED_BUCKET_SUFFIXES.join(', ')}`);
  }
  return name;
}

/** A given value as an error shows it: quoted, or `a token` (its encoding would tell the caller nothing). */
export function shown(value: unknown): string {
  return Token.isUnresolved(value) ? 'a token' : `'${String(value)}'`;
}
