import { App, Duration, Lazy, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import * as api from '../lib';
import { ElectionErrors, ElectionValidationError, ValidationErrorCode } from '../lib/validation-error';
import { pendingConstruct, tokenOr, validationError } from '../constructs/defaults/validate';
import { ElectionRecordsBucket } from '../constructs/election-records-bucket';
import { expectValidationError } from './helpers/validation-error';

const FIELDS = {
  code: ValidationErrorCode.OUTSIDE_BASELINE_BOUND,
  constructPath: 'County/Records',
  constructType: 'ElectionRecordsBucket',
  prop: 'retention',
  value: 'is 30 days',
  allowed: 'election records must be kept at least 672 days',
};

describe('ElectionValidationError', () => {
  test('keeps the message shape and carries each part as a field', () => {
    const error = new ElectionValidationError(FIELDS);
    expect(error.message).toBe("ElectionRecordsBucket 'County/Records': retention is 30 days; election records must be kept at least 672 days");
    expect(error).toMatchObject(FIELDS);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ElectionValidationError');
  });

  test('every code is its own name, so a program in any language compares the same string', () => {
    for (const [name, value] of Object.entries(ValidationErrorCode)) expect(value).toBe(name);
  });
});

describe('ElectionErrors.isValidationError', () => {
  test('recognizes this library\'s errors and nothing else', () => {
    expect(ElectionErrors.isValidationError(new ElectionValidationError(FIELDS))).toBe(true);
    for (const other of [new Error(new ElectionValidationError(FIELDS).message), { ...FIELDS }, 'ElectionValidationError', null, undefined, 0]) {
      expect(ElectionErrors.isValidationError(other)).toBe(false);
    }
  });

  test('recognizes an error of a second copy of the library, which instanceof does not', () => {
    let Copy: typeof ElectionValidationError | undefined;
    jest.isolateModules(() => {
      Copy = (jest.requireActual('../lib/validation-error') as { ElectionValidationError: typeof ElectionValidationError }).ElectionValidationError;
    });
    const error = new Copy!(FIELDS);
    expect(Copy).not.toBe(ElectionValidationError);
    expect(error).not.toBeInstanceOf(ElectionValidationError);
    expect(ElectionErrors.isValidationError(error)).toBe(true);
  });

  test('the package exports the class, the codes and the check', () => {
    expect(api.ElectionValidationError).toBe(ElectionValidationError);
    expect(api.ValidationErrorCode).toBe(ValidationErrorCode);
    expect(api.ElectionErrors.isValidationError).toBe(ElectionErrors.isValidationError);
  });
});

describe('validationError reads the construct it is given', () => {
  class CountyWidget extends Construct {}

  test('its own path and class, not a name written by hand', () => {
    const widget = new CountyWidget(new Stack(new App(), 'County'), 'Widget');
    const error = validationError(widget, ValidationErrorCode.INVALID_VALUE, 'color', "is 'plaid'", 'allowed are red and blue');
    expect(error).toMatchObject({ constructType: 'CountyWidget', constructPath: 'County/Widget', prop: 'color', value: "is 'plaid'" });
    expect(error.message).toBe("CountyWidget 'County/Widget': color is 'plaid'; allowed are red and blue");
  });

  test('a construct not built yet by the path it will have and the class new.target names', () => {
    const app = new App();
    expect(pendingConstruct(new Stack(app, 'County'), 'Records', ElectionRecordsBucket)).toEqual({ path: 'County/Records', type: 'ElectionRecordsBucket' });
    expect(pendingConstruct(app, 'Records', ElectionRecordsBucket).path).toBe('Records');
  });

  test('a check inherited from SecureBucket names the subclass', () => {
    const stack = new Stack(new App(), 'County');
    expectValidationError(() => new ElectionRecordsBucket(stack, 'Records', { removalPolicy: RemovalPolicy.DESTROY }), {
      code: ValidationErrorCode.WEAKENS_BASELINE, prop: 'removalPolicy', constructType: 'ElectionRecordsBucket', constructPath: 'County/Records',
    });
  });

  test("an agency's own subclass names itself, also in the checks made before super()", () => {
    class CountyRecords extends ElectionRecordsBucket {}
    const stack = new Stack(new App(), 'County');
    expectValidationError(() => new CountyRecords(stack, 'Records', { retention: Duration.days(30) }), {
      code: ValidationErrorCode.OUTSIDE_BASELINE_BOUND, prop: 'retention', constructType: 'CountyRecords', constructPath: 'County/Records',
      message: "CountyRecords 'County/Records': retention is 30 days; election records must be kept at least",
    });
  });

  test('tokenOr tells a token from a bad literal', () => {
    expect(tokenOr(Lazy.string({ produce: () => 'x' }), ValidationErrorCode.INVALID_VALUE)).toBe(ValidationErrorCode.TOKEN_NOT_ALLOWED);
    expect(tokenOr('x', ValidationErrorCode.INVALID_VALUE)).toBe(ValidationErrorCode.INVALID_VALUE);
  });
});
