import { ElectionValidationError, ValidationErrorCode } from '../../lib/validation-error';

/** What a refused input must carry; the message only where its words matter. */
export interface ExpectedValidationError {
  readonly code: ValidationErrorCode;
  /** The prop as the error names it; a pattern where the test does not know it exactly (a generated variable name). */
  readonly prop: string | RegExp;
  /** The class named, when the test is about which construct speaks (a subclass, a delegate). */
  readonly constructType?: string;
  /** The construct path named. */
  readonly constructPath?: string;
  /** Words of the message: a substring or a pattern. */
  readonly message?: string | RegExp;
}

/**
 * Runs `build`, which must throw an ElectionValidationError with `expected`'s
 * code and prop (and the other fields given); returns it for further checks.
 */
export function expectValidationError(build: () => unknown, expected: ExpectedValidationError): ElectionValidationError {
  let thrown: unknown;
  try {
    build();
  } catch (error) {
    thrown = error;
  }
  if (thrown === undefined) throw new Error(`expected an ElectionValidationError (${expected.code}, ${expected.prop}), but nothing was thrown`);
  if (!(thrown instanceof ElectionValidationError)) {
    throw new Error(`expected an ElectionValidationError (${expected.code}, ${expected.prop}), got ${String(thrown)}`);
  }
  const { message, prop, ...fields } = expected;
  expect({ code: thrown.code, prop: thrown.prop, constructType: thrown.constructType, constructPath: thrown.constructPath, message: thrown.message })
    .toMatchObject({ ...fields, prop: typeof prop === 'string' ? prop : expect.stringMatching(prop) });
  if (typeof message === 'string') expect(thrown.message).toContain(message);
  if (message instanceof RegExp) expect(thrown.message).toMatch(message);
  return thrown;
}
