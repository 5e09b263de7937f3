import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { isIntrinsic, isObject, literalBoolean } from '../../pack/intrinsics';
import { TemplateResource } from '../../pack/template-model';

/** Request bodies are replaced, not hashed, in the web ACL's logs and samples. */
export const WafDataProtection: ElectionRule = {
  name: 'WafDataProtection',
  level: NagMessageLevel.ERROR,
  info: 'The web ACL does not protect whole request bodies with DataProtectionConfig (FieldType BODY without FieldKeys, Action SUBSTITUTION).',
  explanation:
    'A registration form posts names, dates of birth, driver\'s licence numbers and the last four digits of SSNs. ' +
    'When a managed rule matches the body, WAF writes the matching part into its logs and sampled requests: a ' +
    'second, less-guarded copy of voter PII for whoever reads the logs (the data AA20-304A actors went after). ' +
    'DataProtectionConfig must carry a BODY entry with Action SUBSTITUTION, not HASH (a hashed date of birth or ' +
    'SSN fragment is brute-forced in seconds), without ExcludeRuleMatchDetails or ExcludeRateBasedDetails. ' +
    'It must cover the whole body: FieldKeys narrow it to named fields, and a field the list misses (or a form ' +
    'that renames one) reaches the logs in clear. Every preset needs it: the results preset\'s common rule set ' +
    'inspects bodies too, and a voter who posts a form to the wrong site is still logged. ElectionWebAcl\'s ' +
    'protectedBodyFields waives it, naming the fields, for agencies whose analysts need to see the other fields.',
  controls: ['NIST-800-53-r5:AU-9', 'NIST-800-53-r5:SC-28', 'NIST-800-53-r5:SI-12', 'CISA-CPG:2.L'],
  resourceTypes: ['AWS::WAFv2::WebACL'],
  waivable: true,
  check: wafDataProtection,
};

function wafDataProtection(resource: TemplateResource): NagRuleCompliance {
  const config = resource.properties.DataProtectionConfig;
  if (!isObject(config) || isIntrinsic(config) || !Array.isArray(config.DataProtections)) return NagRuleCompliance.NON_COMPLIANT;
  return config.DataProtections.some(substitutesBody) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

function substitutesBody(protection: unknown): boolean {
  if (!isObject(protection) || isIntrinsic(protection)) return false;
  const field = protection.Field;
  if (!isObject(field) || field.FieldType !== 'BODY' || protection.Action !== 'SUBSTITUTION') return false;
  // Named keys leave every other field of the body in clear.
  if (field.FieldKeys !== undefined) return false;
  return [protection.ExcludeRuleMatchDetails, protection.ExcludeRateBasedDetails].every((flag) => flag === undefined || literalBoolean(flag) === false);
}
