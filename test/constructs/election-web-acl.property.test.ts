import { Duration, Lazy } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import * as fc from 'fast-check';
import { ElectionWebAcl, ElectionWebAclProps, RateLimitAction, WafLogFilter, WebAclPreset, WebAclScope } from '../../constructs/election-web-acl';
import { buildOrReject, mistyped, mostly, numbersAround, oddString, propertyStack, sometimes, Tally, tokenString } from '../helpers/property-harness';

const PROPS = [
  'scope', 'preset', 'rateLimit', 'rateLimitWindow', 'rateLimitAction', 'accountCreationFraudPath', 'registrationPagePath', 'staffLoginPath', 'logGroup',
  'originVerification', 'originVerification.headerName', 'originVerification.secret',
  'redactedHeaders', 'protectedBodyFields', 'geoRestriction.allowedCountryCodes', 'geoRestriction.reason', 'logFilter', 'logFilterReason', 'stack',
];

const windows = mostly(
  fc.constantFrom(Duration.minutes(1), Duration.minutes(2), Duration.minutes(5), Duration.minutes(10), Duration.seconds(120), Duration.seconds(600)),
  fc.oneof(
    fc.constantFrom(Duration.seconds(30), Duration.minutes(3), Duration.minutes(5.5), Duration.hours(1), Duration.millis(300_000), Duration.days(1)),
    fc.constant(null).map(() => Duration.minutes(Lazy.number({ produce: () => 5 }))),
  ),
);

const paths = mostly(
  fc.constantFrom('/api/register', '/v1/api/registrations', '/staff/login', '/'),
  fc.oneof(fc.constantFrom('api/register', '/with space', '/ünïcode', '/' + 'a'.repeat(256), '/' + 'a'.repeat(255), ''), oddString),
);

const headerNames = mostly(
  fc.constantFrom('x-api-key', 'X-Voter-Id', 'Authorization', 'cookie', 'x-forwarded-for'),
  fc.oneof(fc.constantFrom('', 'x y', 'x:y', 'ü-header', 'h'.repeat(65)), oddString),
);

const headerLists = fc.oneof(
  { arbitrary: fc.array(headerNames, { maxLength: 4 }), weight: 8 },
  // Around the logging configuration's 100 redacted fields (authorization and cookie always among them).
  { arbitrary: fc.integer({ min: 97, max: 99 }).map((n) => Array.from({ length: n }, (_, i) => `x-field-${i}`)), weight: 1 },
);

const bodyFields = fc.oneof(
  { arbitrary: fc.array(fc.constantFrom('ssn', 'driversLicenseNumber', 'dateOfBirth', 'k'.repeat(64)), { minLength: 1, maxLength: 4 }), weight: 6 },
  { arbitrary: fc.constantFrom([], ['k'.repeat(65)], [' '], Array.from({ length: 101 }, (_, i) => `f${i}`)), weight: 1 },
  { arbitrary: fc.array(oddString, { minLength: 1, maxLength: 2 }), weight: 1 },
);

const geo = fc.record({
  allowedCountryCodes: mostly(fc.uniqueArray(fc.constantFrom<string>('US', 'PR', 'GU', 'VI', 'AS', 'MP'), { minLength: 1 }), fc.constantFrom<string[][]>([], ['us'], ['USA'], ['U1'])),
  reason: mostly(fc.constant('State law limits the ballot-request portal to US territory'), fc.constantFrom('', 'because', ' '.repeat(30))),
});

const logGroupKinds = fc.constantFrom('none', 'none', 'none', 'named', 'badly-named', 'token');

