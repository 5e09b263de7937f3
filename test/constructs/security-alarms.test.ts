import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import { CIS_ALARM_PATTERNS, electionAlarmPatterns } from '../../lib/baseline/alarm-patterns';
import { ElectionAuditTrail } from '../../constructs/election-audit-trail';
import { ElectionRecordsBucket } from '../../constructs/election-records-bucket';
import { SecurityAlarms, SecurityAlarmsProps } from '../../constructs/security-alarms';
import { newStack, packViolations } from '../helpers/pack-harness';
import { expectValidationError } from '../helpers/validation-error';
import { ValidationErrorCode } from '../../lib/validation-error';

function alarmsStack(props: Partial<SecurityAlarmsProps> = {}) {
  const { app, stack } = newStack();
  const trail = new ElectionAuditTrail(stack, 'Trail');
  const alarms = new SecurityAlarms(stack, 'Alarms', { trail, ...props });
  return { app, stack, trail, alarms, template: Template.fromStack(stack) };
}

const ALL_NAMES = [...CIS_ALARM_PATTERNS, ...electionAlarmPatterns()].map((p) => p.name);

describe('SecurityAlarms', () => {
  const { stack, alarms, template } = alarmsStack({ emailSubscriptions: ['soc@county.example.gov'] });

  test('one metric filter on the trail log group and one alarm per pattern, each notifying the topic', () => {
    expect(Object.keys(alarms.alarms).sort()).toEqual([...ALL_NAMES].sort());
    expect(Object.keys(alarms.metricFilters).sort()).toEqual([...ALL_NAMES].sort());
    template.resourceCountIs('AWS::Logs::MetricFilter', ALL_NAMES.length);
    template.resourceCountIs('AWS::CloudWatch::Alarm', ALL_NAMES.length);
    const logGroupId = stack.getLogicalId(alarms.node.scope!.node.findChild('Trail').node.findChild('LogGroup').node.defaultChild as never);
    const topicId = stack.getLogicalId(alarms.topic.node.defaultChild as never);
    for (const filter of Object.values(template.findResources('AWS::Logs::MetricFilter'))) {
      expect(filter.Properties.LogGroupName).toEqual({ Ref: logGroupId });
      expect(filter.Properties.MetricTransformations).toEqual([
        { MetricNamespace: 'ElectionBaseline/CloudTrail', MetricName: expect.any(String), MetricValue: '1' },
      ]);
    }
    for (const alarm of Object.values(template.findResources('AWS::CloudWatch::Alarm'))) {
      expect(alarm.Properties).toMatchObject({
        Threshold: 1,
        EvaluationPeriods: 1,
        Period: 300,
        Statistic: 'Sum',
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
        AlarmActions: [{ Ref: topicId }],
      });
      expect(alarm.Properties.ActionsEnabled).not.toBe(false);
    }
  });

  test('the filter patterns in the template are the tested ones', () => {
    const rendered = Object.values(template.findResources('AWS::Logs::MetricFilter')).map((f) => f.Properties.FilterPattern);
    expect(rendered.sort()).toEqual([...CIS_ALARM_PATTERNS, ...electionAlarmPatterns()].map((p) => p.pattern).sort());
    const root = CIS_ALARM_PATTERNS.find((p) => p.name === 'RootAccountUsage')!.pattern;
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      FilterPattern: root,
      MetricTransformations: [Match.objectLike({ MetricName: 'RootAccountUsage' })],
    });
  });

  test('the topic is encrypted with a rotating key CloudWatch may use, and TLS-only', () => {
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('TopicKey'), 'Arn'] } });
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: ['cloudwatch.amazonaws.com', 'events.amazonaws.com'] },
            Action: ['kms:GenerateDataKey*', 'kms:Decrypt'],
          }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 'sns:Publish', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: 'sns:Publish' }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'soc@county.example.gov' });
  });

  test.each([
    ['ElectionBaseline', (s: Stack) => packViolations(s)],
    ['AwsSolutions', (s: Stack) => new AwsSolutionsChecks().validateScope(s).violations],
    ['NIST.800.53.R5', (s: Stack) => new NIST80053R5Checks().validateScope(s).violations],
  ])('passes %s', (_, violations) => {
    expect(violations(alarmsStack().stack)).toEqual([]);
  });
});

