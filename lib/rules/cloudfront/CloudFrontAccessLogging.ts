import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { distributionConfig } from '../../pack/distribution';
import { ElectionRule } from '../../pack/election-rule';
import { at, referencedLogicalId } from '../../pack/intrinsics';
import { refersTo, renderSymbolic } from '../../pack/references';
import { StackTemplate, TemplateResource, UNRESOLVED } from '../../pack/template-model';

/** Every request to the distribution is logged. */
export const CloudFrontAccessLogging: ElectionRule = {
  name: 'CloudFrontAccessLogging',
  level: NagMessageLevel.ERROR,
  info: 'The distribution has no access logs: neither legacy S3 logging nor a CloudWatch Logs delivery of its ACCESS_LOGS.',
  explanation:
    'After a scraping campaign like the one CISA AA20-304A describes, or an election-day flood, responders need ' +
    'every request: source address, path, status and bytes, to tell what was taken and to block who took it. ' +
    'Either legacy logging (DistributionConfig.Logging.Bucket) or CloudWatch vended log delivery (v2): an ' +
    'AWS::Logs::DeliverySource with LogType ACCESS_LOGS whose ResourceArn refers to this distribution, and an ' +
    'AWS::Logs::Delivery from that source to a destination. Legacy logging needs S3 ACLs, which the baseline ' +
    'forbids, so the library uses v2.',
  controls: ['NIST-800-53-r5:AU-2', 'NIST-800-53-r5:AU-3', 'NIST-800-53-r5:AU-12', 'NIST-800-53-r5:SI-4', 'CISA-CPG:2.T', 'CIS-v8:8.2'],
  resourceTypes: ['AWS::CloudFront::Distribution'],
  waivable: true,
  check: cloudFrontAccessLogging,
};

function cloudFrontAccessLogging(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const config = distributionConfig(resource);
  if (config === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  // Legacy logging: a bucket domain, literal or from a bucket of the template (not a parameter).
  if (renderSymbolic(at(config, 'Logging', 'Bucket'), template)) return NagRuleCompliance.COMPLIANT;
  return hasVendedAccessLogDelivery(resource.logicalId, template) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

function hasVendedAccessLogDelivery(distributionId: string, template: StackTemplate): boolean {
  const sources = template
    .ofType('AWS::Logs::DeliverySource')
    .filter((s) => s.properties.LogType === 'ACCESS_LOGS' && refersTo(s.properties.ResourceArn, distributionId));
  if (sources.length === 0) return false;
  return template.ofType('AWS::Logs::Delivery').some((delivery) => {
    const { DeliverySourceName: sourceName, DeliveryDestinationArn: destination } = delivery.properties;
    const rendered = renderSymbolic(destination, template);
    if (rendered === undefined || rendered === '') return false; // absent, a parameter or an import
    return sources.some((source) => sourceName === source.properties.Name || referencedLogicalId(sourceName) === source.logicalId);
  });
}
