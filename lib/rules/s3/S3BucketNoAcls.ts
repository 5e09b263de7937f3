import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { asList, at } from '../../baseline/intrinsics';
import { TemplateResource } from '../../pack/template-model';

/** Access is decided by policies alone; ACLs are off. */
export const S3BucketNoAcls: ElectionRule = {
  name: 'S3BucketNoAcls',
  level: NagMessageLevel.ERROR,
  info: 'The bucket does not disable ACLs (ObjectOwnership BucketOwnerEnforced, no AccessControl other than Private).',
  explanation:
    'Object ACLs grant access that policies and IAM do not show, so one object can be made public unseen. ' +
    'Passes: ObjectOwnership BucketOwnerEnforced, and no AccessControl other than Private.',
  rationale:
    'An uploader can also hand a single object to another account. With BucketOwnerEnforced, ACLs are ignored ' +
    'and the bucket owner owns every object, so the policies an auditor reads are the whole story.',
  controls: ['NIST-800-53-r5:AC-3', 'NIST-800-53-r5:AC-6', 'CISA-CPG:2.L', 'CIS-v8:3.3'],
  resourceTypes: ['AWS::S3::Bucket'],
  waivable: true,
  faultPath: noAclsFaultPath,
  check: s3BucketNoAcls,
};

function s3BucketNoAcls(resource: TemplateResource): NagRuleCompliance {
  const accessControl = resource.properties.AccessControl;
  if (accessControl !== undefined && accessControl !== 'Private') return NagRuleCompliance.NON_COMPLIANT;
  const rules = at(resource.properties, 'OwnershipControls', 'Rules');
  if (!Array.isArray(rules)) return NagRuleCompliance.NON_COMPLIANT;
  return asList(rules).some((rule) => at(rule, 'ObjectOwnership') === 'BucketOwnerEnforced')
    ? NagRuleCompliance.COMPLIANT
    : NagRuleCompliance.NON_COMPLIANT;
}

function noAclsFaultPath(resource: TemplateResource): string {
  const accessControl = resource.properties.AccessControl;
  return accessControl !== undefined && accessControl !== 'Private' ? 'Properties.AccessControl' : 'Properties.OwnershipControls';
}