describe('SecurityAlarms weakened', () => {
  test('an alarm stripped of its action is rejected by the pack', () => {
    const { stack, alarms } = alarmsStack();
    (alarms.alarms.CloudTrailStopped.node.defaultChild as cloudwatch.CfnAlarm).alarmActions = [];
    expect(packViolations(stack)).toEqual([
      { ruleId: 'ElectionBaseline-CloudWatchAlarmHasAction', path: 'Test/Alarms/CloudTrailStoppedAlarm/Resource' },
    ]);
  });

  test('alarm actions switched off are rejected by the pack', () => {
    const { stack, alarms } = alarmsStack();
    (alarms.alarms.RootAccountUsage.node.defaultChild as cloudwatch.CfnAlarm).actionsEnabled = false;
    expect(packViolations(stack).map((v) => v.ruleId)).toEqual(['ElectionBaseline-CloudWatchAlarmHasAction']);
  });

  test('a topic without its key is rejected by the pack', () => {
    const { stack, alarms } = alarmsStack();
    (alarms.topic.node.defaultChild as sns.CfnTopic).kmsMasterKeyId = 'alias/aws/sns';
    expect(packViolations(stack).map((v) => v.ruleId)).toEqual(['ElectionBaseline-SnsTopicEncrypted']);
  });
});

describe('SecurityAlarms props', () => {
  test('records buckets narrow the records alarm to those buckets', () => {
    const { stack } = newStack();
    const records = new ElectionRecordsBucket(stack, 'Records');
    const trail = new ElectionAuditTrail(stack, 'Trail');
    new SecurityAlarms(stack, 'Alarms', { trail, recordsBuckets: [records.bucket] });
    const filter = Object.values(Template.fromStack(stack).findResources('AWS::Logs::MetricFilter'))
      .find((f) => f.Properties.MetricTransformations[0].MetricName === 'RecordsBucketProtectionChanges')!;
    expect(JSON.stringify(filter.Properties.FilterPattern)).toContain('$.requestParameters.bucketName = \\"');
    expect(JSON.stringify(filter.Properties.FilterPattern)).toContain(stack.getLogicalId(records.bucket.node.defaultChild as s3.CfnBucket));
  });

  test('a given topic is used and no topic is created', () => {
    const { stack } = newStack();
    const trail = new ElectionAuditTrail(stack, 'Trail');
    const topic = sns.Topic.fromTopicArn(stack, 'Soc', 'arn:aws:sns:us-east-1:111122223333:soc-alerts');
    const alarms = new SecurityAlarms(stack, 'Alarms', { trail, topic, httpsSubscriptions: ['https://events.pagerduty.example/integration/abc/enqueue'] });
    const template = Template.fromStack(stack);
    expect(alarms.topic).toBe(topic);
    template.resourceCountIs('AWS::SNS::Topic', 0);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmActions: ['arn:aws:sns:us-east-1:111122223333:soc-alerts'] });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'https', TopicArn: 'arn:aws:sns:us-east-1:111122223333:soc-alerts' });
  });

  test.each([
    [{ emailSubscriptions: ['soc.county.example.gov'] }, ValidationErrorCode.INVALID_VALUE, 'emailSubscriptions', "SecurityAlarms 'Test/Alarms': emailSubscriptions contains 'soc.county.example.gov'"],
    [{ emailSubscriptions: ['soc@county'] }, ValidationErrorCode.INVALID_VALUE, 'emailSubscriptions', "emailSubscriptions contains 'soc@county'"],
    [{ httpsSubscriptions: ['http://pager.example.gov/hook'] }, ValidationErrorCode.INVALID_VALUE, 'httpsSubscriptions', "httpsSubscriptions contains 'http://pager.example.gov/hook'; give https:// URLs"],
    [{ httpsSubscriptions: ['https://user:secret@pager.example.gov/hook'] }, ValidationErrorCode.INVALID_VALUE, 'httpsSubscriptions', 'no user name or password'],
    [{ httpsSubscriptions: ['not a url'] }, ValidationErrorCode.INVALID_VALUE, 'httpsSubscriptions', "httpsSubscriptions contains 'not a url'"],
    [{ metricNamespace: 'AWS/Logs' }, ValidationErrorCode.INVALID_VALUE, 'metricNamespace', "metricNamespace is 'AWS/Logs'"],
  ] as Array<[Partial<SecurityAlarmsProps>, ValidationErrorCode, string, string]>)('bad input %o is a clear error', (props, code, prop, message) => {
    expectValidationError(() => alarmsStack(props), { code, prop, message });
  });

  test('too many records buckets for one filter pattern is a clear error', () => {
    const { stack } = newStack();
    const trail = new ElectionAuditTrail(stack, 'Trail');
    const buckets = Array.from({ length: 8 }, (_, i) => new s3.Bucket(stack, `B${i}`));
    expectValidationError(() => new SecurityAlarms(stack, 'Alarms', { trail, recordsBuckets: buckets }), {
      code: ValidationErrorCode.ABOVE_SERVICE_LIMIT, prop: 'recordsBuckets', message: /recordsBuckets has 8 buckets; their filter pattern could reach 1100 characters, over the 1024/,
    });
    expect(() => new SecurityAlarms(stack, 'Alarms7', { trail, recordsBuckets: buckets.slice(0, 7) })).not.toThrow();
  });
});
