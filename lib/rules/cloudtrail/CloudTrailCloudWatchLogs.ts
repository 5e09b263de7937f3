import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { isObject, referencedLogicalId } from '../../pack/intrinsics';
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
  controls: ['NIST-800-53-r5:AU-6', 'NIST-800-53-r5:AU-6(1)', 'NIST-800-53-r5:SI-4', 'NIST-800-53-r5:SI-4(5)', 'CISA-CPG:2.T'],
  resourceTypes: ['AWS::CloudTrail::Trail'],
  waivable: true,
  check: (resource: TemplateResource, template: StackTemplate) => {
    const { CloudWatchLogsLogGroupArn: group, CloudWatchLogsRoleArn: role } = resource.properties;
    return present(group, template) && present(role, template) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  },
};

/**
 * A value that is surely there at deploy time: a non-empty literal, a
 * reference to a resource of the template, or a Join or Sub of such parts.
 * A parameter, an import or a condition (Fn::If) may be empty, and fails.
 */
function present(value: unknown, template: StackTemplate): boolean {
  if (typeof value === 'string') return value !== '';
  if (!isObject(value)) return false;
  const id = referencedLogicalId(value);
  if (id !== undefined) return template.get(id) !== undefined;
  if (typeof value.Ref === 'string') return value.Ref.startsWith('AWS::') && value.Ref !== 'AWS::NoValue';
  const join = value['Fn::Join'];
  if (Array.isArray(join) && Array.isArray(join[1])) return (join[1] as unknown[]).every((part) => present(part, template) || part === '');
  const sub = value['Fn::Sub'];
  return typeof sub === 'string' && sub !== '';
}
