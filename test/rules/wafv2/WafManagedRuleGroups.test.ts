import { NagRuleCompliance } from 'cdk-nag';
import { WafManagedRuleGroups as rule } from '../../../lib/rules/wafv2/WafManagedRuleGroups';
import { WAF_PRESET_MANAGED_GROUPS, WebAclPreset } from '../../../lib/baseline/waf-preset';
import { Props, webAclTemplate, withProps } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

function withRules(edit: (rules: Props[]) => void, preset = 'portal') {
  return withProps(webAclTemplate(preset), 'WebAcl', (p) => edit(p.Rules as Props[]));
}
const dropGroup = (name: string) => (rules: Props[]) => {
  rules.splice(rules.findIndex((r) => r.Name === name), 1);
};

describe('WafManagedRuleGroups', () => {
  test.each(['portal', 'results'])('compliant: the five portal groups satisfy preset %s', (preset) => {
    expect(judge(rule, webAclTemplate(preset), 'WebAcl')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('compliant: preset results needs only its three groups', () => {
    const t = withRules((rules) => {
      dropGroup('AWSManagedRulesSQLiRuleSet')(rules);
      dropGroup('AWSManagedRulesAnonymousIpList')(rules);
    }, 'results');
    expect(judge(rule, t, 'WebAcl')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each(WAF_PRESET_MANAGED_GROUPS[WebAclPreset.PORTAL])('non-compliant: portal without %s', (group) => {
    expect(judge(rule, withRules(dropGroup(group)), 'WebAcl')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each(WAF_PRESET_MANAGED_GROUPS[WebAclPreset.RESULTS])('non-compliant: results without %s', (group) => {
    expect(judge(rule, withRules(dropGroup(group), 'results'), 'WebAcl')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each([
    ['no preset tag', (p: Props) => { delete p.Tags; }],
    ['an unknown preset', (p: Props) => { p.Tags = [{ Key: 'election:waf-preset', Value: 'lenient' }]; }],
  ])('non-compliant: %s is judged as portal', (_, edit) => {
    let t = withRules(dropGroup('AWSManagedRulesSQLiRuleSet'), 'results');
    t = withProps(t, 'WebAcl', edit);
    expect(judge(rule, t, 'WebAcl')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('non-compliant: a group nested in a scope-down does not count, nor another vendor', () => {
    const nested = withRules((rules) => {
      const sqli = rules.find((r) => r.Name === 'AWSManagedRulesSQLiRuleSet')!;
      sqli.Statement = { NotStatement: { Statement: sqli.Statement } };
    });
    expect(judge(rule, nested, 'WebAcl')).toBe(NagRuleCompliance.NON_COMPLIANT);
    const vendor = withRules((rules) => {
      ((rules[0].Statement as Props).ManagedRuleGroupStatement as Props).VendorName = 'Fortinet';
    });
    expect(judge(rule, vendor, 'WebAcl')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  const WITHOUT_HEADER = { NotStatement: { Statement: { ByteMatchStatement: {
    FieldToMatch: { SingleHeader: { Name: 'x-origin-verify' } }, PositionalConstraint: 'EXACTLY', SearchString: '{{resolve:secretsmanager:s}}',
    TextTransformations: [{ Priority: 0, Type: 'NONE' }],
  } } } };
  const scopedDown = (names: string[], scope: unknown, scopeDown: unknown = WITHOUT_HEADER) => withProps(withRules((rules) => {
    for (const name of names) ((rules.find((r) => r.Name === name)!.Statement as Props).ManagedRuleGroupStatement as Props).ScopeDownStatement = scopeDown;
  }), 'WebAcl', (p) => { p.Scope = scope; });
  const IP_LISTS = ['AWSManagedRulesAmazonIpReputationList', 'AWSManagedRulesAnonymousIpList'];

  // What ElectionWebAcl renders for a secret of the template: Fn::Join around a Ref.
  const JOINED_SECRET = { 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: 'OriginSecret' }, ':SecretString:::}}']] };
  const withSecret = (t: ReturnType<typeof scopedDown>) => ({ ...t, OriginSecret: { Type: 'AWS::SecretsManager::Secret', Properties: { GenerateSecretString: { PasswordLength: 48 } } } });
  const headerCheck = (edit: (match: Props) => void) => {
    const copy = JSON.parse(JSON.stringify(WITHOUT_HEADER)) as typeof WITHOUT_HEADER;
    edit(copy.NotStatement.Statement.ByteMatchStatement as unknown as Props);
    return copy;
  };

  test.each([
    ['a literal dynamic reference', scopedDown(IP_LISTS, 'REGIONAL')],
    ['a dynamic reference joined around a secret of the template', withSecret(scopedDown(IP_LISTS, 'REGIONAL', headerCheck((m) => { m.SearchString = JOINED_SECRET; })))],
  ])('compliant: behind CloudFront, a REGIONAL web ACL scopes its IP lists down to requests without the secret header (%s)', (_, t) => {
    expect(judge(rule, t, 'WebAcl')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['a content group scoped down on a REGIONAL web ACL', scopedDown(['AWSManagedRulesSQLiRuleSet'], 'REGIONAL')],
    ['an IP list scoped down on a CLOUDFRONT web ACL, which sees viewers directly', scopedDown(['AWSManagedRulesAnonymousIpList'], 'CLOUDFRONT')],
    ['an IP list scoped down to a path, which could narrow it to nothing', scopedDown(['AWSManagedRulesAmazonIpReputationList'], 'REGIONAL', {
      ByteMatchStatement: { FieldToMatch: { UriPath: {} }, PositionalConstraint: 'STARTS_WITH', SearchString: '/never', TextTransformations: [{ Priority: 0, Type: 'NONE' }] },
    })],
    ['an IP list scoped down to requests WITH a header', scopedDown(['AWSManagedRulesAnonymousIpList'], 'REGIONAL', WITHOUT_HEADER.NotStatement.Statement)],
    ['IP reputation scoped to NOT user-agent CONTAINS "/" (red team)', scopedDown(['AWSManagedRulesAmazonIpReputationList'], 'REGIONAL', headerCheck((m) => {
      m.FieldToMatch = { SingleHeader: { Name: 'user-agent' } };
      m.PositionalConstraint = 'CONTAINS';
      m.SearchString = '/';
    }))],
    ['a scope-down on the header CONTAINS the secret', scopedDown(IP_LISTS, 'REGIONAL', headerCheck((m) => { m.PositionalConstraint = 'CONTAINS'; }))],
    ['a scope-down on a literal header value', scopedDown(IP_LISTS, 'REGIONAL', headerCheck((m) => { m.SearchString = 'letmein'; }))],
    ['a scope-down on a value with text after the dynamic reference', scopedDown(IP_LISTS, 'REGIONAL', headerCheck((m) => { m.SearchString = '{{resolve:secretsmanager:s}}x'; }))],
    ['a scope-down that lower-cases the header first', scopedDown(IP_LISTS, 'REGIONAL', headerCheck((m) => { m.TextTransformations = [{ Priority: 0, Type: 'LOWERCASE' }]; }))],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'WebAcl')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each([
    ['a scope from a parameter, with scoped-down IP lists', scopedDown(IP_LISTS, { Ref: 'Scope' })],
    ['a scope-down secret named by a parameter', scopedDown(IP_LISTS, 'REGIONAL', headerCheck((m) => { m.SearchString = { 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: 'SecretArn' }, '}}']] }; }))],
    ['a scope-down match type from a condition', scopedDown(IP_LISTS, 'REGIONAL', headerCheck((m) => { m.PositionalConstraint = { 'Fn::If': ['x', 'EXACTLY', 'CONTAINS'] }; }))],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'WebAcl')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the logging configuration', () => {
    expect(judge(rule, webAclTemplate(), 'WafLogging')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: rules from a condition, or a group name from a parameter, fail closed', () => {
    expect(judge(rule, withProps(webAclTemplate(), 'WebAcl', (p) => { p.Rules = { 'Fn::If': ['Strict', [], []] }; }), 'WebAcl')).toBe(
      NagRuleCompliance.NON_COMPLIANT,
    );
    const param = withRules((rules) => {
      ((rules[1].Statement as Props).ManagedRuleGroupStatement as Props).Name = { Ref: 'GroupName' };
    });
    expect(judge(rule, param, 'WebAcl')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
