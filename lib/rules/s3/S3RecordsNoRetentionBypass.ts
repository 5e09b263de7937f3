import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { DataClass } from '../../baseline/data-class';
import { requiredForClass } from '../../pack/data-class-of';
import { oncePerTemplate } from '../../pack/attachments';
import { ElectionRule } from '../../pack/election-rule';
import { bucketNameText, renderText } from '../../pack/arn-text';
import { asList, isIntrinsic, isObject, JsonObject } from '../../baseline/intrinsics';
import { actionPatternMatches, allowsAnyAction, hasWildcardPrincipal, policyStatements } from '../../pack/policy-document';
import { StackTemplate, TemplateResource, UNRESOLVED } from '../../pack/template-model';

/** The actions that unlock or rewrite a records bucket's retention. */
export const RETENTION_BYPASS_ACTIONS = ['s3:BypassGovernanceRetention', 's3:PutBucketObjectLockConfiguration'];

const IAM_TYPES = ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'];

/** No policy hands out the power to shorten or bypass records retention. */
export const S3RecordsNoRetentionBypass: ElectionRule = {
  name: 'S3RecordsNoRetentionBypass',
  level: NagMessageLevel.ERROR,
  info:
    'A policy grants s3:BypassGovernanceRetention or s3:PutBucketObjectLockConfiguration (directly or through a ' +
    'wildcard such as s3:* or *) on an election-records bucket.',
  explanation:
    'Object Lock protects records only if nobody can lift it. Passes: s3:BypassGovernanceRetention and ' +
    's3:PutBucketObjectLockConfiguration granted neither to "*" by the bucket policy nor on the bucket by IAM.',
  rationale:
    'A grant of either action, directly or through a wildcard such as s3:* or *, lets a stolen credential or ' +
    'ransomware rewrite the lock before deleting; an IAM grant counts when it names a records bucket or every ' +
    'resource. Grants written with intrinsics the template does not resolve fail the rule.',
  controls: ['52-USC-20701', 'NIST-800-53-r5:AC-6', 'NIST-800-53-r5:AC-3', 'NIST-800-53-r5:SI-12', 'CISA-CPG:2.E', 'CIS-v8:3.4'],
  resourceTypes: ['AWS::S3::BucketPolicy', ...IAM_TYPES],
  waivable: false,
  faultPath: bypassFaultPath,
  check: s3RecordsNoRetentionBypass,
};

function s3RecordsNoRetentionBypass(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  if (resource.type === 'AWS::S3::BucketPolicy') return bucketPolicyCompliance(resource, template);
  for (const document of identityPolicyDocuments(resource)) {
    const statements = policyStatements(document);
    if (statements === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
    const bypass = statements.some(
      (s) => allowsAnyAction(s, RETENTION_BYPASS_ACTIONS) && coversRecordsBucket(s, template),
    );
    if (bypass) return NagRuleCompliance.NON_COMPLIANT;
  }
  return NagRuleCompliance.COMPLIANT;
}

function bucketPolicyCompliance(policy: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const bucketId = template.bucketIdOf(policy.properties.Bucket);
  const bucket = bucketId !== undefined ? template.get(bucketId) : undefined;
  if (bucket && !requiredForClass(bucket, [DataClass.ELECTION_RECORDS])) return NagRuleCompliance.NOT_APPLICABLE;
  const statements = policyStatements(policy.properties.PolicyDocument);
  if (statements === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  return statements.some((s) => hasWildcardPrincipal(s) && allowsAnyAction(s, RETENTION_BYPASS_ACTIONS))
    ? NagRuleCompliance.NON_COMPLIANT
    : NagRuleCompliance.COMPLIANT;
}

function identityPolicyDocuments(resource: TemplateResource): unknown[] {
  if (resource.type === 'AWS::IAM::Policy' || resource.type === 'AWS::IAM::ManagedPolicy') {
    return [resource.properties.PolicyDocument];
  }
  const inline = resource.properties.Policies;
  if (inline === undefined) return [];
  if (isIntrinsic(inline) || !Array.isArray(inline)) return [UNRESOLVED_DOCUMENT];
  return inline.map((p) => (isObject(p) ? p.PolicyDocument : UNRESOLVED_DOCUMENT));
}

/** Stands for a policy document the template does not spell out. */
const UNRESOLVED_DOCUMENT = { 'Fn::Unresolved': true };

/** The ARN of each records bucket (or bucket of unknown class) of the template. */
const recordsBucketArns = oncePerTemplate((template) => template
  .ofType('AWS::S3::Bucket')
  .filter((bucket) => requiredForClass(bucket, [DataClass.ELECTION_RECORDS]))
  .map((bucket) => `arn:aws:s3:::${bucketNameText(bucket.logicalId, template)}`));

/**
 * Whether a statement's resources reach a records bucket (or a bucket of
 * unknown class) of this template: `*`, `NotResource`, a wildcard S3 ARN, the
 * bucket's ARN however it is spelled, or anything the template cannot resolve.
 */
function coversRecordsBucket(statement: JsonObject, template: StackTemplate): boolean {
  if (statement.NotResource !== undefined) return true;
  const sensitive = recordsBucketArns(template);
  return asList(statement.Resource).some((entry) => {
    const text = renderText(entry, template);
    if (text === undefined) return true;
    const arn = text.replace(/^arn:aws[a-z-]*:/, 'arn:aws:');
    if (arn === '*' || /^arn:aws:s3:::\*/.test(arn)) return true;
    if (sensitive.some((bucketArn) => actionPatternMatches(arn, bucketArn) || actionPatternMatches(arn, `${bucketArn}/any-object`))) {
      return true;
    }
    // A wildcard bucket name may match the name CloudFormation will generate for an unnamed records bucket.
    const bucketPart = arn.startsWith('arn:aws:s3:::') ? arn.slice('arn:aws:s3:::'.length).split('/')[0] : '';
    return /[*?]/.test(bucketPart) && sensitive.some((bucketArn) => bucketArn.includes('<bucket:'));
  });
}

function bypassFaultPath(resource: TemplateResource): string {
  return resource.type === 'AWS::S3::BucketPolicy' || resource.type === 'AWS::IAM::Policy' || resource.type === 'AWS::IAM::ManagedPolicy'
    ? 'Properties.PolicyDocument'
    : 'Properties.Policies';
}
