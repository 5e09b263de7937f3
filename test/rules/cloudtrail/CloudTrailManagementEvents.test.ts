import { NagRuleCompliance } from 'cdk-nag';
import { CloudTrailManagementEvents as rule } from '../../../lib/rules/cloudtrail/CloudTrailManagementEvents';
import { judge } from '../../helpers/template-fixtures';

const dataEvents = { IncludeManagementEvents: false, ReadWriteType: 'All', DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::records/'] }] };
const management = (extra: Record<string, unknown> = {}) => ({ IncludeManagementEvents: true, ReadWriteType: 'All', ...extra });
const trail = (props: Record<string, unknown>) => ({
  Trail: { Type: 'AWS::CloudTrail::Trail', Properties: { IsLogging: true, S3BucketName: 'archive', ...props } },
  Bucket: { Type: 'AWS::S3::Bucket', Properties: {} },
});
const managementCategory = { Field: 'eventCategory', Equals: ['Management'] };

describe('CloudTrailManagementEvents', () => {
  test.each([
    ['no selectors (all management events by default)', {}],
    ['management All and S3 data events (ElectionAuditTrail)', { EventSelectors: [management(), dataEvents] }],
    ['a selector with the defaults', { EventSelectors: [{}] }],
    ['IncludeManagementEvents "true"', { EventSelectors: [management({ IncludeManagementEvents: 'true' })] }],
    ['an empty exclusion list', { EventSelectors: [management({ ExcludeManagementEventSources: [] })] }],
    [
      'advanced selectors for all management events and S3 data',
      {
        AdvancedEventSelectors: [
          { Name: 'management', FieldSelectors: [managementCategory] },
          { FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::S3::Object'] }] },
        ],
      },
    ],
  ])('compliant: %s', (_, props) => {
    expect(judge(rule, trail(props), 'Trail')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['IncludeManagementEvents true -> false (red team)', { EventSelectors: [management({ IncludeManagementEvents: false }), dataEvents] }],
    ['ReadWriteType All -> ReadOnly (red team)', { EventSelectors: [management({ ReadWriteType: 'ReadOnly' }), dataEvents] }],
    ['ReadWriteType WriteOnly', { EventSelectors: [management({ ReadWriteType: 'WriteOnly' })] }],
    ['KMS events excluded (red team)', { EventSelectors: [management({ ExcludeManagementEventSources: ['kms.amazonaws.com'] }), dataEvents] }],
    ['an exclusion on a second selector', { EventSelectors: [management(), { ...dataEvents, ExcludeManagementEventSources: ['rdsdata.amazonaws.com'] }] }],
    ['data events only', { EventSelectors: [dataEvents] }],
    ['an empty selector list', { EventSelectors: [] }],
    [
      'advanced selectors: read-only management events only (red team)',
      { AdvancedEventSelectors: [{ FieldSelectors: [managementCategory, { Field: 'readOnly', Equals: ['true'] }] }] },
    ],
    ['advanced selectors: write-only management events', { AdvancedEventSelectors: [{ FieldSelectors: [managementCategory, { Field: 'readOnly', Equals: ['false'] }] }] }],
    [
      'advanced selectors: KMS events excluded',
      { AdvancedEventSelectors: [{ FieldSelectors: [managementCategory, { Field: 'eventSource', NotEquals: ['kms.amazonaws.com'] }] }] },
    ],
    ['advanced selectors: data events only', { AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }] }] }],
    ['advanced selectors: management negated', { AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', NotEquals: ['Management'] }] }] }],
  ])('non-compliant: %s', (_, props) => {
    expect(judge(rule, trail(props), 'Trail')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: a bucket', () => {
    expect(judge(rule, trail({}), 'Bucket')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['selectors from a condition', { EventSelectors: { 'Fn::If': ['Full', [management()], [dataEvents]] } }],
    ['a selector from a condition', { EventSelectors: [{ 'Fn::If': ['Full', management(), dataEvents] }] }],
    ['IncludeManagementEvents from a parameter', { EventSelectors: [management({ IncludeManagementEvents: { Ref: 'Include' } })] }],
    ['ReadWriteType from a parameter', { EventSelectors: [management({ ReadWriteType: { Ref: 'ReadWrite' } })] }],
    ['exclusions from a parameter', { EventSelectors: [management({ ExcludeManagementEventSources: { Ref: 'Excluded' } })] }],
    ['advanced selectors from a parameter', { AdvancedEventSelectors: { Ref: 'Selectors' } }],
    ['an advanced field selector from a condition', { AdvancedEventSelectors: [{ FieldSelectors: [{ 'Fn::If': ['Full', managementCategory, { Ref: 'AWS::NoValue' }] }] }] }],
  ])('unresolvable: %s fails closed', (_, props) => {
    expect(judge(rule, trail(props), 'Trail')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
