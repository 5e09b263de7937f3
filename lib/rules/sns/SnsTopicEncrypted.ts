import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { referencedLogicalId } from '../../pack/intrinsics';
import { StackTemplate, TemplateResource } from '../../pack/template-model';

const AWS_MANAGED_SNS_KEY = /(^|:)alias\/aws\/sns$/;

/** Topics carrying security alerts are encrypted under a key the agency controls. */
export const SnsTopicEncrypted: ElectionRule = {
  name: 'SnsTopicEncrypted',
  level: NagMessageLevel.ERROR,
  info: 'The SNS topic is not encrypted with a customer-managed KMS key (KmsMasterKeyId absent or alias/aws/sns).',
  explanation:
    'Security alerts name the resource under attack and the principal acting, which tells an intruder what ' +
    'was noticed. With a customer-managed key the agency decides who may publish and read (the AWS-managed ' +
    'alias/aws/sns key cannot grant EventBridge or CloudWatch, so alarms through it fail silently) and every ' +
    'use is logged. A key the template cannot resolve (a parameter, an import) fails.',
  controls: ['NIST-800-53-r5:SC-28', 'NIST-800-53-r5:SC-28(1)', 'NIST-800-53-r5:SC-12', 'CISA-CPG:2.K'],
  resourceTypes: ['AWS::SNS::Topic'],
  waivable: true,
  check: snsTopicEncrypted,
};

function snsTopicEncrypted(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const key = resource.properties.KmsMasterKeyId;
  const id = referencedLogicalId(key);
  if (id !== undefined) {
    const type = template.get(id)?.type;
    return type === 'AWS::KMS::Key' || type === 'AWS::KMS::Alias' ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  }
  if (typeof key !== 'string' || key === '') return NagRuleCompliance.NON_COMPLIANT;
  return AWS_MANAGED_SNS_KEY.test(key) ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
}
