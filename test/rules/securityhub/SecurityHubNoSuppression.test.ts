import { NagRuleCompliance } from 'cdk-nag';
import { SecurityHubNoSuppression as rule } from '../../../lib/rules/securityhub/SecurityHubNoSuppression';
import { judge } from '../../helpers/template-fixtures';

const update = (fields: unknown) => [{ Type: 'FINDING_FIELDS_UPDATE', FindingFieldsUpdate: fields }];
const automation = (actions: unknown) => ({
  Hub: { Type: 'AWS::SecurityHub::Hub', Properties: {} },
  Rule: {
    Type: 'AWS::SecurityHub::AutomationRule',
    Properties: { RuleName: 'r', RuleOrder: 1, RuleStatus: 'ENABLED', Description: 'd', Criteria: { RecordState: [{ Comparison: 'EQUALS', Value: 'ACTIVE' }] }, Actions: actions },
  },
});
const cisArn = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':securityhub:', { Ref: 'AWS::Region' }, '::standards/cis-aws-foundations-benchmark/v/3.0.0']] };
const standard = (props: Record<string, unknown>) => ({ Standard: { Type: 'AWS::SecurityHub::Standard', Properties: { StandardsArn: cisArn, ...props } } });
const disabledControl = (id: string) => ({
  StandardsControlArn: { 'Fn::Sub': `arn:aws:securityhub:\${AWS::Region}:\${AWS::AccountId}:control/cis-aws-foundations-benchmark/v/3.0.0/${id}` },
  Reason: 'x',
});

describe('SecurityHubNoSuppression', () => {
  test.each([
    ['raises severity to CRITICAL', automation(update({ Severity: { Label: 'CRITICAL' } }))],
    ['adds a note and sets NOTIFIED', automation(update({ Note: { Text: 'ticket opened', UpdatedBy: 'soc' }, Workflow: { Status: 'NOTIFIED' } }))],
    ['sets MEDIUM by normalized score', automation(update({ Severity: { Normalized: 50 } }))],
    ['tags findings with user-defined fields', automation(update({ UserDefinedFields: { county: 'example' } }))],
  ])('compliant: an automation rule that %s', (_, t) => {
    expect(judge(rule, t, 'Rule')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['a standard with no disabled controls', standard({})],
    ['a standard with an empty list', standard({ DisabledStandardsControls: [] })],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Standard')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['every finding SUPPRESSED (red team)', automation(update({ Workflow: { Status: 'SUPPRESSED' } }))],
    ['every finding RESOLVED', automation(update({ Workflow: { Status: 'RESOLVED' } }))],
    ['severity lowered to INFORMATIONAL', automation(update({ Severity: { Label: 'INFORMATIONAL' } }))],
    ['severity lowered to LOW', automation(update({ Severity: { Label: 'LOW' } }))],
    ['normalized severity 10', automation(update({ Severity: { Normalized: 10 } }))],
    ['a second action that suppresses', automation([...update({ Note: { Text: 'n', UpdatedBy: 'u' } }), ...update({ Workflow: { Status: 'SUPPRESSED' } })])],
  ])('non-compliant: an automation rule with %s', (_, t) => {
    expect(judge(rule, t, 'Rule')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('non-compliant: CIS controls 3.1-3.7 disabled (red team)', () => {
    const controls = ['3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7'].map(disabledControl);
    expect(judge(rule, standard({ DisabledStandardsControls: controls }), 'Standard')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the hub', () => {
    expect(judge(rule, automation(update({ Workflow: { Status: 'SUPPRESSED' } })), 'Hub')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['actions from a parameter', automation({ Ref: 'Actions' })],
    ['an action from a condition', automation([{ 'Fn::If': ['Quiet', update({ Workflow: { Status: 'SUPPRESSED' } })[0], { Ref: 'AWS::NoValue' }] }])],
    ['a workflow status from a parameter', automation(update({ Workflow: { Status: { Ref: 'Status' } } }))],
    ['a severity label from a parameter', automation(update({ Severity: { Label: { Ref: 'Label' } } }))],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'Rule')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('unresolvable: disabled controls from a condition fail closed', () => {
    expect(judge(rule, standard({ DisabledStandardsControls: { 'Fn::If': ['Lax', [disabledControl('3.1')], []] } }), 'Standard')).toBe(
      NagRuleCompliance.NON_COMPLIANT,
    );
  });
});
