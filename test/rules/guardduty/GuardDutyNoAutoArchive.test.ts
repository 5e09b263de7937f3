import { NagRuleCompliance } from 'cdk-nag';
import { GuardDutyNoAutoArchive as rule } from '../../../lib/rules/guardduty/GuardDutyNoAutoArchive';
import { judge } from '../../helpers/template-fixtures';

const filter = (props: Record<string, unknown>) => ({
  Detector: { Type: 'AWS::GuardDuty::Detector', Properties: { Enable: true } },
  Filter: {
    Type: 'AWS::GuardDuty::Filter',
    Properties: { DetectorId: { Ref: 'Detector' }, Name: 'f', Rank: 1, FindingCriteria: { Criterion: { severity: { Gte: 0 } } }, ...props },
  },
});

describe('GuardDutyNoAutoArchive', () => {
  test.each([
    ['Action NOOP (a saved view)', { Action: 'NOOP' }],
    ['Action absent', {}],
  ])('compliant: %s', (_, props) => {
    expect(judge(rule, filter(props), 'Filter')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['ARCHIVE of every finding (red team)', { Action: 'ARCHIVE' }],
    ['ARCHIVE of one finding type', { Action: 'ARCHIVE', FindingCriteria: { Criterion: { type: { Eq: ['Recon:EC2/PortProbeUnprotectedPort'] } } } }],
  ])('non-compliant: %s', (_, props) => {
    expect(judge(rule, filter(props), 'Filter')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the detector', () => {
    expect(judge(rule, filter({ Action: 'ARCHIVE' }), 'Detector')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['Action from a parameter', { Action: { Ref: 'FilterAction' } }],
    ['Action from a condition', { Action: { 'Fn::If': ['Quiet', 'ARCHIVE', 'NOOP'] } }],
  ])('unresolvable: %s fails closed', (_, props) => {
    expect(judge(rule, filter(props), 'Filter')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
