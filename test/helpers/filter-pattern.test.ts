import { matchesFilterPattern } from './filter-pattern';

const login = {
  eventName: 'ConsoleLogin',
  errorCode: 'Client.UnauthorizedOperation',
  userIdentity: { type: 'IAMUser', userName: 'vendor' },
  additionalEventData: { MFAUsed: 'No' },
  items: [{ id: 'first' }, { id: 'second' }],
  nothing: null,
};

describe('the CloudWatch Logs filter-pattern evaluator used by the alarm tests', () => {
  test.each([
    ['{ $.eventName = "ConsoleLogin" }', true],
    ['{ $.eventName = ConsoleLogin }', true],
    ['{ $.eventName = "Console" }', false],
    ['{ $.userIdentity.type = "IAMUser" }', true],
    ['{ $.items[1].id = "second" }', true],
  ])('equality: %s is %s', (pattern, expected) => {
    expect(matchesFilterPattern(pattern, login)).toBe(expected);
  });

  test.each([
    ['{ $.errorCode = "*UnauthorizedOperation" }', true],
    ['{ $.errorCode = "Client.*" }', true],
    ['{ $.errorCode = "*Unauthorized*" }', true],
    // A wildcard anchors at the other end: a suffix pattern does not match text that continues past it.
    ['{ $.errorCode = "*Unauthorized" }', false],
    ['{ $.errorCode = "Unauthorized*" }', false],
    ['{ $.errorCode = "*" }', true],
    ['{ $.missing = "*" }', false],
  ])('wildcards: %s is %s', (pattern, expected) => {
    expect(matchesFilterPattern(pattern, login)).toBe(expected);
  });

  test.each([
    ['{ $.additionalEventData.MFAUsed != "Yes" }', true],
    ['{ $.additionalEventData.MFAUsed != "No" }', false],
    // != on a field the event lacks does not match (DataBiosphere/azul#5884): a negation is not "anything but".
    ['{ $.userIdentity.invokedBy != "cloudfront.amazonaws.com" }', false],
    ['{ $.userIdentity.invokedBy NOT EXISTS }', true],
    ['{ $.userIdentity.type NOT EXISTS }', false],
    ['{ $.nothing IS NULL }', true],
    ['{ $.nothing NOT EXISTS }', false],
  ])('negation and existence: %s is %s', (pattern, expected) => {
    expect(matchesFilterPattern(pattern, login)).toBe(expected);
  });

  test.each([
    ['{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed = "Yes") }', false],
    ['{ ($.eventName = "ConsoleLogin") || ($.additionalEventData.MFAUsed = "Yes") }', true],
    ['{ (($.eventName = "X") || ($.eventName = "ConsoleLogin")) && ($.userIdentity.type = "IAMUser") }', true],
    ['{ ($.eventName = "X") || (($.eventName = "ConsoleLogin") && ($.userIdentity.type = "Root")) }', false],
  ])('grouping: %s is %s', (pattern, expected) => {
    expect(matchesFilterPattern(pattern, login)).toBe(expected);
  });

  test.each([
    ['{ $.a = "x" || $.b = "y" && $.c = "z" }', 'mixed without parentheses'],
    ['{ $.a = "x*y" }', "'*' inside a value"],
    ['{ $.latency > 100 }', 'unsupported operator'],
    ['{ $.message = %error% }', 'regex and numeric'],
    ['$.eventName = "X"', "expected '{'"],
    ['{ eventName = "X" }', 'selector'],
  ])('refuses what it cannot judge faithfully: %s', (pattern, message) => {
    expect(() => matchesFilterPattern(pattern, login)).toThrow(message);
  });
});
