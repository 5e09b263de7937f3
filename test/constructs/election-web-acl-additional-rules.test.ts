import { Fn, Lazy } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import { ElectionWebAcl, ElectionWebAclProps, WebAclPreset, WebAclScope } from '../../constructs/election-web-acl';
import { newStack, pathsViolating } from '../helpers/pack-harness';
import { synthViolations } from '../helpers/synth-violations';
import { expectValidationError } from '../helpers/validation-error';
import { ValidationErrorCode } from '../../lib/validation-error';

type Rule = wafv2.CfnWebACL.RuleProperty;

function webAcl(props: Partial<ElectionWebAclProps> = {}) {
  const { app, stack } = newStack();
  const construct = new ElectionWebAcl(stack, 'Acl', { scope: WebAclScope.CLOUDFRONT, preset: WebAclPreset.PORTAL, ...props });
  return { app, stack, construct };
}

const visibility = (name: string) => ({ cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: name });
const rule = (name: string, priority: number, action: Rule['action'], statement: Rule['statement']): Rule =>
  ({ name, priority, action, statement, visibilityConfig: visibility(name) });
const PROBE_PATH: wafv2.CfnWebACL.StatementProperty = {
  byteMatchStatement: { fieldToMatch: { uriPath: {} }, positionalConstraint: 'EXACTLY', searchString: '/health', textTransformations: [{ priority: 0, type: 'NONE' }] },
};
const NEVER_SERVED: wafv2.CfnWebACL.StatementProperty = {
  byteMatchStatement: { fieldToMatch: { uriPath: {} }, positionalConstraint: 'STARTS_WITH', searchString: '/wp-admin', textTransformations: [{ priority: 0, type: 'LOWERCASE' }] },
};
const LINUX_GROUP: Rule = {
  name: 'LinuxExploits', priority: 30, overrideAction: { none: {} },
  statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesLinuxRuleSet' } }, visibilityConfig: visibility('LinuxExploits'),
};

describe('ElectionWebAcl additionalRules', () => {
  const blockWpAdmin = rule('BlockWpAdmin', 11, { block: {} }, NEVER_SERVED);
  const allowProbe = rule('AllowUptimeProbe', 50, { allow: {} }, PROBE_PATH);
  const { app, stack } = webAcl({ additionalRules: [allowProbe, blockWpAdmin, LINUX_GROUP] });

  test('go after every baseline rule, in the order of their priorities', () => {
    const rules = Object.values(Template.fromStack(stack).findResources('AWS::WAFv2::WebACL'))[0].Properties.Rules as Array<{ Name: string; Priority: number }>;
    expect(rules.map((r) => [r.Name, r.Priority]).slice(-3)).toEqual([['BlockWpAdmin', 11], ['LinuxExploits', 30], ['AllowUptimeProbe', 50]]);
    expect(rules.slice(0, -3).every((r) => r.Priority <= 10)).toBe(true);
    Template.fromStack(stack).hasResourceProperties('AWS::WAFv2::WebACL', {
      Rules: Match.arrayWith([Match.objectLike({
        Name: 'AllowUptimeProbe', Action: { Allow: {} },
        Statement: { ByteMatchStatement: Match.objectLike({ FieldToMatch: { UriPath: {} }, SearchString: '/health' }) },
      })]),
    });
  });

  test('an Allow after every protection passes the election baseline, AwsSolutions and NIST 800-53', () => {
    expect(synthViolations(app)).toEqual([]);
    expect(synthViolations(app, new AwsSolutionsChecks())).toEqual([]);
    expect(synthViolations(app, new NIST80053R5Checks())).toEqual([]);
  });
});

