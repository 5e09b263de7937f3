import { Stack, Token } from 'aws-cdk-lib';
import { ElectionBaselineChecks } from '../../lib/election-baseline-checks';
import { accountIdProblem, accountOfEnvironment, isForeignAccount } from '../../lib/pack/accounts';
import { StackTemplate } from '../../lib/pack/template-model';

describe('the accounts a template may name', () => {
  const template = new StackTemplate([], { own: '111111111111', trusted: new Set(['222222222222']) });

  test('the own account and a trusted one are not foreign; any other is', () => {
    expect(isForeignAccount('111111111111', template)).toBe(false);
    expect(isForeignAccount('222222222222', template)).toBe(false);
    expect(isForeignAccount('999999999999', template)).toBe(true);
  });

  test('a template with no known account (env-agnostic, a bare file) trusts no literal', () => {
    expect(isForeignAccount('111111111111', new StackTemplate([]))).toBe(true);
  });

  test.each([
    ['aws://111111111111/us-east-1', '111111111111'],
    ['aws://unknown-account/us-east-1', undefined],
    ['aws://unknown-account/unknown-region', undefined],
    ['aws://12345/us-east-1', undefined],
    [undefined, undefined],
  ])("a cloud assembly environment '%s' names account %s", (environment, account) => {
    expect(accountOfEnvironment(environment)).toBe(account);
  });

  test.each([
    ['111111111111', undefined],
    ['12345', "'12345' is not an AWS account id"],
    ['1111-1111-1111', "'1111-1111-1111' is not an AWS account id"],
    [' 111111111111', "' 111111111111' is not an AWS account id"],
    [42, '42 is not an AWS account id'],
  ])('account id %p: %s', (value, problem) => {
    expect(accountIdProblem(value)).toBe(problem);
  });

  test('a token is refused: it cannot be checked at synth', () => {
    expect(accountIdProblem(new Stack().account)).toMatch(/is a token/);
    expect(accountIdProblem(Token.asString({ Ref: 'Account' }))).toMatch(/is a token/);
  });
});

describe('the pack option trustedAccountIds', () => {
  test('twelve-digit ids are accepted', () => {
    expect(() => new ElectionBaselineChecks(undefined, { trustedAccountIds: ['111111111111', '222222222222'] })).not.toThrow();
    expect(() => new ElectionBaselineChecks(undefined, { trustedAccountIds: [] })).not.toThrow();
  });

  test.each([
    [['111111111111', '12345'], "ElectionBaselineChecks: trustedAccountIds[1] '12345' is not an AWS account id; each must be the 12-digit id"],
    [['arn:aws:iam::111111111111:root'], "trustedAccountIds[0] 'arn:aws:iam::111111111111:root' is not an AWS account id"],
    [[new Stack().account], 'is a token, which cannot be checked at synth; each must be the 12-digit id'],
  ])('%p throws naming the prop, the value and what is allowed', (ids, message) => {
    expect(() => new ElectionBaselineChecks(undefined, { trustedAccountIds: ids })).toThrow(message);
  });

  test('a value that is not a list throws (a caller outside TypeScript)', () => {
    const props = { trustedAccountIds: '111111111111' } as unknown as { trustedAccountIds: string[] };
    expect(() => new ElectionBaselineChecks(undefined, props)).toThrow('trustedAccountIds is 111111111111; it must be a list of AWS account ids');
  });
});
