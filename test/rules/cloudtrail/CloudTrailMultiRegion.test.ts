import { NagRuleCompliance } from 'cdk-nag';
import { CloudTrailMultiRegion as rule } from '../../../lib/rules/cloudtrail/CloudTrailMultiRegion';
import { compliantTrailTemplate, editing } from '../../helpers/logging-fixtures';
import { judge } from '../../helpers/template-fixtures';

describe('CloudTrailMultiRegion', () => {
  test('compliant: multi-Region with global service events', () => {
    expect(judge(rule, compliantTrailTemplate(), 'Trail')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('compliant: IncludeGlobalServiceEvents absent (the service default is on)', () => {
    const t = editing(compliantTrailTemplate(), 'Trail', (p) => delete p.IncludeGlobalServiceEvents);
    expect(judge(rule, t, 'Trail')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['single-Region', { IsMultiRegionTrail: false }],
    ['IsMultiRegionTrail absent', { IsMultiRegionTrail: undefined }],
    ['global service events excluded', { IncludeGlobalServiceEvents: false }],
    ['global service events excluded as a string', { IncludeGlobalServiceEvents: 'false' }],
  ])('non-compliant: %s', (_, props) => {
    expect(judge(rule, compliantTrailTemplate(props), 'Trail')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the key', () => {
    expect(judge(rule, compliantTrailTemplate(), 'Key')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: either flag from a parameter fails closed', () => {
    expect(judge(rule, compliantTrailTemplate({ IsMultiRegionTrail: { Ref: 'MultiRegion' } }), 'Trail')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, compliantTrailTemplate({ IncludeGlobalServiceEvents: { Ref: 'Global' } }), 'Trail')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
