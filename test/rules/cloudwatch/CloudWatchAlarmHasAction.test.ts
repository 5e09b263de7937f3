import { NagRuleCompliance } from 'cdk-nag';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { CloudWatchAlarmHasAction as rule } from '../../../lib/rules/cloudwatch/CloudWatchAlarmHasAction';
import { compliantTopicTemplate } from '../../helpers/logging-fixtures';
import { newStack, pathsViolating } from '../../helpers/pack-harness';
import { Body, judge } from '../../helpers/template-fixtures';

function alarmTemplate(props: Record<string, unknown>): Record<string, Body> {
  return {
    ...compliantTopicTemplate(),
    Alarm: {
      Type: 'AWS::CloudWatch::Alarm',
      Properties: { MetricName: 'StopLogging', Namespace: 'Election/Security', Threshold: 1, EvaluationPeriods: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', ...props },
    },
  };
}

describe('CloudWatchAlarmHasAction', () => {
  test.each([
    ['a topic action', { AlarmActions: [{ Ref: 'Topic' }] }],
    ['a topic action with ActionsEnabled true', { AlarmActions: [{ Ref: 'Topic' }], ActionsEnabled: true }],
    ['a literal topic ARN', { AlarmActions: ['arn:aws:sns:us-east-1:111122223333:soc'] }],
  ])('compliant: %s', (_, props) => {
    expect(judge(rule, alarmTemplate(props), 'Alarm')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['no actions', {}],
    ['an empty action list', { AlarmActions: [] }],
    ['only OK actions', { OKActions: [{ Ref: 'Topic' }] }],
    ['actions disabled', { AlarmActions: [{ Ref: 'Topic' }], ActionsEnabled: false }],
    ['actions disabled as a string', { AlarmActions: [{ Ref: 'Topic' }], ActionsEnabled: 'false' }],
    ['the only action removed by AWS::NoValue', { AlarmActions: [{ Ref: 'AWS::NoValue' }] }],
    ['an action that is not an ARN', { AlarmActions: ['notify-the-soc'] }],
    ['the only action behind a condition', { AlarmActions: [{ 'Fn::If': ['Prod', { Ref: 'Topic' }, { Ref: 'AWS::NoValue' }] }] }],
  ])('non-compliant: %s', (_, props) => {
    expect(judge(rule, alarmTemplate(props), 'Alarm')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the topic', () => {
    expect(judge(rule, alarmTemplate({}), 'Topic')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: an action list or flag from a parameter or Fn::If fails closed', () => {
    expect(judge(rule, alarmTemplate({ AlarmActions: { Ref: 'Actions' } }), 'Alarm')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, alarmTemplate({ AlarmActions: { 'Fn::If': ['Prod', [{ Ref: 'Topic' }], []] } }), 'Alarm')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, alarmTemplate({ AlarmActions: [{ Ref: 'Topic' }], ActionsEnabled: { Ref: 'Enabled' } }), 'Alarm'))
      .toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('through the pack: an alarm with an SNS action passes, one without fails', () => {
    const { stack } = newStack();
    const metric = new cloudwatch.Metric({ namespace: 'Election/Security', metricName: 'StopLogging' });
    const heard = metric.createAlarm(stack, 'Heard', { threshold: 1, evaluationPeriods: 1 });
    heard.addAlarmAction(new actions.SnsAction(new sns.Topic(stack, 'Topic')));
    const unheard = metric.createAlarm(stack, 'Unheard', { threshold: 1, evaluationPeriods: 1 });
    const paths = pathsViolating(stack, 'CloudWatchAlarmHasAction');
    expect(paths).toContain(`${unheard.node.path}/Resource`);
    expect(paths).not.toContain(`${heard.node.path}/Resource`);
  });
});
