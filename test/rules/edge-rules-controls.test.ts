import { NagMessageLevel } from 'cdk-nag';
import { ControlCatalogue } from '../../lib/controls/catalogue';
import { ELECTION_RULES } from '../../lib/rules';
import { WAF_PRESET_TAG, WAF_PRESET_MANAGED_GROUPS, WebAclPreset, BASELINE_MANAGED_GROUPS } from '../../lib/baseline/waf-preset';

/** The edge rules of issue 3, by service. */
const EDGE_RULES: Record<string, string[]> = {
  cloudfront: [
    'CloudFrontWebAclAttached',
    'CloudFrontViewerHttpsOnly',
    'CloudFrontTlsMinimum',
    'CloudFrontAccessLogging',
    'CloudFrontS3OriginAccessControl',
    'CloudFrontHsts',
    'CloudFrontCachingEnabled',
  ],
  wafv2: ['WafManagedRuleGroups', 'WafNoCountOverride', 'WafRateBasedRule', 'WafLoggingRedacted', 'WafNoGeoBlocking'],
  apigateway: ['ApiGatewayWebAcl', 'ApiGatewayAccessLogging', 'ApiGatewayThrottling', 'ApiGatewayTls'],
  dynamodb: ['DynamoDbCustomerManagedKey', 'DynamoDbPointInTimeRecovery', 'DynamoDbDeletionProtection'],
  lambda: ['LambdaNoPublicInvoke', 'LambdaFunctionUrlAuth'],
  cognito: ['CognitoMfaRequired', 'CognitoThreatProtection'],
};
const NOT_WAIVABLE = ['CloudFrontViewerHttpsOnly', 'CloudFrontTlsMinimum', 'ApiGatewayTls', 'DynamoDbCustomerManagedKey'];

describe('edge rules (issue 3)', () => {
  const byName = new Map(ELECTION_RULES.map((r) => [r.name, r]));

  test.each(Object.entries(EDGE_RULES))('%s: every rule is registered, an error, and maps only to catalogued controls', (_, names) => {
    for (const name of names) {
      const rule = byName.get(name);
      expect(rule).toBeDefined();
      expect(rule!.level).toBe(NagMessageLevel.ERROR);
      expect(rule!.controls.filter((id) => !ControlCatalogue.has(id))).toEqual([]);
      expect(rule!.waivable).toBe(!NOT_WAIVABLE.includes(name));
    }
  });

  test('the WAF presets: the tag key constructs write, and results a subset of portal', () => {
    expect(WAF_PRESET_TAG).toBe('election:waf-preset');
    expect(WAF_PRESET_MANAGED_GROUPS[WebAclPreset.RESULTS].every((g) => WAF_PRESET_MANAGED_GROUPS[WebAclPreset.PORTAL].includes(g))).toBe(true);
    expect([...BASELINE_MANAGED_GROUPS].sort()).toEqual([...WAF_PRESET_MANAGED_GROUPS[WebAclPreset.PORTAL]].sort());
  });
});
