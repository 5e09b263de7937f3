import { NagRuleCompliance } from 'cdk-nag';
import * as logs from 'aws-cdk-lib/aws-logs';
import { LogGroupRetention as rule } from '../../../lib/rules/logs/LogGroupRetention';
import { compliantTrailTemplate, editing } from '../../helpers/logging-fixtures';
import { newStack, pathsViolating } from '../../helpers/pack-harness';
import { judge } from '../../helpers/template-fixtures';

function withRetention(value: unknown) {
  return editing(compliantTrailTemplate(), 'LogGroup', (p) => {
    if (value === undefined) delete p.RetentionInDays;
    else p.RetentionInDays = value;
  });
}

describe('LogGroupRetention', () => {
  test.each([[365], [731], ['400'], [3653]])('compliant: %p days', (days) => {
    expect(judge(rule, withRetention(days), 'LogGroup')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('compliant: no retention means events never expire', () => {
    expect(judge(rule, withRetention(undefined), 'LogGroup')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([[1], [30], [364], ['90']])('non-compliant: %p days', (days) => {
    expect(judge(rule, withRetention(days), 'LogGroup')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the archive bucket', () => {
    expect(judge(rule, compliantTrailTemplate(), 'Bucket')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: retention from a parameter or Fn::If fails closed', () => {
    expect(judge(rule, withRetention({ Ref: 'RetentionDays' }), 'LogGroup')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, withRetention({ 'Fn::If': ['Prod', 731, 7] }), 'LogGroup')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('through the pack: one week fails, infinite passes', () => {
    const { stack } = newStack();
    const week = new logs.LogGroup(stack, 'Week', { retention: logs.RetentionDays.ONE_WEEK });
    const forever = new logs.LogGroup(stack, 'Forever', { retention: logs.RetentionDays.INFINITE });
    const paths = pathsViolating(stack, 'LogGroupRetention');
    expect(paths).toContain(`${week.node.path}/Resource`);
    expect(paths).not.toContain(`${forever.node.path}/Resource`);
  });
});
