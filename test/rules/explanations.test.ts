import { ELECTION_RULES } from '../../lib/rules';

/** What every report prints under a finding: short enough to read, whole sentences only. */
const MAX_EXPLANATION = 300;
const MAX_AVERAGE_EXPLANATION = 220;

/** A sentence ends with a full stop, which a closing parenthesis may follow. */
const WHOLE_SENTENCE = /\.\)?$/;

describe('rule explanations', () => {
  test(`every explanation is non-empty and at most ${MAX_EXPLANATION} characters`, () => {
    const tooLong = ELECTION_RULES.filter((rule) => rule.explanation.length > MAX_EXPLANATION).map((rule) => `${rule.name} (${rule.explanation.length})`);
    const empty = ELECTION_RULES.filter((rule) => rule.explanation.trim() === '').map((rule) => rule.name);
    expect(tooLong).toEqual([]);
    expect(empty).toEqual([]);
  });

  test(`the average explanation is at most ${MAX_AVERAGE_EXPLANATION} characters`, () => {
    const total = ELECTION_RULES.reduce((sum, rule) => sum + rule.explanation.length, 0);
    expect(total / ELECTION_RULES.length).toBeLessThanOrEqual(MAX_AVERAGE_EXPLANATION);
  });

  test('no explanation is cut mid-sentence or spread over lines', () => {
    const cut = ELECTION_RULES.filter((rule) => !/\.$/.test(rule.explanation) || /\n/.test(rule.explanation)).map((rule) => rule.name);
    expect(cut).toEqual([]);
  });

  test('a rationale, when a rule has one, is whole sentences and adds to the explanation', () => {
    const withRationale = ELECTION_RULES.filter((rule) => rule.rationale !== undefined);
    expect(withRationale.length).toBeGreaterThan(0);
    const bad = withRationale
      .filter((rule) => rule.rationale!.trim() === '' || !WHOLE_SENTENCE.test(rule.rationale!) || rule.rationale === rule.explanation)
      .map((rule) => rule.name);
    expect(bad).toEqual([]);
  });
});
