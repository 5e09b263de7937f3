import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { AWS_MANAGED_BUCKET_TAMPER_POLICIES, BUCKET_TAMPER_ACTIONS } from '../../baseline/audit-log-tampering';
import { DataClass } from '../../baseline/data-class';
import { statementReachesBucket } from '../../pack/bucket-reach';
import { declaredDataClass } from '../../pack/data-class-of';
import { oncePerTemplate } from '../../pack/attachments';
import { ElectionRule } from '../../pack/election-rule';
import { grants, managedPolicyArns, permissionStatements } from '../../pack/iam-documents';
import { allowsAnyAction } from '../../pack/policy-document';
import { renderSymbolic } from '../../baseline/symbolic-text';
import { StackTemplate, TemplateResource, UNRESOLVED } from '../../pack/template-model';

const RULE_ID = 'ElectionBaseline-IamNoAuditLogTampering';
const BUCKET_FINDING = 'Bucket::';
/** The finding for a policy document, or managed policy ARN, the template does not resolve. */
const UNRESOLVED_FINDING = 'Policy::unresolved';

/**
 * No identity may erase an audit-log or records bucket or unlock it. One
 * finding per bucket and action (`[Bucket::AuditLogs1234::s3:DeleteObject]`),
 * so a waiver names exactly what it accepts.
 */
export const IamNoAuditLogTampering: ElectionRule = {
  name: 'IamNoAuditLogTampering',
  level: NagMessageLevel.ERROR,
  info:
    'The IAM identity or policy may delete objects in, or change the policy, Object Lock, lifecycle or versioning of, ' +
    'an audit-logs or election-records bucket of the template (directly, by wildcard, or by an AWS managed admin or S3 policy).',
  explanation:
    'Whoever can do this can erase the trail of an intrusion or the records 52 U.S.C. 20701 keeps. Disposal after the ' +
    'retention is the lifecycle\'s job and configuration CloudFormation\'s; waive only a break-glass role assumed with MFA.',
  controls: ['NIST-800-53-r5:AU-9', 'NIST-800-53-r5:AC-6', 'NIST-800-53-r5:AC-3', 'NIST-800-53-r5:SI-12', '52-USC-20701', 'CISA-CPG:2.U', 'CIS-v8:3.3'],
  resourceTypes: ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'],
  waivable: true,
  check: (resource, template) => {
    if (protectedBuckets(template).length === 0) return NagRuleCompliance.NOT_APPLICABLE;
    return tamperFindings(resource, template).length > 0 ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
  },
  granular: { findings: tamperFindings, describe: describeTampering },
};

/**
 * `Bucket::<logicalId>::<action>` for each tamper action the resource's own
 * documents or AWS managed policies allow on a protected bucket. A customer
 * managed policy of the template is judged as itself, where its document is.
 */
function tamperFindings(resource: TemplateResource, template: StackTemplate): string[] {
  const buckets = protectedBuckets(template);
  if (buckets.length === 0) return [];
  const findings = new Set<string>();
  const statements = permissionStatements(resource);
  const arns = managedPolicyArns(resource);
  if (statements === UNRESOLVED || arns === UNRESOLVED) findings.add(UNRESOLVED_FINDING);
  for (const statement of statements === UNRESOLVED ? [] : statements.filter(grants)) {
    // `grants` takes an Effect that is not literally Deny as Allow; allowsAnyAction reads it literally.
    const allowed = BUCKET_TAMPER_ACTIONS.filter((action) => allowsAnyAction({ ...statement, Effect: 'Allow' }, [action]));
    if (allowed.length === 0) continue;
    for (const bucket of buckets.filter((id) => statementReachesBucket(statement, id, template))) {
      for (const action of allowed) findings.add(`${BUCKET_FINDING}${bucket}::${action}`);
    }
  }
  for (const arn of arns === UNRESOLVED ? [] : arns) {
    const verdict = managedPolicyVerdict(arn, template);
    if (verdict === 'unresolved') findings.add(UNRESOLVED_FINDING);
    if (verdict !== 'tampers') continue;
    for (const bucket of buckets) for (const action of BUCKET_TAMPER_ACTIONS) findings.add(`${BUCKET_FINDING}${bucket}::${action}`);
  }
  return [...findings].sort();
}

/**
 * Buckets classed audit-logs or election-records, and unclassified buckets
 * that receive server access logs or a trail's logs: they hold audit logs
 * whatever their tag is missing.
 */
const protectedBuckets = oncePerTemplate((template: StackTemplate): string[] => {
  const trailTargets = new Set(template.ofType('AWS::CloudTrail::Trail').map((trail) => template.bucketIdOf(trail.properties.S3BucketName)));
  return template.ofType('AWS::S3::Bucket')
    .filter((bucket) => {
      const declared = declaredDataClass(bucket);
      if (declared === DataClass.AUDIT_LOGS || declared === DataClass.ELECTION_RECORDS) return true;
      return declared === undefined && (template.isServerAccessLogDestination(bucket.logicalId) || trailTargets.has(bucket.logicalId));
    })
    .map((bucket) => bucket.logicalId);
});

/** A managed policy of the template is judged where it is; a known AWS one tampers; one the template cannot name may. */
function managedPolicyVerdict(value: unknown, template: StackTemplate): 'tampers' | 'unresolved' | 'judged-elsewhere' {
  const text = renderSymbolic(value, template);
  if (text === undefined) return 'unresolved';
  if (/^\{[^}.]+\}$/.test(text)) return 'judged-elsewhere';
  const match = /^arn:[^:]+:iam::aws:policy\/(.+)$/.exec(text.replace(/<AWS::Partition>/g, 'aws'));
  return match !== null && AWS_MANAGED_BUCKET_TAMPER_POLICIES.includes(match[1]) ? 'tampers' : 'judged-elsewhere';
}

/** What each tamper action lets its holder do, in a message. */
const WHAT_IT_DOES: Record<string, string> = {
  's3:DeleteObject': 'hide objects behind delete markers',
  's3:DeleteObjectVersion': 'erase object versions',
  's3:DeleteBucket': 'delete the bucket once empty',
  's3:PutBucketPolicy': 'rewrite the bucket policy',
  's3:DeleteBucketPolicy': 'remove the bucket policy',
  's3:PutBucketObjectLockConfiguration': 'change the Object Lock default retention',
  's3:PutObjectRetention': 'change object retention',
  's3:BypassGovernanceRetention': 'delete through GOVERNANCE retention',
  's3:PutLifecycleConfiguration': 'set a lifecycle that expires everything',
  's3:PutBucketVersioning': 'suspend versioning',
};

function describeTampering(finding: string): string {
  if (finding === UNRESOLVED_FINDING) {
    return 'The identity or policy carries a policy document or managed policy ARN the template does not resolve, so it may ' +
      `tamper with an audit-logs or election-records bucket: write it out, or acknowledge ${RULE_ID}[${finding}] saying what it grants.`;
  }
  const [bucket, action] = finding.slice(BUCKET_FINDING.length).split('::');
  return `The identity or policy may ${action} on bucket ${bucket} (audit logs or election records), which lets it ` +
    `${WHAT_IT_DOES[action] ?? 'tamper with it'}: remove the grant (lifecycle disposes, CloudFormation configures); only for a ` +
    `break-glass role assumed with MFA acknowledge ${RULE_ID}[${finding}] naming who holds it.`;
}
