import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { allBehaviors, distributionConfig, isReadOnlyBehavior } from '../../pack/distribution';
import { ElectionRule } from '../../pack/election-rule';
import { isIntrinsic, isObject, literalBoolean } from '../../baseline/intrinsics';
import { resourcesReferringTo } from '../../pack/referrers';
import { StackTemplate, TemplateResource, UNRESOLVED } from '../../pack/template-model';

/** Request bodies are replaced, not hashed, in the web ACL's logs and samples. */
export const WafDataProtection: ElectionRule = {
  name: 'WafDataProtection',
  level: NagMessageLevel.ERROR,
  info: 'The web ACL does not protect whole request bodies with DataProtectionConfig (FieldType BODY without FieldKeys, Action SUBSTITUTION).',
  explanation:
    'Form bodies a WAF rule matches (names, birth dates, SSN digits) are written into logs and samples. Passes: ' +
    'a BODY DataProtectionConfig entry, no FieldKeys, Action SUBSTITUTION, no Exclude flags.',
  rationale:
    'SUBSTITUTION is required because a hash of a birth date or SSN digits can be brute-forced. A CLOUDFRONT ' +
    'web ACL only on distributions allowing just GET/HEAD takes no body and passes.',
  controls: ['NIST-800-53-r5:AU-9', 'NIST-800-53-r5:SC-28', 'NIST-800-53-r5:SI-12', 'CISA-CPG:2.L'],
  resourceTypes: ['AWS::WAFv2::WebACL'],
  waivable: true,
  faultPath: () => 'Properties.DataProtectionConfig',
  check: wafDataProtection,
};

function wafDataProtection(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  if (guardsOnlyReadOnlyDistributions(resource, template)) return NagRuleCompliance.COMPLIANT;
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

/**
 * A CLOUDFRONT web ACL that the template attaches only to distributions whose every behavior
 * allows just GET and HEAD: CloudFront refuses other methods and a GET with a body (403), so no
 * body reaches it. Any other resource naming it (a distribution tenant, say) keeps the rule.
 */
function guardsOnlyReadOnlyDistributions(acl: TemplateResource, template: StackTemplate): boolean {
  if (acl.properties.Scope !== 'CLOUDFRONT') return false;
  const users = resourcesReferringTo(template, acl.logicalId).filter((r) => r !== acl && r.type !== 'AWS::WAFv2::LoggingConfiguration');
  return users.length > 0 && users.every((r) => r.type === 'AWS::CloudFront::Distribution' && readOnlyDistribution(r));
}

function readOnlyDistribution(distribution: TemplateResource): boolean {
  const config = distributionConfig(distribution);
  const behaviors = config === UNRESOLVED ? UNRESOLVED : allBehaviors(config);
  return behaviors !== UNRESOLVED && behaviors.every(isReadOnlyBehavior);
}
