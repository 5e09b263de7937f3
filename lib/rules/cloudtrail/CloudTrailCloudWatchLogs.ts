import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { referencedLogicalId } from '../../pack/intrinsics';
import { getAttAttribute, referencedResourceOfType, renderSymbolic } from '../../pack/references';
import { StackTemplate, TemplateResource } from '../../pack/template-model';

/** The trail also feeds CloudWatch Logs, where alarms watch it. */
export const CloudTrailCloudWatchLogs: ElectionRule = {
  name: 'CloudTrailCloudWatchLogs',
  level: NagMessageLevel.ERROR,
  info: 'The CloudTrail trail does not deliver to CloudWatch Logs (CloudWatchLogsLogGroupArn and CloudWatchLogsRoleArn).',
  explanation:
    'Log files in S3 arrive every few minutes and nobody reads them on election night. Delivered to CloudWatch ' +
    'Logs, the trail feeds metric filters and alarms that page the security team when someone stops the ' +
    'trail, changes a bucket policy or signs in as root, while there is still time to act (CISA CPG 2.T; ' +
    'NIST AU-6, SI-4).',
  controls: ['NIST-800-53-r5:AU-6', 'NIST-800-53-r5:AU-6(1)', 'NIST-800-53-r5:SI-4', 'NIST-800-53-r5:SI-4(5)', 'CISA-CPG:2.T', 'CIS-v8:8.9', 'CIS-v8:8.11'],
  resourceTypes: ['AWS::CloudTrail::Trail'],
  waivable: true,
  check: (resource: TemplateResource, template: StackTemplate) => {
    const { CloudWatchLogsLogGroupArn: group, CloudWatchLogsRoleArn: role } = resource.properties;
    const delivers = names(group, template, 'AWS::Logs::LogGroup', LOG_GROUP_ARN) && names(role, template, 'AWS::IAM::Role', ROLE_ARN);
    return delivers ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  },
};

/** A log group ARN as CloudTrail takes it, with CDK's `:*` suffix or without. */
const LOG_GROUP_ARN = /^arn:[^:]+:logs:[^:]+:[^:]+:log-group:[^:*]+(:\*)?$/;
const ROLE_ARN = /^arn:[^:]+:iam::[^:]+:role\/.+$/;

/**
 * Whether a value surely names a resource of `type`: its Arn by `Fn::GetAtt`
 * on a resource of the template, or an ARN of that shape written out (in a
 * literal, Join or Sub of pseudo parameters and resources). A parameter, an
 * import, a condition or an empty part may name anything or nothing, and fails.
 */
function names(value: unknown, template: StackTemplate, type: string, shape: RegExp): boolean {
  if (referencedLogicalId(value) !== undefined) {
    return referencedResourceOfType(value, type, template) !== undefined && getAttAttribute(value) === 'Arn';
  }
  // Pseudo parameters render as <AWS::Region>: one ARN field each.
  const text = renderSymbolic(value, template)?.replace(/<AWS::[A-Za-z]+>/g, 'pseudo');
  return text !== undefined && shape.test(text);
}