describe('ElectionWebAcl refuses exactly the additional rules WafNoAllowBypass fails', () => {
  // Intrinsics the template keeps: the order cannot be known at synth, so it fails closed.
  const unknownAction = Fn.conditionIf('Strict', { Block: {} }, { Allow: {} }) as Rule['action'];
  const unknownStatement = Fn.conditionIf('Strict', { GeoMatchStatement: { CountryCodes: ['US'] } }, { RateBasedStatement: { Limit: 100, AggregateKeyType: 'IP' } }) as Rule['statement'];
  const lazyAllow = Lazy.any({ produce: () => ({ allow: {} }) }) as Rule['action'];
  const cases: Array<[string, Rule[], RegExp | undefined]> = [
    ['an Allow after the baseline and the agency\'s own group', [LINUX_GROUP, rule('AllowProbe', 40, { allow: {} }, PROBE_PATH)], undefined],
    ['Block and Count rules before the agency\'s own group', [rule('Block', 11, { block: {} }, NEVER_SERVED), rule('Count', 12, { count: {} }, PROBE_PATH), LINUX_GROUP], undefined],
    ['a CAPTCHA before the agency\'s own group', [rule('Captcha', 11, { captcha: {} }, PROBE_PATH), LINUX_GROUP], undefined],
    ['an Allow before the agency\'s own managed group', [rule('AllowProbe', 20, { allow: {} }, PROBE_PATH), LINUX_GROUP],
      /additionalRules\[0\] makes 'AllowProbe' \(priority 20\) an Allow rule .* at or before 'LinuxExploits' \(priority 30\), a managed rule group or rate-based rule/],
    ['an Allow before the agency\'s own rate-based rule', [rule('AllowProbe', 11, { allow: {} }, PROBE_PATH),
      rule('LoginFlood', 12, { block: {} }, { rateBasedStatement: { limit: 100, aggregateKeyType: 'IP', scopeDownStatement: PROBE_PATH } })],
    /additionalRules\[0\] makes 'AllowProbe' \(priority 11\) an Allow rule .* at or before 'LoginFlood' \(priority 12\)/],
    ['a lazy Allow (resolved at synth) before the agency\'s own group', [rule('LazyAllow', 11, lazyAllow, PROBE_PATH), LINUX_GROUP], /additionalRules\[0\] makes 'LazyAllow'/],
    ['a lazy Allow after the agency\'s own group', [LINUX_GROUP, rule('LazyAllow', 31, lazyAllow, PROBE_PATH)], undefined],
    ['an Fn::If action before the agency\'s own group', [rule('Unknown', 11, unknownAction, PROBE_PATH), LINUX_GROUP], /additionalRules\[0\] makes 'Unknown' \(priority 11\)/],
    ['an Fn::If statement after an Allow', [rule('AllowProbe', 11, { allow: {} }, PROBE_PATH), rule('Opaque', 12, { block: {} }, unknownStatement)],
      /additionalRules\[0\] makes 'AllowProbe' \(priority 11\) an Allow rule .* at or before 'Opaque' \(priority 12\)/],
    ['an Fn::If statement before an Allow', [rule('Opaque', 11, { block: {} }, unknownStatement), rule('AllowProbe', 12, { allow: {} }, PROBE_PATH)], undefined],
  ];

  test.each(cases)('%s', (_, additionalRules, refused) => {
    // The same rules put on a baseline web ACL by escape hatch, judged by the rule.
    const hatched = webAcl();
    hatched.construct.webAcl.rules = [...(hatched.construct.webAcl.rules as Rule[]), ...additionalRules];
    const ruleFails = pathsViolating(hatched.stack, 'WafNoAllowBypass').length > 0;
    expect(ruleFails).toBe(refused !== undefined);
    if (refused) {
      const error = expectValidationError(() => webAcl({ additionalRules }), { code: ValidationErrorCode.WEAKENS_BASELINE, prop: 'additionalRules[0]', message: refused });
      expect(error.allowed).toMatch(/ElectionBaseline-WafNoAllowBypass\): give it a priority above every managed rule group/);
    } else {
      expect(pathsViolating(webAcl({ additionalRules }).stack, 'WafNoAllowBypass')).toEqual([]);
    }
  });
});

describe('ElectionWebAcl additionalRules: bad input names the rule, the prop and what is allowed', () => {
  const block = (name: string, priority: number) => rule(name, priority, { block: {} }, NEVER_SERVED);
  test.each([
    ['a priority among the baseline\'s', [block('Early', 10)],
      ValidationErrorCode.INVALID_VALUE, 'additionalRules[0].priority', "additionalRules[0].priority is 10; it must be a literal whole number above 10, the last priority the baseline uses or reserves"],
    ['a priority ahead of everything', [block('First', -1)], ValidationErrorCode.INVALID_VALUE, 'additionalRules[0].priority', 'additionalRules[0].priority is -1; it must be a literal whole number above 10'],
    ['a fractional priority', [block('Half', 11.5)], ValidationErrorCode.INVALID_VALUE, 'additionalRules[0].priority', 'additionalRules[0].priority is 11.5;'],
    ['a token priority', [block('Lazy', Lazy.number({ produce: () => 11 }))], ValidationErrorCode.TOKEN_NOT_ALLOWED, 'additionalRules[0].priority', 'additionalRules[0].priority is a token;'],
    ['two rules at one priority', [block('One', 12), block('Two', 12)], ValidationErrorCode.INVALID_VALUE, 'additionalRules[1].priority', "additionalRules[1].priority is 12, as another additional rule's; each rule needs a priority of its own"],
    ['a baseline rule name', [block('RateLimitPerIp', 11)], ValidationErrorCode.INVALID_VALUE, 'additionalRules[0].name', "additionalRules[0].name is 'RateLimitPerIp'; each rule needs a name of its own: OriginVerify, RateLimitPerIp, GeoAllowList and names starting with AWS- are the baseline's"],
    ['a managed-group name of the baseline\'s form', [block('AWS-AWSManagedRulesACFPRuleSet', 11)], ValidationErrorCode.INVALID_VALUE, 'additionalRules[0].name', "additionalRules[0].name is 'AWS-AWSManagedRulesACFPRuleSet'; each rule needs a name of its own"],
    ['two rules of one name', [block('Same', 11), block('Same', 12)], ValidationErrorCode.INVALID_VALUE, 'additionalRules[1].name', "additionalRules[1].name is 'Same'; each rule needs a name of its own"],
    ['a name with a space', [block('Block scanners', 11)], ValidationErrorCode.INVALID_VALUE, 'additionalRules[0].name', "additionalRules[0].name is 'Block scanners'; it must be a literal of 1 to 128 letters, digits, underscores and hyphens"],
    ['a token name', [block(Lazy.string({ produce: () => 'Lazy' }), 11)], ValidationErrorCode.TOKEN_NOT_ALLOWED, 'additionalRules[0].name', 'additionalRules[0].name is a token;'],
  ] as Array<[string, Rule[], ValidationErrorCode, string, string]>)('%s', (_, additionalRules, code, prop, message) => {
    expectValidationError(() => webAcl({ additionalRules }), { code, prop, message: `ElectionWebAcl 'Test/Acl': ${message}` });
  });
});
