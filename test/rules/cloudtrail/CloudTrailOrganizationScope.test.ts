import { NagRuleCompliance } from 'cdk-nag';
import { CloudTrailOrganizationScope as rule } from '../../../lib/rules/cloudtrail/CloudTrailOrganizationScope';
import { compliantTrailTemplate } from '../../helpers/logging-fixtures';
import { judge } from '../../helpers/template-fixtures';

const scope = (value: unknown) => ({ Tags: [{ Key: 'election:trail-scope', Value: value }] });

describe('CloudTrailOrganizationScope', () => {
  test('compliant: tagged organization and an organization trail', () => {
    expect(judge(rule, compliantTrailTemplate({ ...scope('organization'), IsOrganizationTrail: true }), 'Trail')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, compliantTrailTemplate({ ...scope('organization'), IsOrganizationTrail: 'true' }), 'Trail')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['IsOrganizationTrail false', { IsOrganizationTrail: false }],
    ['IsOrganizationTrail absent (an account trail)', {}],
  ])('non-compliant: tagged organization, %s', (_, props) => {
    expect(judge(rule, compliantTrailTemplate({ ...scope('organization'), ...props }), 'Trail')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each([
    ['an untagged account trail', {}],
    ['a trail of another scope', scope('account')],
  ])('not applicable: %s', (_, props) => {
    expect(judge(rule, compliantTrailTemplate(props), 'Trail')).toBe(NagRuleCompliance.NOT_APPLICABLE);
    expect(judge(rule, compliantTrailTemplate(), 'Key')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['IsOrganizationTrail from a parameter', { ...scope('organization'), IsOrganizationTrail: { Ref: 'OrgTrail' } }],
    ['the scope tag from a parameter', { ...scope({ Ref: 'Scope' }), IsOrganizationTrail: true }],
    ['tags from Fn::If', { Tags: { 'Fn::If': ['Org', [], []] }, IsOrganizationTrail: true }],
  ])('unresolvable: %s fails closed', (_, props) => {
    expect(judge(rule, compliantTrailTemplate(props), 'Trail')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
