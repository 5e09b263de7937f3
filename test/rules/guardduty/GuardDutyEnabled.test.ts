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
    [
      'every plan on and Runtime Monitoring DISABLED (SecurityMonitoring default)',
      {
        Enable: true,
        Features: [
          ...['S3_DATA_EVENTS', 'EKS_AUDIT_LOGS', 'EBS_MALWARE_PROTECTION', 'RDS_LOGIN_EVENTS', 'LAMBDA_NETWORK_LOGS'].map((Name) => ({ Name, Status: 'ENABLED' })),
          { Name: 'RUNTIME_MONITORING', Status: 'DISABLED' },
        ],
      },
    ],
    ['legacy DataSources with every switch on', { Enable: true, DataSources: { S3Logs: { Enable: true }, Kubernetes: { AuditLogs: { Enable: true } } } }],
  ])('compliant: %s', (_, props) => {
    expect(judge(rule, detector(props), 'Detector')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['the detector disabled', { Enable: false, Features: s3Feature('ENABLED') }],
    ['S3 protection DISABLED', { Enable: true, Features: s3Feature('DISABLED') }],
    ['S3 protection off in DataSources', { Enable: true, DataSources: { S3Logs: { Enable: false } } }],
    ['no S3 protection at all', { Enable: true }],
    ['features without S3 and no DataSources', { Enable: true, Features: [{ Name: 'EKS_AUDIT_LOGS', Status: 'ENABLED' }] }],
    ['EBS malware protection DISABLED (red team)', { Enable: true, Features: [...s3Feature('ENABLED'), { Name: 'EBS_MALWARE_PROTECTION', Status: 'DISABLED' }] }],
    ['RDS login events DISABLED (red team)', { Enable: true, Features: [...s3Feature('ENABLED'), { Name: 'RDS_LOGIN_EVENTS', Status: 'DISABLED' }] }],
    ['EKS audit logs DISABLED', { Enable: true, Features: [{ Name: 'S3_DATA_EVENTS', Status: 'ENABLED' }, { Name: 'EKS_AUDIT_LOGS', Status: 'DISABLED' }] }],
    ['legacy Kubernetes audit logs off', { Enable: true, DataSources: { S3Logs: { Enable: true }, Kubernetes: { AuditLogs: { Enable: false } } } }],
    ['legacy EBS malware scans off', { Enable: true, DataSources: { S3Logs: { Enable: true }, MalwareProtection: { ScanEc2InstanceWithFindings: { EbsVolumes: false } } } }],
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
    ['a plan status from a parameter', { Enable: true, Features: [...s3Feature('ENABLED'), { Name: 'RDS_LOGIN_EVENTS', Status: { Ref: 'Rds' } }] }],
    ['a feature entry from a condition', { Enable: true, Features: [...s3Feature('ENABLED'), { 'Fn::If': ['Ebs', { Name: 'EBS_MALWARE_PROTECTION', Status: 'ENABLED' }, { Ref: 'AWS::NoValue' }] }] }],
  ])('unresolvable: %s fails closed', (_, props) => {
    expect(judge(rule, detector(props), 'Detector')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
