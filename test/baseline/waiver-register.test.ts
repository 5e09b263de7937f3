import { EXPIRING_WITHIN_DAYS, expiryProblem, isoDateProblem, todayUtc, waiverExpiry } from '../../lib/baseline/waiver-register';

describe('isoDateProblem: only a real calendar date YYYY-MM-DD', () => {
  test.each(['2026-11-03', '2028-02-29', '2027-12-31'])('accepts %s', (date) => {
    expect(isoDateProblem(date)).toBeUndefined();
  });

  test.each([
    ['2027-02-29', "'2027-02-29' is not a calendar date"],
    ['2027-04-31', "'2027-04-31' is not a calendar date"],
    ['2027-00-10', "'2027-00-10' is not a calendar date"],
    ['2027-1-10', "'2027-1-10' is not an ISO date YYYY-MM-DD"],
    [' 2027-01-10', "' 2027-01-10' is not an ISO date YYYY-MM-DD"],
    ['2027-01-10\n', "'2027-01-10\n' is not an ISO date YYYY-MM-DD"],
    [20270110, '20270110 is not an ISO date YYYY-MM-DD'],
  ])('refuses %j', (value, problem) => {
    expect(isoDateProblem(value)).toBe(problem);
  });
});

describe('waiverExpiry: a waiver holds through its expires day', () => {
  test.each([
    ['2026-11-02', 'expired'],
    ['2026-11-03', 'expiring'],
    ['2026-12-03', 'expiring'],
    ['2026-12-04', undefined],
    [undefined, undefined],
  ])('expires %s, judged on 2026-11-03: %s', (expires, expiry) => {
    expect(waiverExpiry(expires, '2026-11-03')).toBe(expiry);
  });

  test('the warning window is 30 days, across a leap day', () => {
    expect(EXPIRING_WITHIN_DAYS).toBe(30);
    expect(waiverExpiry('2028-03-30', '2028-02-29')).toBe('expiring');
    expect(waiverExpiry('2028-03-31', '2028-02-29')).toBeUndefined();
  });

  test('expiryProblem names the date for an expired waiver and the value for one that is not a date', () => {
    expect(expiryProblem('2026-10-31', '2026-11-03')).toBe('the waiver expired on 2026-10-31 (judged as of 2026-11-03): its findings are open');
    expect(expiryProblem('next June', '2026-11-03')).toBe("its expiry 'next June' is not an ISO date YYYY-MM-DD, so it holds nothing");
    expect(expiryProblem('2026-11-03', '2026-11-03')).toBeUndefined();
    expect(expiryProblem(undefined, '2026-11-03')).toBeUndefined();
  });
});

describe('todayUtc', () => {
  test('is the UTC day of SOURCE_DATE_EPOCH when set, else of now', () => {
    expect(todayUtc({ SOURCE_DATE_EPOCH: '1762387200' })).toBe('2025-11-06');
    expect(todayUtc({ SOURCE_DATE_EPOCH: '1762387199' })).toBe('2025-11-05');
    expect(todayUtc({})).toBe(new Date().toISOString().slice(0, 10));
  });
});
