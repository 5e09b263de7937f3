import { NagRuleCompliance } from 'cdk-nag';
import { WafLoggingUnfiltered as rule } from '../../../lib/rules/wafv2/WafLoggingUnfiltered';
import { webAclTemplate, withProps } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

const withFilter = (filter: unknown) => withProps(webAclTemplate(), 'WafLogging', (p) => { p.LoggingFilter = filter; });
const action = (a: unknown) => ({ ActionCondition: { Action: a } });
const label = (name: unknown) => ({ LabelNameCondition: { LabelName: name } });
const filter = (behavior: unknown, requirement: unknown, ...conditions: unknown[]) => ({ Behavior: behavior, Requirement: requirement, Conditions: conditions });
const EVIDENCE = ['BLOCK', 'CAPTCHA', 'CHALLENGE', 'COUNT', 'EXCLUDED_AS_COUNT'];
const KEEP_EVIDENCE = filter('KEEP', 'MEETS_ANY', ...EVIDENCE.map(action));

describe('WafLoggingUnfiltered', () => {
  test.each([
    ['no LoggingFilter (the fixture, as ElectionWebAcl renders it)', webAclTemplate()],
    ['DefaultBehavior KEEP with KEEP filters only', withFilter({ DefaultBehavior: 'KEEP', Filters: [filter('KEEP', 'MEETS_ANY', label('awswaf:managed:aws:bot-control:bot:verified'))] })],
    ['dropping ALLOW records for cost', withFilter({ DefaultBehavior: 'KEEP', Filters: [filter('DROP', 'MEETS_ANY', action('ALLOW'))] })],
    ['dropping ALLOW records that carry a verified-bot label', withFilter({
      DefaultBehavior: 'KEEP', Filters: [filter('DROP', 'MEETS_ALL', action('ALLOW'), label('awswaf:managed:aws:bot-control:bot:verified'))],
    })],
    ['DefaultBehavior DROP keeping every blocked, challenged and counted record', withFilter({ DefaultBehavior: 'DROP', Filters: [KEEP_EVIDENCE] })],
    ['DefaultBehavior DROP keeping each action by its own MEETS_ALL filter', withFilter({
      DefaultBehavior: 'DROP', Filters: EVIDENCE.map((a) => filter('KEEP', 'MEETS_ALL', action(a))),
    })],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'WafLogging')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['DefaultBehavior DROP keeping only a label no rule applies (red team)', withFilter({ DefaultBehavior: 'DROP', Filters: [filter('KEEP', 'MEETS_ANY', label('never'))] })],
    ['DefaultBehavior DROP keeping BLOCK only (challenged and counted records lost)', withFilter({ DefaultBehavior: 'DROP', Filters: [filter('KEEP', 'MEETS_ANY', action('BLOCK'))] })],
    ['DefaultBehavior DROP keeping BLOCK only when labelled', withFilter({
      DefaultBehavior: 'DROP',
      Filters: [filter('KEEP', 'MEETS_ALL', action('BLOCK'), label('x')), filter('KEEP', 'MEETS_ANY', ...EVIDENCE.filter((a) => a !== 'BLOCK').map(action))],
    })],
    ['a DROP filter on BLOCK records', withFilter({ DefaultBehavior: 'KEEP', Filters: [filter('DROP', 'MEETS_ANY', action('BLOCK'))] })],
    ['a DROP filter on COUNT records', withFilter({ DefaultBehavior: 'KEEP', Filters: [filter('DROP', 'MEETS_ALL', action('COUNT'))] })],
    ['a DROP filter on CAPTCHA or ALLOW', withFilter({ DefaultBehavior: 'KEEP', Filters: [filter('DROP', 'MEETS_ANY', action('ALLOW'), action('CAPTCHA'))] })],
    ['a DROP filter on a label (which blocked requests carry too)', withFilter({ DefaultBehavior: 'KEEP', Filters: [filter('DROP', 'MEETS_ANY', label('awswaf:managed:aws:sql-database:SQLi_Body'))] })],
    ['a DROP filter on ALLOW or a label', withFilter({ DefaultBehavior: 'KEEP', Filters: [filter('DROP', 'MEETS_ANY', action('ALLOW'), label('x'))] })],
    ['DefaultBehavior DROP with every evidence action kept, but a DROP filter on CHALLENGE', withFilter({
      DefaultBehavior: 'DROP', Filters: [filter('DROP', 'MEETS_ANY', action('CHALLENGE')), KEEP_EVIDENCE],
    })],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'WafLogging')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the web ACL', () => {
    expect(judge(rule, webAclTemplate(), 'WebAcl')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a filter from a parameter', withFilter({ Ref: 'Filter' })],
    ['a default behavior from a condition', withFilter({ DefaultBehavior: { 'Fn::If': ['x', 'KEEP', 'DROP'] }, Filters: [KEEP_EVIDENCE] })],
    ['a filter behavior from a parameter', withFilter({ DefaultBehavior: 'KEEP', Filters: [filter({ Ref: 'B' }, 'MEETS_ANY', action('ALLOW'))] })],
    ['a condition action from a parameter', withFilter({ DefaultBehavior: 'KEEP', Filters: [filter('DROP', 'MEETS_ANY', action({ Ref: 'A' }))] })],
    ['an unknown action', withFilter({ DefaultBehavior: 'KEEP', Filters: [filter('DROP', 'MEETS_ANY', action('DENY'))] })],
    ['filters from a condition', withFilter({ DefaultBehavior: 'KEEP', Filters: { 'Fn::If': ['x', [], []] } })],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'WafLogging')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
