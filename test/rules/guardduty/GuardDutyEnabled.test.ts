import { NagRuleCompliance } from 'cdk-nag';
import { GuardDutyEnabled as rule } from '../../../lib/rules/guardduty/GuardDutyEnabled';
import { judge } from '../../helpers/template-fixtures';

const detector = (props: Record<string, unknown>) => ({
  Detector: { Type: 'AWS::GuardDuty::Detector', Properties: props },
  Topic: { Type: 'AWS::SNS::Topic', Properties: {} },
});
const s3Feature = (status: unknown) => [{ Name: 'S3_DATA_EVENTS', Status: status }, { Name: 'EKS_AUDIT_LOGS', Status: 'ENABLED' }];

describe('GuardDutyEnabled', () => {
  test.each([
    ['Enable true and S3_DATA_EVENTS ENABLED (SecurityMonitoring)', { Enable: true, Features: s3Feature('ENABLED') }],
    ['Enable "true" and legacy DataSources.S3Logs', { Enable: 'true', DataSources: { S3Logs: { Enable: true } } }],
  ])('compliant: %s', (_, props) => {
    expect(judge(rule, detector(props), 'Detector')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['the detector disabled', { Enable: false, Features: s3Feature('ENABLED') }],
    ['S3 protection DISABLED', { Enable: true, Features: s3Feature('DISABLED') }],
    ['S3 protection off in DataSources', { Enable: true, DataSources: { S3Logs: { Enable: false } } }],
    ['no S3 protection at all', { Enable: true }],
    ['features without S3 and no DataSources', { Enable: true, Features: [{ Name: 'EKS_AUDIT_LOGS', Status: 'ENABLED' }] }],
  ])('non-compliant: %s', (_, props) => {
    expect(judge(rule, detector(props), 'Detector')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: a topic', () => {
    expect(judge(rule, detector({ Enable: true }), 'Topic')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['Enable from a parameter', { Enable: { Ref: 'Enable' }, Features: s3Feature('ENABLED') }],
    ['Features from a condition', { Enable: true, Features: { 'Fn::If': ['Prod', s3Feature('ENABLED'), []] } }],
    ['the S3 status from a parameter', { Enable: true, Features: s3Feature({ Ref: 'S3Status' }) }],
  ])('unresolvable: %s fails closed', (_, props) => {
    expect(judge(rule, detector(props), 'Detector')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
