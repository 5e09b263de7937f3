import { ACCOUNT_ID, ORGANIZATION_ID, ORGANIZATION_ID_OR_PATH } from '../../lib/baseline/account-id';

// The constructs refuse, and the rules read, accounts and organizations with these patterns.
test.each([
  ['o-a1b2c3d4e5', true, true],
  [`o-${'a'.repeat(32)}`, true, true],
  ['o-a1b2c3d4e5/r-ab12/ou-ab12-cd34ef56/', false, true],
  ['o-a1b2c3d4e5/', false, true],
  ['o-abc', false, false],
  [`o-${'a'.repeat(33)}`, false, false],
  ['O-A1B2C3D4E5', false, false],
  ['o-*', false, false],
  ['o-a1b2c3d4e5x/r-ab12', false, true],
  ['r-ab12', false, false],
])('%s: organization id %s, id or path %s', (text, id, idOrPath) => {
  expect(ORGANIZATION_ID.test(text)).toBe(id);
  expect(ORGANIZATION_ID_OR_PATH.test(text)).toBe(idOrPath);
});

test.each([['111122223333', true], ['11112222333', false], ['1111222233334', false], ['<AWS::AccountId>', false]])(
  'account id %s: %s', (text, expected) => {
    expect(ACCOUNT_ID.test(text)).toBe(expected);
  });
