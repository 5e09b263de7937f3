import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { distributionConfig } from '../../pack/distribution';
import { ElectionRule } from '../../pack/election-rule';
import { at, isIntrinsic, isObject } from '../../pack/intrinsics';
import { TemplateResource, UNRESOLVED } from '../../pack/template-model';

/** The distribution does not turn voters away by country. */
export const CloudFrontNoGeoRestriction: ElectionRule = {
  name: 'CloudFrontNoGeoRestriction',
  level: NagMessageLevel.ERROR,
  info: 'The distribution restricts viewers by country (Restrictions.GeoRestriction.RestrictionType whitelist or blacklist).',
  explanation:
    'Overseas and military voters (UOCAVA) register, request ballots and check results from abroad; a CloudFront ' +
    'geo restriction turns them away with a 403 while attackers, as CISA AA20-304A describes, simply use a US VPN ' +
    'or hosting provider. The AWS anonymous-IP and IP-reputation lists and rate limits of the web ACL answer that ' +
    'threat without excluding voters. DistributionConfig.Restrictions.GeoRestriction must be absent or have ' +
    'RestrictionType none; an allow list (whitelist) or a block list (blacklist) of countries is a finding, and a ' +
    'restriction an intrinsic decides fails closed. This is the distribution-level counterpart of WafNoGeoBlocking. ' +
    'An agency that must geo-restrict (a legal sanctions block, say) acknowledges this rule with its reason.',
  controls: ['NIST-800-53-r5:SC-7', 'NIST-800-53-r5:CM-6', 'CISA-CPG:2.W'],
  resourceTypes: ['AWS::CloudFront::Distribution'],
  waivable: true,
  check: cloudFrontNoGeoRestriction,
};

function cloudFrontNoGeoRestriction(resource: TemplateResource): NagRuleCompliance {
  const config = distributionConfig(resource);
  if (config === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  const restrictions = config.Restrictions;
  if (restrictions === undefined) return NagRuleCompliance.COMPLIANT;
  if (!isObject(restrictions) || isIntrinsic(restrictions)) return NagRuleCompliance.NON_COMPLIANT;
  const geo = at(restrictions, 'GeoRestriction');
  if (geo === undefined) return NagRuleCompliance.COMPLIANT;
  const type = at(geo, 'RestrictionType');
  return typeof type === 'string' && type.toLowerCase() === 'none' ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
