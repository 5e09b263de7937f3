import { Duration, RemovalPolicy, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ElectionValidationError, ValidationErrorCode } from '../../lib/validation-error';

/**
 * A construct checking its props before `super()`, when it has no node yet:
 * its path-to-be and its own class (`new.target`, so a subclass names itself).
 */
export interface PendingConstruct {
  readonly path: string;
  readonly type: string;
}

/** Whom an error names: a construct, or one about to be built. */
export type ErrorSubject = IConstruct | PendingConstruct;

/** The construct `new.target` is building as `id` under `scope`, for errors raised before `super()`. */
export function pendingConstruct(scope: IConstruct, id: string, type: { readonly name: string }): PendingConstruct {
  return { path: scope.node.path ? `${scope.node.path}/${id}` : id, type: type.name };
}

/**
 * Bad input gets an error that names the construct (its own path and class,
 * read here, never written by hand), the prop, the value given and what is
 * allowed; never a silently weaker template.
 */
export function validationError(subject: ErrorSubject, code: ValidationErrorCode, prop: string, given: string, allowed: string): ElectionValidationError {
  const [constructPath, constructType] = 'node' in subject ? [subject.node.path, subject.constructor.name] : [subject.path, subject.type];
  return new ElectionValidationError({ code, constructPath, constructType, prop, value: given, allowed });
}

/** TOKEN_NOT_ALLOWED when `value` is a token, else `otherwise`: a token cannot be checked at synth. */
export function tokenOr(value: unknown, otherwise: ValidationErrorCode): ValidationErrorCode {
  return Token.isUnresolved(value) ? ValidationErrorCode.TOKEN_NOT_ALLOWED : otherwise;
}

/** Whole days of a literal Duration; throws when it is a token or not whole days. */
export function wholeDays(subject: ErrorSubject, prop: string, value: Duration): number {
  let seconds: number;
  try {
    seconds = value.toSeconds();
  } catch {
    seconds = NaN;
  }
  if (Token.isUnresolved(seconds) || !Number.isFinite(seconds)) {
    throw validationError(subject, ValidationErrorCode.TOKEN_NOT_ALLOWED, prop, 'is a token', 'it must be a literal Duration so the baseline can be checked at synth');
  }
  const days = seconds / 86400;
  if (!Number.isInteger(days)) {
    throw validationError(subject, ValidationErrorCode.INVALID_VALUE, prop, `is ${value.toHumanString()}`, 'it must be a whole number of days');
  }
  return days;
}

/** Removal policies that keep the resource on stack delete. */
export function retainingRemovalPolicy(subject: ErrorSubject, policy: RemovalPolicy | undefined): RemovalPolicy {
  const value = policy ?? RemovalPolicy.RETAIN;
  if (value !== RemovalPolicy.RETAIN && value !== RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE) {
    throw validationError(
      subject,
      ValidationErrorCode.WEAKENS_BASELINE,
      'removalPolicy',
      `is ${String(value).toUpperCase()}`,
      'allowed are RETAIN and RETAIN_ON_UPDATE_OR_DELETE: election records and logs must survive a stack delete (52 U.S.C. 20701, NIST CP-9)',
    );
  }
  return value;
}

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const RESERVED_BUCKET_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const RESERVED_BUCKET_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

/**
 * A literal bucket name S3 accepts (general purpose bucket rules), checked at
 * synth so a typo fails with the prop named, not at deploy. Tokens pass through.
 */
export function checkedBucketName(subject: ErrorSubject, name: string | undefined): string | undefined {
  if (name === undefined || Token.isUnresolved(name)) return name;
  const valid = BUCKET_NAME.test(name) && !name.includes('..') && !/^\d+\.\d+\.\d+\.\d+$/.test(name)
    && !RESERVED_BUCKET_PREFIXES.some((p) => name.startsWith(p)) && !RESERVED_BUCKET_SUFFIXES.some((s) => name.endsWith(s));
  if (!valid) {
    throw validationError(subject, ValidationErrorCode.INVALID_VALUE, 'bucketName', `is '${name}'`,
      'give 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit, not an IP address, ' +
      `no '..', no prefix ${RESERVED_BUCKET_PREFIXES.join(', ')} and no suffix ${RESERVED_BUCKET_SUFFIXES.join(', ')}`);
  }
  return name;
}

/** A given value as an error shows it: quoted, or `a token` (its encoding would tell the caller nothing). */
export function shown(value: unknown): string {
  return Token.isUnresolved(value) ? 'a token' : `'${String(value)}'`;
}
