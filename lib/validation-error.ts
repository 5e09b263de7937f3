/**
 * What kind of bad input a construct refused at synth, so a program (a
 * pipeline, a test, a wrapper library) can branch on it without parsing the
 * message.
 */
export enum ValidationErrorCode {
  /**
   * A required prop, or an entry a list needs, was not given (`is missing`,
   * `is empty`): the construct cannot build its baseline without it.
   */
  MISSING_VALUE = 'MISSING_VALUE',
  /**
   * A token (a value known only at deploy time) was given where the baseline
   * must read a literal at synth, such as a retention, a name or an account id.
   */
  TOKEN_NOT_ALLOWED = 'TOKEN_NOT_ALLOWED',
  /**
   * A number is on the weak side of a bound the baseline keeps: a retention
   * shorter than 22 months for election records (52 U.S.C. 20701) or one year
   * for audit logs (NIST AU-11), a rate or throttling limit above the ceiling
   * that still stops a flood.
   */
  OUTSIDE_BASELINE_BOUND = 'OUTSIDE_BASELINE_BOUND',
  /**
   * A value is over a limit of the AWS service, which would fail at deploy:
   * 100 years of Object Lock, CloudTrail's data resources per selector, the
   * length of a filter pattern or of a service control policy.
   */
  ABOVE_SERVICE_LIMIT = 'ABOVE_SERVICE_LIMIT',
  /**
   * Two props (or this construct and another in the same account and Region)
   * ask for things that cannot both hold: give one of them.
   */
  CONFLICTING_PROPS = 'CONFLICTING_PROPS',
  /**
   * A setting would weaken the baseline (plain HTTP, a stack delete that takes
   * records with it, a secret in plain text, a rule that lets traffic past the
   * protections) and the named opt-out that would report it as a waiver was
   * not used, or cannot be used for this data.
   */
  WEAKENS_BASELINE = 'WEAKENS_BASELINE',
  /**
   * The construct or a resource given to it is in the wrong place: a Region
   * other than us-east-1 for CloudFront, an account other than the
   * organization's management account, another Stage or stack, or a web ACL
   * of the other scope.
   */
  WRONG_PLACEMENT = 'WRONG_PLACEMENT',
  /**
   * A literal the service or the baseline does not accept: a malformed name,
   * id, address or URL, a value outside the allowed set, or a repeated entry.
   */
  INVALID_VALUE = 'INVALID_VALUE',
}

/** The parts of an ElectionValidationError. */
export interface ElectionValidationErrorProps {
  /** What kind of bad input it is. */
  readonly code: ValidationErrorCode;
  /** The construct path of the construct that refused the input, e.g. `County/Records`. */
  readonly constructPath: string;
  /** The class name of that construct, e.g. `ElectionRecordsBucket`. */
  readonly constructType: string;
  /** The prop at fault as the caller wrote it, nested ones dotted, e.g. `apiThrottling.burstLimit`. */
  readonly prop: string;
  /** What was given, as the message shows it, e.g. `is 30 days` or `is a token`. */
  readonly value: string;
  /** What is allowed instead, and why. */
  readonly allowed: string;
}

/** Marks the errors of this library, so a second copy of it in node_modules still recognizes them. */
const VALIDATION_ERROR_SYMBOL = Symbol.for('cdk-election-baseline.ElectionValidationError');

/**
 * Bad input refused at synth: the message reads
 * `<constructType> '<constructPath>': <prop> <value>; <allowed>`, and each part
 * is a field a program can read.
 *
 * Public to TypeScript, off the jsii surface (jsii cannot carry a subclass of
 * `Error`; aws-cdk-lib does the same): other languages catch their jsii
 * runtime's error, which carries the same message.
 *
 * @jsii ignore
 */
export class ElectionValidationError extends Error {
  /** What kind of bad input it is. */
  public readonly code: ValidationErrorCode;
  /** The construct path of the construct that refused the input. */
  public readonly constructPath: string;
  /** The class name of that construct. */
  public readonly constructType: string;
  /** The prop at fault. */
  public readonly prop: string;
  /** What was given, as the message shows it. */
  public readonly value: string;
  /** What is allowed instead, and why. */
  public readonly allowed: string;

  constructor(props: ElectionValidationErrorProps) {
    super(`${props.constructType} '${props.constructPath}': ${props.prop} ${props.value}; ${props.allowed}`);
    this.name = 'ElectionValidationError';
    this.code = props.code;
    this.constructPath = props.constructPath;
    this.constructType = props.constructType;
    this.prop = props.prop;
    this.value = props.value;
    this.allowed = props.allowed;
    Object.defineProperty(this, VALIDATION_ERROR_SYMBOL, { value: true });
  }
}

/**
 * Recognizes this library's validation errors in TypeScript and JavaScript,
 * also across two copies of the library where `instanceof` fails. In other
 * languages a jsii call surfaces the error as the host's own exception whose
 * message is the same text (`<Class> '<path>': <prop> <given>; <allowed>`).
 */
export class ElectionErrors {
  /** True when `x` is an ElectionValidationError, even one thrown by another copy of this library. */
  public static isValidationError(x: unknown): boolean {
    return x !== null && typeof x === 'object' && VALIDATION_ERROR_SYMBOL in x;
  }

  private constructor() {}
}
