import { NagRuleCompliance } from 'cdk-nag';
import { ConfigRecorderAllResources as rule } from '../../../lib/rules/config/ConfigRecorderAllResources';
import { judge } from '../../helpers/template-fixtures';

const recorder = (group: unknown) => ({
  Recorder: { Type: 'AWS::Config::ConfigurationRecorder', Properties: { RoleARN: 'arn:aws:iam::111122223333:role/config', ...(group === undefined ? {} : { RecordingGroup: group }) } },
  Channel: { Type: 'AWS::Config::DeliveryChannel', Properties: { S3BucketName: 'archive' } },
});

describe('ConfigRecorderAllResources', () => {
  test.each([
    ['all supported and global types (SecurityMonitoring)', { AllSupported: true, IncludeGlobalResourceTypes: true }],
    ['the same with RecordingStrategy ALL_SUPPORTED_RESOURCE_TYPES', { AllSupported: 'true', IncludeGlobalResourceTypes: 'true', RecordingStrategy: { UseOnly: 'ALL_SUPPORTED_RESOURCE_TYPES' } }],
  ])('compliant: %s', (_, group) => {
    expect(judge(rule, recorder(group), 'Recorder')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['global resource types dropped', { AllSupported: true, IncludeGlobalResourceTypes: false }],
    ['a list of resource types', { AllSupported: false, ResourceTypes: ['AWS::S3::Bucket'] }],
    ['an exclusion strategy', { AllSupported: true, IncludeGlobalResourceTypes: true, RecordingStrategy: { UseOnly: 'EXCLUSION_BY_RESOURCE_TYPES' } }],
    ['no recording group (global types not recorded)', undefined],
  ])('non-compliant: %s', (_, group) => {
    expect(judge(rule, recorder(group), 'Recorder')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the delivery channel', () => {
    expect(judge(rule, recorder({ AllSupported: true }), 'Channel')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['global types from a parameter', { AllSupported: true, IncludeGlobalResourceTypes: { Ref: 'Global' } }],
    ['the group from a condition', { 'Fn::If': ['Home', { AllSupported: true, IncludeGlobalResourceTypes: true }, { AllSupported: true }] }],
  ])('unresolvable: %s fails closed', (_, group) => {
    expect(judge(rule, recorder(group), 'Recorder')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
