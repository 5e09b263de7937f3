import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { distributionConfig } from '../../pack/distribution';
import { ElectionRule } from '../../pack/election-rule';
import { getAttAttribute, referencedResourceOfType } from '../../pack/references';
import { StackTemplate, TemplateResource, UNRESOLVED } from '../../pack/template-model';

/** Every distribution sits behind an AWS WAF web ACL. */
export const CloudFrontWebAclAttached: ElectionRule = {
  name: 'CloudFrontWebAclAttached',
  level: NagMessageLevel.ERROR,
  info: 'The CloudFront distribution is not associated with an AWS WAF (v2) web ACL.',
  explanation:
    'SQL injection (Illinois 2016), voter data scraping (CISA AA20-304A) and floods all arrive as web requests. ' +
    "Passes: WebACLId is a web ACL's ARN or the GetAtt Arn of a web ACL of the template.",
  rationale:
    'The Illinois injection exposed some 90,000 voter records, the AA20-304A scraping was scripted, and ' +
    'floods took state election sites down on election day in 2022. A WAFv2 web ACL on the distribution ' +
    'filters them at the edge before they reach an origin. A web ACL given by a parameter or an import cannot ' +
    'be checked and fails.',
  controls: ['NIST-800-53-r5:SC-5', 'NIST-800-53-r5:SC-7', 'NIST-800-53-r5:SI-4', 'NIST-800-53-r5:SI-10', 'CISA-CPG:2.W', 'CIS-v8:13.10'],
  resourceTypes: ['AWS::CloudFront::Distribution'],
  waivable: true,
  check: cloudFrontWebAclAttached,
  faultPath: () => 'Properties.DistributionConfig.WebACLId',
};

const WAFV2_GLOBAL_ARN = /^arn:aws[a-z-]*:wafv2:[a-z0-9-]+:\d{12}:global\/webacl\/[^/]+\/[A-Za-z0-9-]+$/;

function cloudFrontWebAclAttached(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const config = distributionConfig(resource);
  if (config === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  const id = config.WebACLId;
  if (typeof id === 'string') return WAFV2_GLOBAL_ARN.test(id) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  const webAcl = referencedResourceOfType(id, 'AWS::WAFv2::WebACL', template);
  // Ref of a WAFv2 web ACL is `name|id|scope`, which CloudFront refuses: only its Arn attribute names it.
  return webAcl !== undefined && getAttAttribute(id) === 'Arn' ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
