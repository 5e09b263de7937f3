import { NagRuleCompliance } from 'cdk-nag';
import { FindingsRouteEnabled as rule } from '../../../lib/rules/events/FindingsRouteEnabled';
import { judge } from '../../helpers/template-fixtures';

const target = { Arn: { Ref: 'Topic' }, Id: 'Target0' };
/** The GuardDuty route of SecurityMonitoring. */
const guardDutyPattern = { source: ['aws.guardduty'], 'detail-type': ['GuardDuty Finding'], detail: { severity: [{ numeric: ['>=', 7] }] } };
/** The Security Hub route of SecurityMonitoring. */
const securityHubPattern = (findings: Record<string, unknown> = {}) => ({
  source: ['aws.securityhub'],
  'detail-type': ['Security Hub Findings - Imported'],
  detail: {
    findings: {
      Severity: { Label: ['HIGH', 'CRITICAL'] },
      Workflow: { Status: ['NEW'] },
      RecordState: ['ACTIVE'],
      ProductName: [{ 'anything-but': ['GuardDuty'] }],
      ...findings,
    },
  },
});
/** The records-bucket change alert of ElectionResults. */
const bucketPattern = {
  source: ['aws.s3'],
  'detail-type': ['AWS API Call via CloudTrail'],
  detail: { eventSource: ['s3.amazonaws.com'], eventName: ['PutBucketPolicy'], requestParameters: { bucketName: [{ Ref: 'Bucket' }] } },
};
const route = (props: Record<string, unknown>, pattern: unknown = guardDutyPattern) => ({
  Topic: { Type: 'AWS::SNS::Topic', Properties: {} },
  Bucket: { Type: 'AWS::S3::Bucket', Properties: {} },
  Route: { Type: 'AWS::Events::Rule', Properties: { EventPattern: pattern, State: 'ENABLED', Targets: [target], ...props } },
});
const gdSeverity = (severity: unknown) => ({ ...guardDutyPattern, detail: { severity } });

