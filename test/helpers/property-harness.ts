import { App, Duration, Lazy, Stack } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { ElectionValidationError } from '../../lib/validation-error';
import { packViolations, Violation } from './pack-harness';

/**
 * Shared pieces of the bad-input property tests (issue 6): each generated
 * input either throws a clear error naming the construct, the prop and what is
 * allowed, or synthesizes to a stack the pack passes. Nothing in between.
 */

/** Which constructs may speak for an input: the one built, and any it delegates a prop to unchanged. */
export interface Speaker {
  /** Class name the error names, e.g. `ElectionAuditTrail`. */
  readonly construct: string;
  /** Construct path, e.g. `Test/Trail`. */
  readonly path: string;
}

export interface Expectation {
  /** Who may throw: the construct under test first. */
  readonly speakers: readonly Speaker[];
  /** The prop names an error may name (nested ones as written, e.g. `apiThrottling.burstLimit`). */
  readonly props: readonly string[];
}

/** How the generated inputs fell: both branches must be exercised, or the property says nothing. */
export class Tally {
  public built = 0;
  public rejected = 0;
  public readonly messages = new Set<string>();

  public expectBothBranches(minEach: number): void {
    expect(this.built).toBeGreaterThanOrEqual(minEach);
    expect(this.rejected).toBeGreaterThanOrEqual(minEach);
  }
}

/** A new app and stack; `region` pins the stack's env (edge constructs need us-east-1). */
export function propertyStack(region?: string): { app: App; stack: Stack } {
  const app = new App();
  return { app, stack: new Stack(app, 'Test', region ? { env: { region } } : undefined) };
}

/**
 * Throws (failing the property with a readable counterexample) unless `error`
 * is an ElectionValidationError reading `<Construct> '<path>': <prop> <what was given>; <what is allowed>`,
 * whose fields name the same construct and prop.
 */
export function expectClearPropError(error: unknown, expectation: Expectation): void {
  if (!(error instanceof ElectionValidationError)) {
    const kind = error instanceof Error ? error.constructor.name : typeof error;
    throw new Error(`unexplained ${kind}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const message = error.message;
  const speaker = expectation.speakers.find((s) => message.startsWith(`${s.construct} '${s.path}': `));
  if (!speaker) throw new Error(`error does not name the construct and path: ${message}`);
  const rest = message.slice(`${speaker.construct} '${speaker.path}': `.length);
  const prop = expectation.props.find((p) => rest.startsWith(`${p} `) || rest.startsWith(`${p}[`));
  if (!prop) throw new Error(`error does not name a prop first: ${message}`);
  if (error.constructType !== speaker.construct || error.constructPath !== speaker.path || !error.prop.startsWith(prop)) {
    throw new Error(`error fields (${error.constructType}, ${error.constructPath}, ${error.prop}) differ from its message: ${message}`);
  }
  if (!/; \S/.test(rest)) throw new Error(`error does not say what is allowed: ${message}`);
  // A token printed as its encoding (a string marker, or the huge negative double CDK encodes numbers as) tells the caller nothing.
  if (/\$\{Token\[|-1\.888\d*e\+289/.test(message)) throw new Error(`error prints a token's encoding, not 'is a token': ${message}`);
}

/**
 * Builds, synthesizes the whole app (construct validations run there too) and
 * runs the pack. Returns the violations of a synthesized stack, or undefined when
 * the input was rejected with a clear error.
 */
export function buildOrReject(app: App, stack: Stack, expectation: Expectation, tally: Tally, build: () => void): Violation[] | undefined {
  try {
    build();
    app.synth();
  } catch (error) {
    expectClearPropError(error, expectation);
    tally.rejected++;
    tally.messages.add((error as Error).message.split(';')[0]);
    return undefined;
  }
  tally.built++;
  return packViolations(stack);
}

/** A string that is a token standing for a value known only at deploy time. */
export function tokenString(value = 'deploy-time-value'): string {
  return Lazy.string({ produce: () => value });
}

/** Strings a careless or hostile caller might pass. */
export const oddString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('', ' ', '\t', 'line\nbreak', '__proto__', 'constructor', 'é', 'résultats', '日本語', '🗳️', '../..', '*', 'a'.repeat(300), 'x'.repeat(5000)),
  fc.constant(null).map(() => tokenString()),
);

/**
 * Durations around whole-day limits: exactly each limit and a day either side,
 * the same in hours and minutes, fractional days, sub-day units and tokens.
 */
export function durationsAroundDays(limits: readonly number[]): fc.Arbitrary<Duration> {
  const near = fc.tuple(fc.constantFrom(...limits), fc.integer({ min: -2, max: 2 })).map(([limit, delta]) => Math.max(0, limit + delta));
  return fc.oneof(
    { arbitrary: near.map((d) => Duration.days(d)), weight: 4 },
    { arbitrary: near.map((d) => Duration.hours(d * 24)), weight: 1 },
    { arbitrary: near.map((d) => Duration.minutes(d * 24 * 60)), weight: 1 },
    { arbitrary: near.map((d) => Duration.days(d + 0.5)), weight: 1 },
    { arbitrary: fc.integer({ min: 1, max: 100_000 }).map((h) => Duration.hours(h)), weight: 1 },
    { arbitrary: fc.integer({ min: 1, max: 10_000_000 }).map((s) => Duration.seconds(s)), weight: 1 },
    { arbitrary: fc.constant(null).map(() => Duration.days(Lazy.number({ produce: () => limits[0] }))), weight: 1 },
  );
}

/** Numbers around limits (each limit, ±1, ±0.5), plus the odd ones: 0, negatives, NaN, infinities, tokens. */
export function numbersAround(limits: readonly number[]): fc.Arbitrary<number> {
  return fc.oneof(
    { arbitrary: fc.tuple(fc.constantFrom(...limits), fc.constantFrom(-1, -0.5, 0, 0.5, 1)).map(([l, d]) => l + d), weight: 5 },
    { arbitrary: fc.constantFrom(0, -1, -0, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER, 1e-9), weight: 2 },
    { arbitrary: fc.constant(null).map(() => Lazy.number({ produce: () => limits[0] })), weight: 1 },
  );
}

/** Valid values four times in five, so that inputs with several props still often build. */
export function mostly<T>(valid: fc.Arbitrary<T>, any: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: any, weight: 1 });
}

/** The prop is left out `absentWeight` times for each time it is set: many set props rarely all build. */
export function sometimes<T>(arbitrary: fc.Arbitrary<T>, absentWeight = 2): fc.Arbitrary<T | undefined> {
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: absentWeight }, { arbitrary, weight: 1 });
}

/** Strings passed where an enum (or another type) is expected, as an untyped caller would. */
export function mistyped<T>(...values: string[]): fc.Arbitrary<T> {
  return fc.constantFrom(...values) as unknown as fc.Arbitrary<T>;
}
