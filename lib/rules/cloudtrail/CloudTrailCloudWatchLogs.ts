import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { referencedLogicalId } from '../../baseline/intrinsics';
import { renderSymbolic } from '../../baseline/symbolic-text';
import { getAttAttribute, referencedResourceOfType } from '../../pack/references';
import { StackTemplate, TemplateResource } from '../../pack/template-model';

/** The trail also feeds CloudWatch Logs, where alarms watch it. */
export const CloudTrailCloudWatchLogs: ElectionRule = {
  name: 'CloudTrailCloudWatchLogs',
  level: NagMessageLevel.ERROR,
  info: 'The CloudTrail trail does not deliver to CloudWatch Logs (CloudWatchLogsLogGroupArn and CloudWatchLogsRoleArn).',
  explanation:
    'Log files in S3 go unread on election night; only logs in CloudWatch feed the alarms that page the team in ' +
    'time. Passes: CloudWatchLogsLogGroupArn and CloudWatchLogsRoleArn naming a log group and a role.',
  rationale:
    'Log files in S3 arrive every few minutes. The metric filters and alarms fire when someone stops the ' +
    'trail, changes a bucket policy or signs in as root (CISA CPG 2.T; NIST AU-6, SI-4). Each ARN must surely ' +
    'name a log group and a role: the GetAtt Arn of one in the template, or an ARN of that shape written out; ' +
    'a parameter, an import or a condition may name anything and fails.',
  controls: ['NIST-800-53-r5:AU-6', 'NIST-800-53-r5:AU-6(1)', 'NIST-800-53-r5:SI-4', 'NIST-800-53-r5:SI-4(5)', 'CISA-CPG:2.T', 'CIS-v8:8.9', 'CIS-v8:8.11'],
  resourceTypes: ['AWS::CloudTrail::Trail'],
  waivable: true,
  faultPath: cloudWatchLogsFaultPath,
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

function cloudWatchLogsFaultPath(resource: TemplateResource, template: StackTemplate): string {
  const group = resource.properties.CloudWatchLogsLogGroupArn;
  return names(group, template, 'AWS::Logs::LogGroup', LOG_GROUP_ARN) ? 'Properties.CloudWatchLogsRoleArn' : 'Properties.CloudWatchLogsLogGroupArn';
}
