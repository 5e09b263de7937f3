import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { isObject } from '../../baseline/intrinsics';
import { StackTemplate, TemplateResource } from '../../pack/template-model';

/** Every request to the bucket is recorded in another bucket. */
export const S3BucketServerAccessLogs: ElectionRule = {
  name: 'S3BucketServerAccessLogs',
  level: NagMessageLevel.ERROR,
  info: 'The bucket does not send server access logs to another bucket.',
  explanation:
    'After an incident the office must show who read or changed records and voter data. Passes: server access ' +
    'logs sent to another bucket; the bucket that receives them is exempt.',
  rationale:
    'CISA AA20-304A describes voter data pulled from a state site. Server access logs record each request, ' +
    'and they go to a separate bucket so that an intruder in this one cannot erase them. A bucket receives ' +
    'access logs when it is the destination of another bucket in the template or its policy lets ' +
    'logging.s3.amazonaws.com write; it cannot log to itself.',
  controls: ['NIST-800-53-r5:AU-2', 'NIST-800-53-r5:AU-12', 'NIST-800-53-r5:AU-9(2)', 'CISA-CPG:2.T', 'CIS-v8:3.14', 'CIS-v8:8.2'],
  resourceTypes: ['AWS::S3::Bucket'],
  waivable: true,
  faultPath: () => 'Properties.LoggingConfiguration.DestinationBucketName',
  check: s3BucketServerAccessLogs,
};

function s3BucketServerAccessLogs(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  if (template.isServerAccessLogDestination(resource.logicalId)) return NagRuleCompliance.NOT_APPLICABLE;
  const logging = resource.properties.LoggingConfiguration;
  if (!isObject(logging) || logging.DestinationBucketName === undefined) return NagRuleCompliance.NON_COMPLIANT;
  const destination = logging.DestinationBucketName;
  const isSelf = template.bucketIdOf(destination) === resource.logicalId;
  if (isSelf || destination === '') return NagRuleCompliance.NON_COMPLIANT;
  return NagRuleCompliance.COMPLIANT;
}
