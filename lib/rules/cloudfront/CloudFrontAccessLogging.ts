import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { distributionConfig } from '../../pack/distribution';
import { ElectionRule } from '../../pack/election-rule';
import { at } from '../../baseline/intrinsics';
import { hasVendedAccessLogDelivery } from '../../pack/log-deliveries';
import { renderSymbolic } from '../../baseline/symbolic-text';
import { StackTemplate, TemplateResource, UNRESOLVED } from '../../pack/template-model';

/** Every request to the distribution is logged. */
export const CloudFrontAccessLogging: ElectionRule = {
  name: 'CloudFrontAccessLogging',
  level: NagMessageLevel.ERROR,
  info: 'The distribution has no access logs: neither legacy S3 logging nor a CloudWatch Logs delivery of its ACCESS_LOGS.',
  explanation:
    'Without access logs, responders to a scraping campaign or an election-day flood cannot tell what was taken ' +
    'or by whom. Passes: Logging.Bucket, or an ACCESS_LOGS DeliverySource for this distribution with a Delivery.',
  rationale:
    "Each log line gives a request's source address, path, status and bytes, what responders to a campaign " +
    'like the one CISA AA20-304A describes need to block who took the data. Logging.Bucket is legacy logging ' +
    '(under DistributionConfig); the DeliverySource is CloudWatch vended log delivery (v2), and counts when ' +
    'its ResourceArn refers to this distribution and an AWS::Logs::Delivery leads from it to a destination. ' +
    'Legacy logging needs S3 ACLs, which the baseline forbids, so the library uses v2.',
  controls: ['NIST-800-53-r5:AU-2', 'NIST-800-53-r5:AU-3', 'NIST-800-53-r5:AU-12', 'NIST-800-53-r5:SI-4', 'CISA-CPG:2.T', 'CIS-v8:8.2'],
  resourceTypes: ['AWS::CloudFront::Distribution'],
  waivable: true,
  check: cloudFrontAccessLogging,
  faultPath: () => 'Properties.DistributionConfig.Logging',
};

function cloudFrontAccessLogging(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const config = distributionConfig(resource);
  if (config === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  // Legacy logging: a bucket domain, literal or from a bucket of the template (not a parameter).
  if (renderSymbolic(at(config, 'Logging', 'Bucket'), template)) return NagRuleCompliance.COMPLIANT;
  return hasVendedAccessLogDelivery(template, resource.logicalId) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

