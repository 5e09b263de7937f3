import { waiverReasonProblem } from '../../lib/baseline/waiver-register';
import { waiverProblem } from '../../lib/audit/waiver-candidates';

describe('waiverReasonProblem: a reason an auditor can check', () => {
  test.each([
    'Scratch exports are regenerated nightly from the registration system of record',
    'Cost: county has no EKS clusters',
    'Vendor CDN fronts this bucket (ticket 4411)',
  ])('accepts %j', (reason) => {
    expect(waiverReasonProblem(reason)).toBeUndefined();
  });

  test.each([
    ['', 'the reason has 0 characters'],
    ['not needed', 'the reason has 10 characters'],
    ['\u200B'.repeat(40), 'the reason has 0 characters'],
    [`\u2066${'\u200D'.repeat(30)}ok\u2069`, 'the reason has 2 characters'],
    [`not${' '.repeat(30)}needed`, 'the reason has 10 characters'],
    ['.'.repeat(25), 'the reason has 0 words'],
    ['- - - - - - - - - - - - -', 'the reason has 0 words'],
    ['acknowledgedacknowledged', 'the reason has 1 words'],
    ['x y z 1 2 3 4 5 6 7 8 9 0 a b c', 'the reason has 0 words'],
  ])('refuses %j', (reason, problem) => {
    expect(waiverReasonProblem(reason)).toContain(problem);
  });

  test('the auditor CLI and the pack apply the same test', () => {
    expect(waiverProblem('AwsSolutions-S1', '\u200B'.repeat(20))).toBe(waiverReasonProblem('\u200B'.repeat(20)));
  });
});
