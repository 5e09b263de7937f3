import { NagRuleCompliance } from 'cdk-nag';
import { SecurityControlUnconditional as rule } from '../../../lib/rules/common/SecurityControlUnconditional';
import { StackTemplate } from '../../../lib/pack/template-model';
import { judge } from '../../helpers/template-fixtures';

const association = (extra: Record<string, unknown> = {}) => ({
  Association: {
    Type: 'AWS::WAFv2::WebACLAssociation',
    Properties: { ResourceArn: 'arn:aws:apigateway:us-east-1::/restapis/abc/stages/v1', WebACLArn: { 'Fn::GetAtt': ['Acl', 'Arn'] } },
    ...extra,
  },
});

/** Judges through the template model, which carries the Condition attribute as the template does. */
function judgeWithCondition(type: string, condition: unknown): NagRuleCompliance {
  const template = StackTemplate.fromResources({ Control: { Type: type, Properties: {}, Condition: condition } });
  return rule.check(template.get('Control')!, template);
}

describe('SecurityControlUnconditional', () => {
  test('compliant: a web ACL association without a condition', () => {
    expect(judge(rule, association(), 'Association')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    'AWS::WAFv2::WebACLAssociation',
    'AWS::CloudTrail::Trail',
    'AWS::GuardDuty::Detector',
    'AWS::S3::BucketPolicy',
    'AWS::CloudWatch::Alarm',
    'AWS::WAFv2::LoggingConfiguration',
  ])('non-compliant: a %s that exists only when a condition holds', (type) => {
    expect(judgeWithCondition(type, 'IsProduction')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: a bucket, which the data-store rules judge', () => {
    expect(judge(rule, { Bucket: { Type: 'AWS::S3::Bucket', Properties: {} } }, 'Bucket')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: a Condition that is not a plain name fails closed', () => {
    expect(judgeWithCondition('AWS::CloudTrail::Trail', { 'Fn::If': ['A', 'B', 'C'] })).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
