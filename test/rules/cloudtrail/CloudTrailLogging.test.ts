import { NagRuleCompliance } from 'cdk-nag';
import { CloudTrailLogging as rule } from '../../../lib/rules/cloudtrail/CloudTrailLogging';
import { judge } from '../../helpers/template-fixtures';

const trail = (isLogging: unknown) => ({
  Trail: { Type: 'AWS::CloudTrail::Trail', Properties: { IsLogging: isLogging, S3BucketName: 'trail-archive' } },
  Bucket: { Type: 'AWS::S3::Bucket', Properties: {} },
});

describe('CloudTrailLogging', () => {
  test.each([[true], ['true']])('compliant: IsLogging %p', (value) => {
    expect(judge(rule, trail(value), 'Trail')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([[false], ['false'], [undefined]])('non-compliant: IsLogging %p (a stopped trail records nothing)', (value) => {
    expect(judge(rule, trail(value), 'Trail')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: a bucket', () => {
    expect(judge(rule, trail(true), 'Bucket')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([[{ Ref: 'Logging' }], [{ 'Fn::If': ['Prod', true, false] }]])('unresolvable: IsLogging %j fails closed', (value) => {
    expect(judge(rule, trail(value), 'Trail')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('cannot be waived', () => expect(rule.waivable).toBe(false));
});
