import { NagRuleCompliance } from 'cdk-nag';
import { WafOriginVerifyEnforced as rule } from '../../../lib/rules/wafv2/WafOriginVerifyEnforced';
import { Props, Template, webAclTemplate, withProps } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

const SECRET = { 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: 'OriginSecret' }, ':SecretString:::}}']] };
const secretMatch = (): Props => ({
  FieldToMatch: { SingleHeader: { Name: 'x-origin-verify' } },
  PositionalConstraint: 'EXACTLY',
  SearchString: SECRET,
  TextTransformations: [{ Priority: 0, Type: 'NONE' }],
});
const IP_LISTS = ['AWSManagedRulesAmazonIpReputationList', 'AWSManagedRulesAnonymousIpList'];

/** A REGIONAL web ACL behind CloudFront as ElectionWebAcl renders it with originVerification. */
function verifiedTemplate(): Template {
  const t = withProps(webAclTemplate(), 'WebAcl', (p) => {
    p.Scope = 'REGIONAL';
    const rules = p.Rules as Props[];
    for (const r of rules) {
      r.Priority = (r.Priority as number) + 1;
      if (IP_LISTS.includes(r.Name as string)) {
        ((r.Statement as Props).ManagedRuleGroupStatement as Props).ScopeDownStatement = { NotStatement: { Statement: { ByteMatchStatement: secretMatch() } } };
      }
    }
    rules.unshift({
      Name: 'OriginVerify',
      Priority: 0,
      Action: { Block: {} },
      Statement: { NotStatement: { Statement: { ByteMatchStatement: secretMatch() } } },
      VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: 'origin' },
    });
  });
  t.OriginSecret = {
    Type: 'AWS::SecretsManager::Secret',
    Properties: { GenerateSecretString: { ExcludePunctuation: true, IncludeSpace: false, PasswordLength: 48, RequireEachIncludedType: true } },
  };
  return t;
}
const withVerify = (edit: (rule: Props, match: Props, rules: Props[]) => void) => withProps(verifiedTemplate(), 'WebAcl', (p) => {
  const rules = p.Rules as Props[];
  const verify = rules.find((r) => r.Name === 'OriginVerify')!;
  const match = (((verify.Statement as Props).NotStatement as Props).Statement as Props).ByteMatchStatement as Props;
  edit(verify, match, rules);
});
const withSecret = (edit: (props: Props) => void) => withProps(verifiedTemplate(), 'OriginSecret', edit);

describe('WafOriginVerifyEnforced', () => {
  test.each([
    ['the origin check ElectionWebAcl renders', verifiedTemplate()],
    ['the secret with the default length (32)', withSecret((p) => { delete (p.GenerateSecretString as Props).PasswordLength; })],
    ['a secret imported by ARN (not in the template)', withProps(verifiedTemplate(), 'WebAcl', (p) => {
      const arn = '{{resolve:secretsmanager:arn:aws:secretsmanager:us-east-1:111122223333:secret:county/origin-verify:SecretString:::}}';
      const text = JSON.stringify(p).split(JSON.stringify(SECRET)).join(JSON.stringify(arn));
      Object.assign(p, JSON.parse(text));
    })],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'WebAcl')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['the origin check set to Count (red team)', withVerify((r) => { r.Action = { Count: {} }; })],
    ['the origin check removed (red team)', withVerify((_, __, rules) => { rules.splice(rules.findIndex((r) => r.Name === 'OriginVerify'), 1); })],
    ['the origin check CONTAINS "a" (red team)', withVerify((_, m) => { m.PositionalConstraint = 'CONTAINS'; m.SearchString = 'a'; })],
    ['the origin check on a literal secret "letmein" everywhere (red team)', withProps(verifiedTemplate(), 'WebAcl', (p) => {
      Object.assign(p, JSON.parse(JSON.stringify(p).split(JSON.stringify(SECRET)).join('"letmein"')));
    })],
    ['an Allow on x-debug evaluated before the origin check', withVerify((r, __, rules) => {
      r.Priority = 1;
      for (const other of rules) if (other !== r) other.Priority = (other.Priority as number) + 1;
      rules.push({ Name: 'Debug', Priority: 0, Action: { Allow: {} }, Statement: { ByteMatchStatement: {
        FieldToMatch: { SingleHeader: { Name: 'x-debug' } }, PositionalConstraint: 'EXACTLY', SearchString: '1', TextTransformations: [{ Priority: 0, Type: 'NONE' }],
      } } });
    })],
    ['the origin check at the same priority as another rule', withVerify((r) => { r.Priority = 1; })],
    ['the origin check on another header than the scope-downs', withVerify((_, m) => { m.FieldToMatch = { SingleHeader: { Name: 'x-other' } }; })],
    ['the scope-downs on user-agent CONTAINS "/" (no matching check)', withProps(verifiedTemplate(), 'WebAcl', (p) => {
      const ipRep = (p.Rules as Props[]).find((r) => r.Name === IP_LISTS[0])!;
      ((ipRep.Statement as Props).ManagedRuleGroupStatement as Props).ScopeDownStatement = { NotStatement: { Statement: { ByteMatchStatement: {
        FieldToMatch: { SingleHeader: { Name: 'user-agent' } }, PositionalConstraint: 'CONTAINS', SearchString: '/', TextTransformations: [{ Priority: 0, Type: 'NONE' }],
      } } } };
    })],
    ['a 6-character generated secret (red team)', withSecret((p) => { (p.GenerateSecretString as Props).PasswordLength = 6; })],
    ['a literal SecretString in the template (red team)', withSecret((p) => { delete p.GenerateSecretString; p.SecretString = 'letmein'; })],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'WebAcl')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each([
    ['a CLOUDFRONT web ACL with unscoped groups', webAclTemplate()],
    ['a REGIONAL web ACL with unscoped groups and no origin check (the staff ACL)', withProps(webAclTemplate(), 'WebAcl', (p) => { p.Scope = 'REGIONAL'; })],
  ])('not applicable: %s', (_, t) => {
    expect(judge(rule, t, 'WebAcl')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('not applicable: the logging configuration', () => {
    expect(judge(rule, verifiedTemplate(), 'WafLogging')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['the origin check priority from a parameter', withVerify((r) => { r.Priority = { Ref: 'P' }; })],
    ['another rule priority from a parameter', withVerify((_, __, rules) => { rules[3].Priority = { Ref: 'P' }; })],
    ['the origin check action from a condition', withVerify((r) => { r.Action = { 'Fn::If': ['x', { Block: {} }, { Count: {} }] }; })],
    ['the secret length from a parameter', withSecret((p) => { (p.GenerateSecretString as Props).PasswordLength = { Ref: 'Length' }; })],
    ['rules from a condition', withProps(verifiedTemplate(), 'WebAcl', (p) => { p.Rules = { 'Fn::If': ['x', [], []] }; })],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'WebAcl')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
