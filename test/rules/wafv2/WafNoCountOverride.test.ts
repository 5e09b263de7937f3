import { NagRuleCompliance } from 'cdk-nag';
import { WafNoCountOverride as rule } from '../../../lib/rules/wafv2/WafNoCountOverride';
import { Props, webAclTemplate, withProps } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

function withGroup(name: string, edit: (rule: Props, statement: Props) => void) {
  return withProps(webAclTemplate(), 'WebAcl', (p) => {
    const r = (p.Rules as Props[]).find((x) => x.Name === name)!;
    edit(r, (r.Statement as Props).ManagedRuleGroupStatement as Props);
  });
}
const COMMON = 'AWSManagedRulesCommonRuleSet';
const SQLI = 'AWSManagedRulesSQLiRuleSet';

describe('WafNoCountOverride', () => {
  test('compliant: every baseline group with OverrideAction None', () => {
    expect(judge(rule, webAclTemplate(), 'WebAcl')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('compliant: the allow-listed SizeRestrictions_BODY counts; other overrides still block or challenge', () => {
    const t = withGroup(COMMON, (_, s) => {
      s.RuleActionOverrides = [
        { Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } },
        { Name: 'CrossSiteScripting_BODY', ActionToUse: { Challenge: {} } },
      ];
    });
    expect(judge(rule, t, 'WebAcl')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('compliant: a non-baseline group may count', () => {
    const t = withProps(webAclTemplate(), 'WebAcl', (p) => {
      (p.Rules as Props[]).push({
        Name: 'BotControl',
        Priority: 20,
        Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesBotControlRuleSet' } },
        OverrideAction: { Count: {} },
      });
    });
    expect(judge(rule, t, 'WebAcl')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['the SQLi group in count mode (monitorMode)', withGroup(SQLI, (r) => { r.OverrideAction = { Count: {} }; })],
    ['a SQLi rule overridden to Count', withGroup(SQLI, (_, s) => { s.RuleActionOverrides = [{ Name: 'SQLi_BODY', ActionToUse: { Count: {} } }]; })],
    ['a Common rule overridden to Allow', withGroup(COMMON, (_, s) => { s.RuleActionOverrides = [{ Name: 'SizeRestrictions_BODY', ActionToUse: { Allow: {} } }]; })],
    ['a Common rule not on the allow-list counted', withGroup(COMMON, (_, s) => { s.RuleActionOverrides = [{ Name: 'GenericRFI_BODY', ActionToUse: { Count: {} } }]; })],
    ['legacy ExcludedRules', withGroup(SQLI, (_, s) => { s.ExcludedRules = [{ Name: 'SQLi_QUERYARGUMENTS' }]; })],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'WebAcl')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: a web ACL association', () => {
    const t = { ...webAclTemplate(), Assoc: { Type: 'AWS::WAFv2::WebACLAssociation', Properties: {} } };
    expect(judge(rule, t, 'Assoc')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['an override action from a condition', withGroup(SQLI, (r) => { r.OverrideAction = { 'Fn::If': ['Monitor', { Count: {} }, { None: {} }] }; })],
    ['rule overrides from a parameter', withGroup(COMMON, (_, s) => { s.RuleActionOverrides = { Ref: 'Overrides' }; })],
    ['rules from a condition', withProps(webAclTemplate(), 'WebAcl', (p) => { p.Rules = { 'Fn::If': ['x', [], []] }; })],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'WebAcl')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
