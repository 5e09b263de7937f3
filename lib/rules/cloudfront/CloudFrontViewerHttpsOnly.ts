import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { allBehaviors, behaviorFaultPath, distributionConfig } from '../../pack/distribution';
import { ElectionRule } from '../../pack/election-rule';
import { TemplateResource, UNRESOLVED } from '../../pack/template-model';

/** Viewers reach the distribution only over HTTPS. */
export const CloudFrontViewerHttpsOnly: ElectionRule = {
  name: 'CloudFrontViewerHttpsOnly',
  level: NagMessageLevel.ERROR,
  info: 'A cache behavior of the distribution lets viewers use plain HTTP (ViewerProtocolPolicy allow-all).',
  explanation:
    'A form or results page served over HTTP can be read and rewritten by anyone on the network path. Passes: ' +
    'every cache behavior, default and path patterns alike, uses redirect-to-https or https-only.',
  rationale:
    "A hotel or airport network, for one, can rewrite the polling-place page or lift a voter's details from a " +
    'registration form.',
  controls: ['NIST-800-53-r5:SC-8', 'NIST-800-53-r5:SC-8(1)', 'NIST-800-53-r5:SC-23', 'CISA-CPG:2.K', 'CIS-v8:3.10'],
  resourceTypes: ['AWS::CloudFront::Distribution'],
  waivable: false,
  check: cloudFrontViewerHttpsOnly,
  faultPath: viewerHttpsFaultPath,
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

function viewerHttpsFaultPath(resource: TemplateResource): string | undefined {
  return behaviorFaultPath(resource, (b) => HTTPS_POLICIES.includes(b.ViewerProtocolPolicy as string), 'ViewerProtocolPolicy');
}
