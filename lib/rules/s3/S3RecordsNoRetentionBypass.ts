import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { DataClass } from '../../data-class';
import { requiredForClass } from '../../pack/data-class-of';
import { ElectionRule } from '../../pack/election-rule';
import { allReferencedLogicalIds, asList, isIntrinsic, isObject, JsonObject } from '../../pack/intrinsics';
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
    'Retention only protects records if nobody can lift it. A bucket policy that grants these actions to a ' +
    'wildcard principal, or an IAM policy that grants them on a records bucket (or on every resource), lets a ' +
    'stolen credential or ransomware rewrite the lock before deleting. Grants written with intrinsics the ' +
    'template does not resolve fail the rule.',
  controls: ['52-USC-20701', 'NIST-800-53-r5:AC-6', 'NIST-800-53-r5:AC-3', 'NIST-800-53-r5:SI-12', 'CISA-CPG:2.E'],
  resourceTypes: ['AWS::S3::BucketPolicy', ...IAM_TYPES],
  waivable: false,
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

/**
 * Whether a statement's resources reach a records bucket (or a bucket of
 * unknown class) of this template: `*`, `NotResource`, a wildcard S3 ARN, a
 * reference to such a bucket, or anything the template cannot resolve.
 */
function coversRecordsBucket(statement: JsonObject, template: StackTemplate): boolean {
  if (statement.NotResource !== undefined) return true;
  const sensitive = template
    .ofType('AWS::S3::Bucket')
    .filter((bucket) => requiredForClass(bucket, [DataClass.ELECTION_RECORDS]));
  return asList(statement.Resource).some((entry) => {
    if (typeof entry === 'string') {
      if (!/^(\*|arn:[^:]*:s3:)/.test(entry)) return false;
      if (/^\*$|^arn:[^:]*:s3:::\*/.test(entry)) return true;
      return sensitive.some((b) => typeof b.properties.BucketName === 'string' && actionPatternMatches(entry.replace(/^arn:[^:]*:s3:::/, '').split('/')[0], b.properties.BucketName));
    }
    const ids = allReferencedLogicalIds(entry);
    if (ids.size === 0) return true;
    return [...ids].some((id) => {
      const target = template.get(id);
      if (!target) return true;
      return target.type === 'AWS::S3::Bucket' && requiredForClass(target, [DataClass.ELECTION_RECORDS]);
    });
  });
}
