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
const KBI = 'AWSManagedRulesKnownBadInputsRuleSet';
const IP_REP = 'AWSManagedRulesAmazonIpReputationList';
const ANON = 'AWSManagedRulesAnonymousIpList';

describe('WafNoCountOverride', () => {
  test('compliant: every baseline group with OverrideAction None', () => {
    expect(judge(rule, webAclTemplate(), 'WebAcl')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['the allow-listed SizeRestrictions_BODY counts; another rule is overridden to Block', withGroup(COMMON, (_, s) => {
      s.RuleActionOverrides = [
        { Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } },
        { Name: 'CrossSiteScripting_BODY', ActionToUse: { Block: {} } },
      ];
    })],
    ['the allow-listed SizeRestrictions_BODY as legacy ExcludedRules', withGroup(COMMON, (_, s) => { s.ExcludedRules = [{ Name: 'SizeRestrictions_BODY' }]; })],
    ['anonymous-IP hosting providers challenged (people behind VPNs, UOCAVA voters, get through)', withGroup(ANON, (_, s) => {
      s.RuleActionOverrides = [{ Name: 'HostingProviderIPList', ActionToUse: { Challenge: {} } }];
    })],
    ['IP reputation DDoS list (Count by default) raised to Captcha', withGroup(IP_REP, (_, s) => {
      s.RuleActionOverrides = [{ Name: 'AWSManagedIPDDoSList', ActionToUse: { Captcha: {} } }];
    })],
  ])('compliant: %s', (_, t) => {
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
    ['SQLi_BODY overridden to Challenge: a token holder injects freely (red team, portal ACL)', withGroup(SQLI, (_, s) => {
      s.RuleActionOverrides = [{ Name: 'SQLi_BODY', ActionToUse: { Challenge: {} } }];
    })],
    ['SQLi_BODY overridden to Captcha: one solved puzzle opens the API (red team, API ACL)', withGroup(SQLI, (_, s) => {
      s.RuleActionOverrides = [{ Name: 'SQLi_BODY', ActionToUse: { Captcha: {} } }];
    })],
    ['a Common rule overridden to Challenge', withGroup(COMMON, (_, s) => { s.RuleActionOverrides = [{ Name: 'CrossSiteScripting_BODY', ActionToUse: { Challenge: {} } }]; })],
    ['a KnownBadInputs rule overridden to Captcha', withGroup(KBI, (_, s) => { s.RuleActionOverrides = [{ Name: 'Log4JRCE_BODY', ActionToUse: { Captcha: {} } }]; })],
    ['the allow-listed SizeRestrictions_BODY overridden to Challenge (only Count is excepted)', withGroup(COMMON, (_, s) => {
      s.RuleActionOverrides = [{ Name: 'SizeRestrictions_BODY', ActionToUse: { Challenge: {} } }];
    })],
    ['an anonymous-IP rule overridden to Count', withGroup(ANON, (_, s) => { s.RuleActionOverrides = [{ Name: 'AnonymousIPList', ActionToUse: { Count: {} } }]; })],
    ['an IP reputation rule overridden to Allow', withGroup(IP_REP, (_, s) => { s.RuleActionOverrides = [{ Name: 'AWSManagedIPReputationList', ActionToUse: { Allow: {} } }]; })],
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
    ['a rule override\'s ActionToUse from a condition', withGroup(SQLI, (_, s) => { s.RuleActionOverrides = [{ Name: 'SQLi_BODY', ActionToUse: { 'Fn::If': ['x', { Block: {} }, { Challenge: {} }] } }]; })],
    ['an overridden rule name from a parameter', withGroup(COMMON, (_, s) => { s.RuleActionOverrides = [{ Name: { Ref: 'Rule' }, ActionToUse: { Count: {} } }]; })],
    ['rules from a condition', withProps(webAclTemplate(), 'WebAcl', (p) => { p.Rules = { 'Fn::If': ['x', [], []] }; })],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'WebAcl')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
