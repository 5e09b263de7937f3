import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { metricFiltersReading } from '../../pack/log-group-attachments';
import { StackTemplate, TemplateResource } from '../../pack/template-model';

/** A log group that metric filters read stays in the Standard class, where metric filters run. */
export const LogGroupMetricFilterClass: ElectionRule = {
  name: 'LogGroupMetricFilterClass',
  level: NagMessageLevel.ERROR,
  info: 'A metric filter of the template reads this log group, but its LogGroupClass is not STANDARD: the filter never emits a metric.',
  explanation:
    'The Infrequent Access and Delivery log classes run no metric filters, so the trail alarms can never fire. ' +
    'Passes: a log group that a metric filter reads has LogGroupClass STANDARD or absent.',
  rationale:
    'The CloudTrail alarms of the baseline (trail stopped, root use, records bucket policy changed, KMS key ' +
    'disabled or scheduled for deletion) are metric filters on the trail log group. With either class the log ' +
    'group still fills and the alarms still exist, so audit-log tampering or ransomware staging goes ' +
    'unannounced. A metric filter reads a group when an AWS::Logs::MetricFilter of the template names it, by ' +
    'Ref or by its literal LogGroupName; a class the template does not resolve fails. A log group no filter ' +
    'reads is not judged. Waive it only when the filters on the group are knowingly retired and about to be ' +
    'removed, naming the alarms that replace them.',
  controls: ['NIST-800-53-r5:AU-6(1)', 'NIST-800-53-r5:AU-5', 'NIST-800-53-r5:SI-4', 'NIST-800-53-r5:SI-4(5)', 'CISA-CPG:2.T', 'CIS-v8:8.11'],
  resourceTypes: ['AWS::Logs::LogGroup'],
  waivable: true,
  faultPath: () => 'Properties.LogGroupClass',
  check: logGroupMetricFilterClass,
};

function logGroupMetricFilterClass(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  if (metricFiltersReading(template, resource).length === 0) return NagRuleCompliance.NOT_APPLICABLE;
  const logClass = resource.properties.LogGroupClass;
  return logClass === undefined || logClass === 'STANDARD' ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
