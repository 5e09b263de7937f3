import { Lazy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, NagRuleCompliance, NIST80053R5Checks } from 'cdk-nag';
import { ElectionWebAcl, ElectionWebAclProps, WafLogFilter, WebAclPreset, WebAclScope } from '../../constructs/election-web-acl';
import { WaiverIndex } from '../../lib/pack/waivers';
import { WafLoggingUnfiltered } from '../../lib/rules/wafv2/WafLoggingUnfiltered';
import { newStack } from '../helpers/pack-harness';
import { synthViolations } from '../helpers/synth-violations';
import { judge } from '../helpers/template-fixtures';
import { expectValidationError } from '../helpers/validation-error';
import { ValidationErrorCode } from '../../lib/validation-error';

function webAcl(props: Partial<ElectionWebAclProps> = {}) {
  const { app, stack } = newStack();
  const construct = new ElectionWebAcl(stack, 'Acl', { scope: WebAclScope.CLOUDFRONT, preset: WebAclPreset.RESULTS, ...props });
  return { app, stack, construct };
}

/** The rule's verdict on the logging configuration as synthesized, acknowledgments aside. */
function ruleVerdict(stack: Stack, construct: ElectionWebAcl) {
  return judge(WafLoggingUnfiltered, Template.fromStack(stack).toJSON().Resources, stack.getLogicalId(construct.loggingConfiguration));
}

const REASON = 'Election night log volume tripled our CloudWatch bill in 2024; allowed and challenged requests are in the CloudFront access logs.';

describe('ElectionWebAcl logFilter DROP_ALLOWED', () => {
  const { app, stack, construct } = webAcl({ logFilter: WafLogFilter.DROP_ALLOWED });

  test('drops only the records of allowed requests', () => {
    Template.fromStack(stack).hasResourceProperties('AWS::WAFv2::LoggingConfiguration', {
      LoggingFilter: {
        DefaultBehavior: 'KEEP',
        Filters: [{ Behavior: 'DROP', Requirement: 'MEETS_ALL', Conditions: [{ ActionCondition: { Action: 'ALLOW' } }] }],
      },
    });
  });

  test('is within the baseline: the rule passes it and nothing is acknowledged', () => {
    expect(ruleVerdict(stack, construct)).toBe(NagRuleCompliance.COMPLIANT);
    expect(synthViolations(app)).toEqual([]);
    expect(WaiverIndex.collect(stack).made().filter((w) => w.ruleId.startsWith('ElectionBaseline-'))).toEqual([]);
  });
});

describe('ElectionWebAcl logFilter BLOCKED_ONLY (opt-out)', () => {
  const { app, stack, construct } = webAcl({ logFilter: WafLogFilter.BLOCKED_ONLY, logFilterReason: REASON });

  test('keeps only the records of blocked requests', () => {
    Template.fromStack(stack).hasResourceProperties('AWS::WAFv2::LoggingConfiguration', {
      LoggingFilter: {
        DefaultBehavior: 'DROP',
        Filters: [{ Behavior: 'KEEP', Requirement: 'MEETS_ANY', Conditions: [{ ActionCondition: { Action: 'BLOCK' } }] }],
      },
    });
  });

  test('is what WafLoggingUnfiltered fails, waived on the logging configuration with the agency\'s reason', () => {
    expect(ruleVerdict(stack, construct)).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(WaiverIndex.collect(stack).made().filter((w) => w.ruleId.startsWith('ElectionBaseline-'))).toEqual([{
      ruleId: 'ElectionBaseline-WafLoggingUnfiltered',
      reason: `WAF logs keep blocked requests only (logFilter BLOCKED_ONLY): ${REASON}`,
      path: 'Test/Acl/Logging',
      origin: 'agency',
    }]);
  });

  test.each([
    ['ElectionBaseline', undefined],
    ['AwsSolutions', () => new AwsSolutionsChecks()],
    ['NIST.800.53.R5', () => new NIST80053R5Checks()],
  ])('has no finding under %s', (_, pack) => {
    expect(synthViolations(app, pack?.())).toEqual([]);
  });
});

describe('ElectionWebAcl logFilter: bad input names the prop, the value and what is allowed', () => {
  test.each([
    ['BLOCKED_ONLY without a reason', { logFilter: WafLogFilter.BLOCKED_ONLY },
      ValidationErrorCode.WEAKENS_BASELINE, 'logFilterReason', 'logFilterReason is missing while logFilter is BLOCKED_ONLY; give the agency\'s reason'],
    ['a short reason', { logFilter: WafLogFilter.BLOCKED_ONLY, logFilterReason: 'log cost' },
      ValidationErrorCode.INVALID_VALUE, 'logFilterReason', "logFilterReason is 'log cost'; the reason has 8 characters; a waiver needs at least 20 that an auditor can check: it becomes the acknowledgment of ElectionBaseline-WafLoggingUnfiltered"],
    ['a reason padded with one word', { logFilter: WafLogFilter.BLOCKED_ONLY, logFilterReason: 'cost.......................' },
      ValidationErrorCode.INVALID_VALUE, 'logFilterReason', "logFilterReason is 'cost.......................'; the reason has 1 words; a waiver needs at least 3 that say why"],
    ['a reason padded with zero-width spaces', { logFilter: WafLogFilter.BLOCKED_ONLY, logFilterReason: `log cost${'\u200b'.repeat(30)}` },
      ValidationErrorCode.INVALID_VALUE, 'logFilterReason', 'logFilterReason is \'log cost\u200b'],
    ['a token reason', { logFilter: WafLogFilter.BLOCKED_ONLY, logFilterReason: Lazy.string({ produce: () => REASON }) },
      ValidationErrorCode.TOKEN_NOT_ALLOWED, 'logFilterReason', 'logFilterReason is a token; it must be a literal string'],
    ['a reason with DROP_ALLOWED', { logFilter: WafLogFilter.DROP_ALLOWED, logFilterReason: REASON },
      ValidationErrorCode.CONFLICTING_PROPS, 'logFilterReason', 'logFilterReason is set with logFilter DROP_ALLOWED; it records why BLOCKED_ONLY drops evidence, and only with it'],
    ['a reason without a filter', { logFilterReason: REASON }, ValidationErrorCode.CONFLICTING_PROPS, 'logFilterReason', 'logFilterReason is set with logFilter unset;'],
    ['a filter in monitor mode', { logFilter: WafLogFilter.DROP_ALLOWED, monitorMode: true },
      ValidationErrorCode.CONFLICTING_PROPS, 'logFilter', 'logFilter is DROP_ALLOWED with monitorMode; in monitor mode the managed groups only count, and counted requests end as allowed'],
    ['an unknown filter', { logFilter: 'ERRORS_ONLY' as WafLogFilter }, ValidationErrorCode.INVALID_VALUE, 'logFilter', "logFilter is 'ERRORS_ONLY'; allowed are DROP_ALLOWED and BLOCKED_ONLY"],
  ] as Array<[string, Partial<ElectionWebAclProps>, ValidationErrorCode, string, string]>)('%s', (_, props, code, prop, message) => {
    expectValidationError(() => webAcl(props), { code, prop, message: `ElectionWebAcl 'Test/Acl': ${message}` });
  });
});
