import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { at, isObject, literalBoolean } from '../../baseline/intrinsics';
import { hasWildcardPrincipal, policyStatements } from '../../pack/policy-document';
import { StackTemplate, TemplateResource, UNRESOLVED } from '../../pack/template-model';

const SETTINGS = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'];

/** No bucket is public; public content is served through CloudFront with Origin Access Control. */
export const S3BucketPublicAccessBlocked: ElectionRule = {
  name: 'S3BucketPublicAccessBlocked',
  level: NagMessageLevel.ERROR,
  info: 'The bucket does not turn on all four Block Public Access settings, or its bucket policy allows everyone without a condition.',
  explanation:
    'A public bucket is the commonest way voter data leaks. Passes: all four Block Public Access settings true, ' +
    'and no bucket policy allowing a wildcard principal without a condition.',
  rationale:
    'All four Block Public Access settings stop a later policy or ACL change from opening the bucket. Even ' +
    'the results site keeps its bucket private and serves it through CloudFront with Origin Access Control, ' +
    'which also puts the WAF in front of it. A bucket policy of the template that allows a wildcard principal ' +
    '("*", {"AWS": "*"}) with no condition states the intent to open the bucket, which Block Public Access ' +
    'would only refuse at deploy: it fails too, as does a bucket policy document the template does not ' +
    'resolve.',
  controls: ['NIST-800-53-r5:AC-3', 'NIST-800-53-r5:SC-7', 'CISA-CPG:2.W', 'CISA-CPG:2.L', 'CIS-v8:3.3'],
  resourceTypes: ['AWS::S3::Bucket'],
  waivable: false,
  faultPath: publicAccessFaultPath,
  check: s3BucketPublicAccessBlocked,
};

function s3BucketPublicAccessBlocked(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const config = resource.properties.PublicAccessBlockConfiguration;
  if (!isObject(config)) return NagRuleCompliance.NON_COMPLIANT;
  if (!SETTINGS.every((setting) => literalBoolean(config[setting]) === true)) return NagRuleCompliance.NON_COMPLIANT;
  return template.bucketPoliciesFor(resource.logicalId).some(allowsEveryone) ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
}

/** An Allow for a wildcard principal with no condition, or a document that cannot be read (fail closed). */
function allowsEveryone(policy: TemplateResource): boolean {
  const statements = policyStatements(at(policy.properties, 'PolicyDocument'));
  if (statements === UNRESOLVED) return true;
  return statements.some((s) => s.Effect === 'Allow' && hasWildcardPrincipal(s) && !(isObject(s.Condition) && Object.keys(s.Condition).length > 0));
}

/** The bucket's own setting when it falls short; a policy that opens the bucket is another resource's fault. */
function publicAccessFaultPath(resource: TemplateResource): string | undefined {
  const config = resource.properties.PublicAccessBlockConfiguration;
  if (!isObject(config)) return 'Properties.PublicAccessBlockConfiguration';
  const off = SETTINGS.find((setting) => literalBoolean(config[setting]) !== true);
  return off !== undefined ? `Properties.PublicAccessBlockConfiguration.${off}` : undefined;
}
