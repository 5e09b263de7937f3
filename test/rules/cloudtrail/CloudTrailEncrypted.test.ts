import { NagRuleCompliance } from 'cdk-nag';
import { CloudTrailEncrypted as rule } from '../../../lib/rules/cloudtrail/CloudTrailEncrypted';
import { compliantTrailTemplate } from '../../helpers/logging-fixtures';
import { judge } from '../../helpers/template-fixtures';

describe('CloudTrailEncrypted', () => {
  test.each([
    ['GetAtt of a key of the template', { 'Fn::GetAtt': ['Key', 'Arn'] }],
    ['Ref of a key of the template', { Ref: 'Key' }],
    ['a literal key ARN', 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
    ['a literal GovCloud key ARN', 'arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
    ['a customer alias', 'alias/cloudtrail'],
    ['a customer alias ARN', 'arn:aws:kms:us-east-1:111122223333:alias/county-trail'],
  ])('compliant: %s', (_, key) => {
    expect(judge(rule, compliantTrailTemplate({ KMSKeyId: key }), 'Trail')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['no key', undefined],
    ['an AWS-managed alias', 'alias/aws/cloudtrail'],
    ['an AWS-managed alias ARN', 'arn:aws:kms:us-east-1:111122223333:alias/aws/cloudtrail'],
    ['a reference to something that is not a key', { 'Fn::GetAtt': ['Bucket', 'Arn'] }],
  ])('non-compliant: %s', (_, key) => {
    expect(judge(rule, compliantTrailTemplate({ KMSKeyId: key }), 'Trail')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the log group', () => {
    expect(judge(rule, compliantTrailTemplate(), 'LogGroup')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: a key from an import or a parameter is passed over (KmsKeyUnverifiable reports it)', () => {
    expect(judge(rule, compliantTrailTemplate({ KMSKeyId: { 'Fn::ImportValue': 'TrailKey' } }), 'Trail')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, compliantTrailTemplate({ KMSKeyId: { Ref: 'TrailKeyParam' } }), 'Trail')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('is not waivable', () => {
    expect(rule.waivable).toBe(false);
  });
});
