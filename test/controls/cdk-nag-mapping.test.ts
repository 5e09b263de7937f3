import { AuditRule } from '../../lib/audit/model';
import { nistControlsIn, packRules } from '../../lib/audit/packs';
import { ControlCatalogue, ControlSource } from '../../lib/controls/catalogue';
import { AWS_SOLUTIONS_CONTROLS } from '../../lib/controls/cdk-nag-aws-solutions';
import { CDK_NAG_RULE_CONTROLS, cdkNagRuleControls } from '../../lib/controls/cdk-nag-mapping';
import { NIST_800_53_R5_PACK_CONTROLS } from '../../lib/controls/cdk-nag-nist-800-53-r5';

/** Every rule the CLI's two cdk-nag packs apply, recorded by running each pack once (packRules). */
const applied = (pack: 'aws-solutions' | 'nist-800-53-r5'): AuditRule[] => [...packRules(pack).values()];
const ofSource = (ids: readonly string[], source: ControlSource) => ids.filter((id) => id.startsWith(`${source}:`));

describe('the cdk-nag rule mapping', () => {
  test.each([
    ['aws-solutions', AWS_SOLUTIONS_CONTROLS],
    ['nist-800-53-r5', NIST_800_53_R5_PACK_CONTROLS],
  ] as const)('maps every rule the %s pack applies, and no rule it does not', (pack, mapping) => {
    const ids = applied(pack).map((r) => r.ruleId);
    expect(ids.length).toBeGreaterThan(80);
    expect(ids.filter((id) => !(id in mapping))).toEqual([]);
    expect(Object.keys(mapping).filter((id) => !ids.includes(id))).toEqual([]);
  });

  test('every rule maps to at least one NIST control, and every id it maps to is in the catalogue, once', () => {
    for (const [ruleId, controls] of Object.entries(CDK_NAG_RULE_CONTROLS)) {
      expect({ ruleId, nist: ofSource(controls, ControlSource.NIST_800_53_R5).length > 0 }).toEqual({ ruleId, nist: true });
      expect({ ruleId, unknown: controls.filter((id) => !ControlCatalogue.has(id)) }).toEqual({ ruleId, unknown: [] });
      expect(new Set(controls).size).toBe(controls.length);
    }
  });

  test('the audit catalogue carries the mapped controls for every cdk-nag rule', () => {
    for (const rule of [...applied('aws-solutions'), ...applied('nist-800-53-r5')]) {
      expect({ ruleId: rule.ruleId, controls: rule.controls }).toEqual({ ruleId: rule.ruleId, controls: [...CDK_NAG_RULE_CONTROLS[rule.ruleId]] });
    }
  });

  test('the NIST pack keeps its own NIST ids: exactly those its message text names, none dropped', () => {
    for (const rule of applied('nist-800-53-r5')) {
      const named = /\(Control IDs?: (.*)\)\.?\s*$/.exec(rule.message)![1].split(',').map((s) => s.trim());
      const resolved = nistControlsIn(rule.message);
      expect(named.length).toBeGreaterThan(0);
      // Every id the pack names resolves: to itself, or (a statement part or an enhancement the catalogue lacks) to its control.
      for (const raw of named) {
        const [, base, enhancement] = /^([A-Z]{2}-\d+)(\(\d+\))?/.exec(raw)!;
        expect({ raw, resolved: [`${base}${enhancement ?? ''}`, base].some((id) => resolved.includes(`NIST-800-53-r5:${id}`)) }).toEqual({ raw, resolved: true });
      }
      expect({ ruleId: rule.ruleId, nist: ofSource(NIST_800_53_R5_PACK_CONTROLS[rule.ruleId], ControlSource.NIST_800_53_R5).sort() })
        .toEqual({ ruleId: rule.ruleId, nist: [...resolved].sort() });
    }
  });

  test('the encryption, logging and public-access rules of both packs land on CIS v8 safeguards', () => {
    expect(CDK_NAG_RULE_CONTROLS['AwsSolutions-S10']).toEqual(expect.arrayContaining(['NIST-800-53-r5:SC-8', 'CIS-v8:3.10', 'CISA-CPG:2.K']));
    expect(CDK_NAG_RULE_CONTROLS['AwsSolutions-EC26']).toEqual(expect.arrayContaining(['NIST-800-53-r5:SC-28', 'CIS-v8:3.11']));
    expect(CDK_NAG_RULE_CONTROLS['AwsSolutions-S1']).toEqual(expect.arrayContaining(['NIST-800-53-r5:AU-2', 'CIS-v8:8.2', 'CIS-v8:3.14']));
    expect(CDK_NAG_RULE_CONTROLS['NIST.800.53.R5-CloudWatchLogGroupRetentionPeriod']).toEqual(expect.arrayContaining(['NIST-800-53-r5:AU-11', 'CIS-v8:8.10']));
    expect(CDK_NAG_RULE_CONTROLS['NIST.800.53.R5-S3BucketPublicReadProhibited']).toEqual(expect.arrayContaining(['NIST-800-53-r5:AC-3', 'CIS-v8:3.3']));
  });

  test('a rule the mapping does not know (a newer cdk-nag\'s) has no mapped controls', () => {
    expect(cdkNagRuleControls('AwsSolutions-ZZ99')).toBeUndefined();
    expect(cdkNagRuleControls('toString')).toBeUndefined();
    expect(cdkNagRuleControls('AwsSolutions-S1')).toEqual([...CDK_NAG_RULE_CONTROLS['AwsSolutions-S1']]);
  });
});

describe('nistControlsIn (the fallback for a rule the mapping does not know)', () => {
  test('statement parts count as their control; held enhancements stay; others roll up to their base control', () => {
    expect(nistControlsIn('The trail is off - (Control IDs: AU-9(2), CP-9b, AC-4(21), SC-28(1)).')).toEqual([
      'NIST-800-53-r5:AU-9(2)', 'NIST-800-53-r5:CP-9', 'NIST-800-53-r5:AC-4', 'NIST-800-53-r5:SC-28(1)',
    ]);
  });

  test('text with no control list, or ids the catalogue cannot resolve, give nothing', () => {
    expect(nistControlsIn('The S3 Bucket has server access logs disabled.')).toEqual([]);
    expect(nistControlsIn('Odd - (Control IDs: ZZ-1, not-an-id).')).toEqual([]);
  });
});
