import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { isObject, literalBoolean } from '../../pack/intrinsics';
import { TemplateResource } from '../../pack/template-model';

const SETTINGS = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'];

/** No bucket is public; public content is served through CloudFront with Origin Access Control. */
export const S3BucketPublicAccessBlocked: ElectionRule = {
  name: 'S3BucketPublicAccessBlocked',
  level: NagMessageLevel.ERROR,
  info: 'The bucket does not turn on all four Block Public Access settings.',
  explanation:
    'A public bucket is the commonest way voter data leaks. All four Block Public Access settings stop a ' +
    'later policy or ACL change from opening the bucket. Even the results site keeps its bucket private and ' +
    'serves it through CloudFront with Origin Access Control, which also puts the WAF in front of it.',
  controls: ['NIST-800-53-r5:AC-3', 'NIST-800-53-r5:SC-7', 'CISA-CPG:2.W', 'CISA-CPG:2.L'],
  resourceTypes: ['AWS::S3::Bucket'],
  waivable: false,
  check: s3BucketPublicAccessBlocked,
};

function s3BucketPublicAccessBlocked(resource: TemplateResource): NagRuleCompliance {
  const config = resource.properties.PublicAccessBlockConfiguration;
  if (!isObject(config)) return NagRuleCompliance.NON_COMPLIANT;
  return SETTINGS.every((setting) => literalBoolean(config[setting]) === true)
    ? NagRuleCompliance.COMPLIANT
    : NagRuleCompliance.NON_COMPLIANT;
}
