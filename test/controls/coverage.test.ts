import { ControlCatalogue } from '../../lib/controls/catalogue';
import { CDK_NAG_RULE_CONTROLS } from '../../lib/controls/cdk-nag-mapping';
import { CONTROLS_UNUSED_BY_DESIGN } from '../../lib/controls/unused-by-design';
import { ELECTION_RULES } from '../../lib/rules';

const usedByRules = new Set([...ELECTION_RULES.flatMap((r) => r.controls), ...Object.values(CDK_NAG_RULE_CONTROLS).flat()]);

describe('catalogue coverage', () => {
  test('every catalogue control is used by some rule, or listed as unused by design', () => {
    const idle = ControlCatalogue.all().map((c) => c.id).filter((id) => !usedByRules.has(id));
    expect(idle.sort()).toEqual(Object.keys(CONTROLS_UNUSED_BY_DESIGN).sort());
  });

  test('the unused-by-design list names catalogue controls, each with a reason', () => {
    for (const [id, reason] of Object.entries(CONTROLS_UNUSED_BY_DESIGN)) {
      expect(ControlCatalogue.has(id)).toBe(true);
      expect(reason.length).toBeGreaterThan(20);
    }
  });

  test('every id any rule maps to is in the catalogue', () => {
    expect([...usedByRules].filter((id) => !ControlCatalogue.has(id))).toEqual([]);
  });

  test('every election rule maps to a CIS v8 safeguard except the few no safeguard fits', () => {
    const withoutCis = ELECTION_RULES.filter((r) => !r.controls.some((id) => id.startsWith('CIS-v8:'))).map((r) => r.name);
    // Availability and geo rules (caching, throttling, no geo-blocking), log-integrity and
    // log-redaction checks and login-abuse detection have no CIS v8 safeguard of their own.
    expect(withoutCis.sort()).toEqual([
      'ApiGatewayThrottling', 'CloudFrontCacheKeyBounded', 'CloudFrontCachingEnabled', 'CloudFrontNoGeoRestriction',
      'CloudFrontSecurityHeaders', 'CloudTrailLogFileValidation', 'CognitoThreatProtection', 'S3BucketVersioning',
      'WafDataProtection', 'WafNoGeoBlocking',
    ]);
  });
});
