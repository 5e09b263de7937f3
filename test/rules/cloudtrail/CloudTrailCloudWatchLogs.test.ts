import { NagRuleCompliance } from 'cdk-nag';
import { CloudTrailCloudWatchLogs as rule } from '../../../lib/rules/cloudtrail/CloudTrailCloudWatchLogs';
import { compliantTrailTemplate } from '../../helpers/logging-fixtures';
import { judge } from '../../helpers/template-fixtures';

describe('CloudTrailCloudWatchLogs', () => {
  test('compliant: log group and role given', () => {
    expect(judge(rule, compliantTrailTemplate(), 'Trail')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('compliant: literal ARNs of a shared log group and role', () => {
    const t = compliantTrailTemplate({
      CloudWatchLogsLogGroupArn: 'arn:aws:logs:us-east-1:111122223333:log-group:org-trail:*',
      CloudWatchLogsRoleArn: 'arn:aws:iam::111122223333:role/CloudTrailToLogs',
    });
    expect(judge(rule, t, 'Trail')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['no log group', { CloudWatchLogsLogGroupArn: undefined }],
    ['no role', { CloudWatchLogsRoleArn: undefined }],
    ['neither', { CloudWatchLogsLogGroupArn: undefined, CloudWatchLogsRoleArn: undefined }],
    ['an empty log group ARN', { CloudWatchLogsLogGroupArn: '' }],
  ])('non-compliant: %s', (_, props) => {
    expect(judge(rule, compliantTrailTemplate(props), 'Trail')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the log group itself', () => {
    expect(judge(rule, compliantTrailTemplate(), 'LogGroup')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: a log group ARN chosen by Fn::If may be none, and fails closed', () => {
    const t = compliantTrailTemplate({ CloudWatchLogsLogGroupArn: { 'Fn::If': ['Prod', { 'Fn::GetAtt': ['LogGroup', 'Arn'] }, { Ref: 'AWS::NoValue' }] } });
    expect(judge(rule, t, 'Trail')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each([
    ['a parameter', { Ref: 'LogGroupArn' }],
    ['an import', { 'Fn::ImportValue': 'TrailLogGroupArn' }],
    ['a Join with a parameter in it', { 'Fn::Join': ['', ['arn:aws:logs:us-east-1:111122223333:log-group:', { Ref: 'GroupName' }, ':*']] }],
  ])('unresolvable: a role or group ARN from %s fails closed', (_, value) => {
    expect(judge(rule, compliantTrailTemplate({ CloudWatchLogsRoleArn: value }), 'Trail')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('compliant: an ARN joined from pseudo parameters and a resource, as CDK writes it', () => {
    const arn = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':log-group:', { Ref: 'LogGroup' }, ':*']] };
    expect(judge(rule, compliantTrailTemplate({ CloudWatchLogsLogGroupArn: arn }), 'Trail')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['a role where the log group should be', { CloudWatchLogsLogGroupArn: { 'Fn::GetAtt': ['LogsRole', 'Arn'] } }],
    ['a Sub whose name comes from a parameter', { CloudWatchLogsLogGroupArn: { 'Fn::Sub': 'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${GroupName}:*' } }],
    ['a Join that renders an empty group name', { CloudWatchLogsLogGroupArn: { 'Fn::Join': ['', ['arn:aws:logs:us-east-1:111122223333:log-group:', '', ':*']] } }],
    ['text that is not a log group ARN', { CloudWatchLogsLogGroupArn: 'audit-trail-logs' }],
  ])('non-compliant: %s', (_, props) => {
    expect(judge(rule, compliantTrailTemplate(props), 'Trail')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