const inputs = fc.record({
  region: fc.constantFrom('us-east-1', 'us-east-1', 'us-west-2', undefined),
  scope: mostly(fc.constantFrom(WebAclScope.CLOUDFRONT, WebAclScope.REGIONAL), mistyped<WebAclScope>('cloudfront', 'GLOBAL', '')),
  preset: mostly(fc.constantFrom(WebAclPreset.PORTAL, WebAclPreset.RESULTS), mistyped<WebAclPreset>('PORTAL', 'strict', '')),
  rateLimit: sometimes(mostly(fc.integer({ min: 10, max: 2_000_000_000 }), numbersAround([10, 300, 3000, 2_000_000_000]))),
  rateLimitWindow: sometimes(windows),
  rateLimitAction: sometimes(mostly(fc.constantFrom(...Object.values(RateLimitAction)), mistyped<RateLimitAction>('COUNT', 'block', 'ALLOW'))),
  // ACFP: both paths, one of them, or neither.
  fraud: sometimes(fc.record({ accountCreationFraudPath: fc.option(paths, { nil: undefined }), registrationPagePath: fc.option(paths, { nil: undefined }) })),
  originHeader: sometimes(mostly(fc.constantFrom('x-origin-verify', 'X-Election-Edge'), fc.constantFrom('x-amz-date', 'host', 'x-forwarded-for', 'bad header', '')), 4),
  staffLoginPath: sometimes(paths),
  botControl: sometimes(fc.boolean()),
  monitorMode: sometimes(fc.constantFrom(false, false, true)),
  redactQueryString: sometimes(fc.boolean()),
  redactedHeaders: sometimes(headerLists),
  protectedBodyFields: sometimes(bodyFields),
  geoRestriction: sometimes(geo, 4),
  logGroup: logGroupKinds,
  // A filter with what it needs, or odd pairs: a reason alone, a weak reason, an unknown filter.
  logFiltering: sometimes(mostly(
    fc.constantFrom<Pick<ElectionWebAclProps, 'logFilter' | 'logFilterReason'>>({ logFilter: WafLogFilter.DROP_ALLOWED },
      { logFilter: WafLogFilter.BLOCKED_ONLY, logFilterReason: 'Measured log cost on election night; allowed requests are in CloudFront access logs' }),
    fc.record({
      logFilter: fc.option(fc.constantFrom(WafLogFilter.DROP_ALLOWED, WafLogFilter.BLOCKED_ONLY, 'ALL' as WafLogFilter), { nil: undefined }),
      logFilterReason: fc.option(fc.constantFrom('', 'cost', '.'.repeat(30), `cost${'\u200b'.repeat(30)}`), { nil: undefined }),
    }),
  ), 4),
});

describe('ElectionWebAcl over generated props', () => {
  test('every input either throws naming the prop, or is the web ACL asked for and passes the pack (monitor mode reported)', () => {
    const tally = new Tally();
    fc.assert(
      fc.property(inputs, (input) => {
        const { app, stack } = propertyStack(input.region);
        const logGroup = input.logGroup === 'named' ? logs.LogGroup.fromLogGroupName(stack, 'OrgWafLogs', 'aws-waf-logs-county')
          : input.logGroup === 'badly-named' ? logs.LogGroup.fromLogGroupName(stack, 'OrgWafLogs', 'county-waf-logs')
            : input.logGroup === 'token' ? logs.LogGroup.fromLogGroupName(stack, 'OrgWafLogs', tokenString('aws-waf-logs-x')) : undefined;
        const { region: _region, logGroup: _kind, fraud, originHeader, logFiltering, ...rest } = input;
        const originVerification = originHeader === undefined ? undefined
          : { headerName: originHeader, secret: secretsmanager.Secret.fromSecretNameV2(stack, 'OriginSecret', 'county/origin-verify') };
        const props: ElectionWebAclProps = { ...rest, ...fraud, ...logFiltering, originVerification, logGroup };
        let acl: ElectionWebAcl | undefined;
        const violations = buildOrReject(app, stack, { speakers: [{ construct: 'ElectionWebAcl', path: 'Test/WebAcl' }], props: PROPS }, tally, () => {
          acl = new ElectionWebAcl(stack, 'WebAcl', props);
        });
        if (violations === undefined) return;
        // Monitor mode is the one unwaived opt-out, and the pack reports it; nothing else may be found (BLOCKED_ONLY is waived by name).
        const expected = input.monitorMode ? new Set(['ElectionBaseline-WafNoCountOverride']) : new Set<string>();
        expect(new Set(violations.map((v) => v.ruleId))).toEqual(expected);
        // Never silently weaker: the rate rule enforces the limit asked for, redactions fit WAF's limit.
        const rules = stack.resolve(acl!.webAcl.rules) as wafv2.CfnWebACL.RuleProperty[];
        const rate = rules.find((r) => r.name === 'RateLimitPerIp')!;
        const statement = stack.resolve(rate.statement) as { rateBasedStatement: { limit: number } };
        if (input.rateLimit !== undefined) expect(statement.rateBasedStatement.limit).toBe(input.rateLimit);
        expect(Object.keys(stack.resolve(rate.action))).toEqual([(input.rateLimitAction ?? 'BLOCK').toLowerCase()]);
        const redacted = stack.resolve(acl!.loggingConfiguration.redactedFields) as unknown[];
        expect(redacted.length).toBeLessThanOrEqual(100);
        if (input.scope === WebAclScope.CLOUDFRONT) expect(input.region ?? 'us-east-1').toBe('us-east-1');
      }),
      { numRuns: 150, seed: 20261124 },
    );
    tally.expectBothBranches(20);
    if (process.env.PROPERTY_VERBOSE) console.log(tally.built, tally.rejected, [...tally.messages].join('\n'));
  });
});