describe('FindingsRouteEnabled', () => {
  test.each([
    ['the GuardDuty route of SecurityMonitoring', route({})],
    ['the Security Hub route of SecurityMonitoring, State absent', route({ State: undefined }, securityHubPattern())],
    ['a pattern written as a JSON string', route({ EventPattern: JSON.stringify({ source: ['aws.securityhub'] }) })],
    ['State ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS', route({ State: 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS' }, bucketPattern)],
    ['the records-bucket change alert', route({}, bucketPattern)],
    ['GuardDuty severity 4 and up', route({}, gdSeverity([{ numeric: ['>=', 4] }]))],
    ['GuardDuty severity > 6.9', route({}, gdSeverity([{ numeric: ['>', 6.9] }]))],
    ['GuardDuty without a severity filter', route({}, { source: ['aws.guardduty'], 'detail-type': ['GuardDuty Finding'] })],
    ['GuardDuty malware scan results (not findings)', route({}, { source: ['aws.guardduty'], 'detail-type': ['GuardDuty Malware Protection Object Scan Result'] })],
    ['Security Hub MEDIUM and up', route({}, securityHubPattern({ Severity: { Label: ['MEDIUM', 'HIGH', 'CRITICAL'] } }))],
    ['Security Hub anything but INFORMATIONAL', route({}, securityHubPattern({ Severity: { Label: [{ 'anything-but': ['INFORMATIONAL'] }] } }))],
    ['Security Hub without a workflow filter', route({}, securityHubPattern({ Workflow: undefined }))],
    ['Security Hub custom actions', route({}, { source: ['aws.securityhub'], 'detail-type': ['Security Hub Findings - Custom Action'] })],
    ['EventBusName default', route({ EventBusName: 'default' })],
    ['the default bus by ARN', route({ EventBusName: { 'Fn::Sub': 'arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/default' } })],
    [
      'an InputTransformer that uses the finding',
      route({ Targets: [{ ...target, InputTransformer: { InputPathsMap: { title: '$.detail.title' }, InputTemplate: '"GuardDuty: <title>"' } }] }),
    ],
    ['an InputPath', route({ Targets: [{ ...target, InputPath: '$.detail' }] })],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Route')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['the route DISABLED', route({ State: 'DISABLED' })],
    ['a Security Hub route DISABLED', route({ State: 'DISABLED' }, { source: ['aws.securityhub', 'aws.inspector'] })],
    ['no targets', route({ Targets: [] })],
    ['targets removed', route({ Targets: undefined })],
    ['the records-bucket change alert DISABLED (red team)', route({ State: 'DISABLED' }, bucketPattern)],
    ['the records-bucket change alert without targets (red team)', route({ Targets: [] }, bucketPattern)],
    ['a prefix source and DISABLED (red team)', route({ State: 'DISABLED' }, { ...guardDutyPattern, source: [{ prefix: 'aws.guardduty' }] })],
    ['GuardDuty severity >= 9 (red team)', route({}, gdSeverity([{ numeric: ['>=', 9] }]))],
    ['GuardDuty severity > 7 (misses 7.0)', route({}, gdSeverity([{ numeric: ['>', 7] }]))],
    ['GuardDuty severity 7 to 8 only', route({}, gdSeverity([{ numeric: ['>=', 7, '<', 8] }]))],
    ['GuardDuty detail-type misspelt (red team)', route({}, { ...guardDutyPattern, 'detail-type': ['GuardDuty Findings'] })],
    ['Security Hub Workflow.Status RESOLVED (red team)', route({}, securityHubPattern({ Workflow: { Status: ['RESOLVED'] } }))],
    ['Security Hub Severity INFORMATIONAL (red team)', route({}, securityHubPattern({ Severity: { Label: ['INFORMATIONAL'] } }))],
    ['Security Hub HIGH only', route({}, securityHubPattern({ Severity: { Label: ['HIGH'] } }))],
    ['Security Hub archived findings only', route({}, securityHubPattern({ RecordState: ['ARCHIVED'] }))],
    ['Security Hub detail-type misspelt', route({}, { ...securityHubPattern(), 'detail-type': ['Security Hub Finding - Imported'] })],
    ['a custom bus (red team)', route({ EventBusName: 'custom-bus' })],
    ['a constant InputTemplate (red team)', route({ Targets: [{ ...target, InputTransformer: { InputTemplate: '"all clear"' } }] })],
    [
      'an InputTemplate that names no mapped path',
      route({ Targets: [{ ...target, InputTransformer: { InputPathsMap: { title: '$.detail.title' }, InputTemplate: '"<nothing> happened"' } }] }),
    ],
    ['a constant Input', route({ Targets: [{ ...target, Input: '{"status":"all clear"}' }] })],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Route')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each([
    ['a schedule', route({ EventPattern: undefined, ScheduleExpression: 'rate(1 hour)', State: 'DISABLED' }), 'Route'],
    ['the topic', route({}), 'Topic'],
  ])('not applicable: %s', (_, t, id) => {
    expect(judge(rule, t, id)).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['State from a parameter', route({ State: { Ref: 'RouteState' } })],
    ['Targets from a condition', route({ Targets: [{ 'Fn::If': ['Soc', target, { Ref: 'AWS::NoValue' }] }] })],
    ['Targets of an S3 route from a parameter', route({ Targets: { Ref: 'Targets' } }, bucketPattern)],
    ['a severity threshold from a parameter', route({}, gdSeverity([{ numeric: ['>=', { Ref: 'Threshold' }] }]))],
    ['the bus from a parameter', route({ EventBusName: { Ref: 'Bus' } })],
    ['an InputTemplate from a condition', route({ Targets: [{ ...target, InputTransformer: { InputTemplate: { 'Fn::If': ['C', '"<aws.events.event>"', '"x"'] } } }] })],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'Route')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
