import { NagRuleCompliance } from 'cdk-nag';
import { CIS_ALARM_PATTERNS, electionAlarmPatterns } from '../../../lib/baseline/alarm-patterns';
import { CloudTrailAlarmSet as rule } from '../../../lib/rules/cloudwatch/CloudTrailAlarmSet';
import { Body, judge } from '../../helpers/template-fixtures';

const NAMESPACE = 'ElectionBaseline/CloudTrail';
const PATTERNS = [...CIS_ALARM_PATTERNS, ...electionAlarmPatterns(['county-records'])];

/** A trail delivering to a log group with the whole alarm set, as SecurityAlarms renders it. */
function alarmSet(): Record<string, Body> {
  const resources: Record<string, Body> = {
    LogGroup: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 731 } },
    Trail: {
      Type: 'AWS::CloudTrail::Trail',
      Properties: { IsLogging: true, S3BucketName: 'archive', CloudWatchLogsLogGroupArn: { 'Fn::GetAtt': ['LogGroup', 'Arn'] } },
    },
  };
  for (const p of PATTERNS) {
    resources[`${p.name}Filter`] = {
      Type: 'AWS::Logs::MetricFilter',
      Properties: {
        FilterPattern: p.pattern,
        LogGroupName: { Ref: 'LogGroup' },
        MetricTransformations: [{ MetricName: p.name, MetricNamespace: NAMESPACE, MetricValue: '1' }],
      },
    };
    resources[`${p.name}Alarm`] = {
      Type: 'AWS::CloudWatch::Alarm',
      Properties: {
        AlarmActions: [{ Ref: 'Topic' }],
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        EvaluationPeriods: 1,
        MetricName: p.name,
        Namespace: NAMESPACE,
        Period: 300,
        Statistic: 'Sum',
        Threshold: 1,
        TreatMissingData: 'notBreaching',
      },
    };
  }
  return resources;
}

/** The alarm set with one resource's properties edited. */
function edited(id: string, edit: (props: Record<string, unknown>) => void): Record<string, Body> {
  const resources = alarmSet();
  edit(resources[id].Properties!);
  return resources;
}

function without(...ids: string[]): Record<string, Body> {
  const resources = alarmSet();
  ids.forEach((id) => delete resources[id]);
  return resources;
}

describe('CloudTrailAlarmSet', () => {
  test.each([
    ['the whole set as SecurityAlarms renders it', alarmSet()],
    ['patterns with different white space', edited('RootAccountUsageFilter', (p) => (p.FilterPattern = `  ${String(p.FilterPattern).replace(/ /g, '   ')} `))],
    ['a records alarm naming buckets imported from another stack', edited('RecordsBucketProtectionChangesFilter', (p) => {
      const core = String(electionAlarmPatterns().find((x) => x.name === 'RecordsBucketProtectionChanges')!.pattern).slice(0, -2);
      p.FilterPattern = { 'Fn::Join': ['', [`${core} && (($.requestParameters.bucketName = "`, { 'Fn::ImportValue': 'Records' }, '")) }']] };
    })],
    ['an alarm with a threshold just above zero on >', edited('CloudTrailStoppedAlarm', (p) => Object.assign(p, { ComparisonOperator: 'GreaterThanThreshold', Threshold: 0 }))],
    ['a one-minute period', edited('CloudTrailStoppedAlarm', (p) => (p.Period = 60))],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'LogGroup')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['a CIS pattern edited so it never matches', edited('CloudTrailStoppedFilter', (p) => (p.FilterPattern = String(p.FilterPattern).replace('StopLogging', 'StopLoggingX')))],
    ['root usage matched on "root" instead of "Root"', edited('RootAccountUsageFilter', (p) => (p.FilterPattern = String(p.FilterPattern).replace('"Root"', '"root"')))],
    ['a filter and its alarm deleted', without('UnauthorizedApiCallsFilter', 'UnauthorizedApiCallsAlarm')],
    ['an alarm deleted', without('CloudTrailStoppedAlarm')],
    ['the records alarm deleted', without('RecordsBucketProtectionChangesFilter', 'RecordsBucketProtectionChangesAlarm')],
    ['a filter on another log group', edited('RecordsBucketProtectionChangesFilter', (p) => (p.LogGroupName = '/aws/empty'))],
    ['filter and alarm metric names that diverge', edited('KmsKeyDisabledOrScheduledDeletionFilter', (p) => ((p.MetricTransformations as Array<Record<string, unknown>>)[0].MetricName = 'Other'))],
    ['a filter that emits 0', edited('RootAccountUsageFilter', (p) => ((p.MetricTransformations as Array<Record<string, unknown>>)[0].MetricValue = '0'))],
    ['a threshold of a million', edited('RootAccountUsageAlarm', (p) => (p.Threshold = 1000000))],
    ['an inverted comparison', edited('CloudTrailStoppedAlarm', (p) => (p.ComparisonOperator = 'LessThanThreshold'))],
    ['100 evaluation periods', edited('CloudTrailStoppedAlarm', (p) => Object.assign(p, { EvaluationPeriods: 100, DatapointsToAlarm: 100 }))],
    ['a day-long period', edited('CloudTrailStoppedAlarm', (p) => (p.Period = 86400))],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'LogGroup')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each([
    ['the trail deleted', without('Trail')],
    ['the trail delivering elsewhere', edited('Trail', (p) => delete p.CloudWatchLogsLogGroupArn)],
  ])('non-compliant: the alarm set reads a log group no trail feeds (%s)', (_, t) => {
    expect(judge(rule, t, 'LogGroup')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each([
    ['an application log group with its own metric filter and no trail', {
      AppLogs: { Type: 'AWS::Logs::LogGroup', Properties: {} },
      Errors: { Type: 'AWS::Logs::MetricFilter', Properties: { FilterPattern: 'ERROR', LogGroupName: { Ref: 'AppLogs' }, MetricTransformations: [{ MetricName: 'Errors', MetricNamespace: 'App', MetricValue: '1' }] } },
    }, 'AppLogs'],
    ['a trail log group with no metric filters (alarms kept elsewhere)', Object.fromEntries(Object.entries(alarmSet()).filter(([, r]) => r.Type !== 'AWS::Logs::MetricFilter')), 'LogGroup'],
  ])('not applicable: %s', (_, t, id) => {
    expect(judge(rule, t as Record<string, Body>, id as string)).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('not applicable: the trail itself', () => {
    expect(judge(rule, alarmSet(), 'Trail')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a threshold from a parameter', edited('RootAccountUsageAlarm', (p) => (p.Threshold = { Ref: 'Threshold' }))],
    ['a pattern from a parameter', edited('RootAccountUsageFilter', (p) => (p.FilterPattern = { Ref: 'Pattern' }))],
    ['a comparison behind a condition', edited('RootAccountUsageAlarm', (p) => (p.ComparisonOperator = { 'Fn::If': ['C', 'GreaterThanOrEqualToThreshold', 'LessThanThreshold'] }))],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'LogGroup')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
