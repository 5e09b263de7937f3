import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { distributionConfig } from '../../pack/distribution';
import { ElectionRule } from '../../pack/election-rule';
import { at, isIntrinsic, isObject } from '../../baseline/intrinsics';
import { TemplateResource, UNRESOLVED } from '../../pack/template-model';

/** The distribution does not turn voters away by country. */
export const CloudFrontNoGeoRestriction: ElectionRule = {
  name: 'CloudFrontNoGeoRestriction',
  level: NagMessageLevel.ERROR,
  info: 'The distribution restricts viewers by country (Restrictions.GeoRestriction.RestrictionType whitelist or blacklist).',
  explanation:
    'A geo restriction turns away overseas and military voters (UOCAVA) while attackers simply use a US VPN. ' +
    'Passes: GeoRestriction absent or RestrictionType none; to restrict, acknowledge with the reason.',
  rationale:
    'Those voters register, request ballots and check results from abroad and get a 403; the attackers in ' +
    'CISA AA20-304A used US VPNs and hosting providers. The AWS anonymous-IP and IP-reputation lists and rate ' +
    'limits of the web ACL answer that threat without excluding voters. The setting is ' +
    'DistributionConfig.Restrictions.GeoRestriction; an allow list (whitelist) or a block list (blacklist) of ' +
    'countries is a finding, and a restriction an intrinsic decides fails closed. This is the ' +
    'distribution-level counterpart of WafNoGeoBlocking. A legal sanctions block is one such reason.',
  controls: ['NIST-800-53-r5:SC-7', 'NIST-800-53-r5:CM-6', 'CISA-CPG:2.W'],
  resourceTypes: ['AWS::CloudFront::Distribution'],
  waivable: true,
  check: cloudFrontNoGeoRestriction,
  faultPath: () => 'Properties.DistributionConfig.Restrictions.GeoRestriction',
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
