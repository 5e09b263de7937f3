import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { allBehaviors, distributionConfig } from '../../pack/distribution';
import { ElectionRule } from '../../pack/election-rule';
import { TemplateResource, UNRESOLVED } from '../../pack/template-model';

/** Viewers reach the distribution only over HTTPS. */
export const CloudFrontViewerHttpsOnly: ElectionRule = {
  name: 'CloudFrontViewerHttpsOnly',
  level: NagMessageLevel.ERROR,
  info: 'A cache behavior of the distribution lets viewers use plain HTTP (ViewerProtocolPolicy allow-all).',
  explanation:
    'A registration form or a results page served over HTTP can be read and altered by anyone on the path: a ' +
    'hotel or airport network can rewrite the polling-place page or lift a voter\'s details from the form. Every ' +
    'cache behavior, the default and each path pattern, must use redirect-to-https or https-only.',
  controls: ['NIST-800-53-r5:SC-8', 'NIST-800-53-r5:SC-8(1)', 'NIST-800-53-r5:SC-23', 'CISA-CPG:2.K', 'CIS-v8:3.10'],
  resourceTypes: ['AWS::CloudFront::Distribution'],
  waivable: false,
  check: cloudFrontViewerHttpsOnly,
};

const HTTPS_POLICIES = ['redirect-to-https', 'https-only'];

function cloudFrontViewerHttpsOnly(resource: TemplateResource): NagRuleCompliance {
  const config = distributionConfig(resource);
  if (config === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  const behaviors = allBehaviors(config);
  if (behaviors === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  return behaviors.every((b) => HTTPS_POLICIES.includes(b.ViewerProtocolPolicy as string))
    ? NagRuleCompliance.COMPLIANT
    : NagRuleCompliance.NON_COMPLIANT;
}
