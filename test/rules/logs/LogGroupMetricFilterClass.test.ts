import { NagRuleCompliance } from 'cdk-nag';
import { LogGroupMetricFilterClass as rule } from '../../../lib/rules/logs/LogGroupMetricFilterClass';
import { judge } from '../../helpers/template-fixtures';

const filter = (logGroupName: unknown) => ({
  Type: 'AWS::Logs::MetricFilter',
  Properties: {
    LogGroupName: logGroupName,
    FilterPattern: '{ ($.eventName = StopLogging) || ($.eventName = DeleteTrail) }',
    MetricTransformations: [{ MetricName: 'CloudTrailStopped', MetricNamespace: 'ElectionBaseline/CloudTrail', MetricValue: '1' }],
  },
});
const template = (groupProps: Record<string, unknown>, filterTarget: unknown = { Ref: 'TrailLogs' }) => ({
  TrailLogs: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: '/election/cloudtrail/trail', RetentionInDays: 731, ...groupProps } },
  Other: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupClass: 'INFREQUENT_ACCESS' } },
  StoppedFilter: filter(filterTarget),
});

describe('LogGroupMetricFilterClass', () => {
  test.each([
    ['class absent (STANDARD)', {}],
    ['class STANDARD', { LogGroupClass: 'STANDARD' }],
  ])('compliant: a filtered log group with %s', (_, props) => {
    expect(judge(rule, template(props), 'TrailLogs')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['INFREQUENT_ACCESS (red team)', { LogGroupClass: 'INFREQUENT_ACCESS' }, { Ref: 'TrailLogs' }],
    ['DELIVERY', { LogGroupClass: 'DELIVERY' }, { Ref: 'TrailLogs' }],
    ['INFREQUENT_ACCESS, filter naming the group literally', { LogGroupClass: 'INFREQUENT_ACCESS' }, '/election/cloudtrail/trail'],
  ])('non-compliant: %s', (_, props, target) => {
    expect(judge(rule, template(props, target), 'TrailLogs')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each([
    ['a log group no filter reads', 'Other'],
    ['the metric filter itself', 'StoppedFilter'],
  ])('not applicable: %s', (_, id) => {
    expect(judge(rule, template({}), id)).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: a class from a parameter fails closed', () => {
    expect(judge(rule, template({ LogGroupClass: { Ref: 'LogClass' } }), 'TrailLogs')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
