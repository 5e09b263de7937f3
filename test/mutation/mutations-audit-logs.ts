import type { CfnResource, CfnTemplate } from './construct-templates';
import type { Mutation } from './mutations';
import { Json, list, obj, props } from './template-edits';

/**
 * Erasing the access logs (issue 12): the Deny that stands in for Object Lock
 * on a server access log bucket taken out, or a role handed the power to
 * erase or unlock an audit-logs bucket. S3AccessLogBucketProtected and
 * IamNoAuditLogTampering must catch each.
 */

const deniesLogDeletes = (s: Json) => s.Effect === 'Deny' && JSON.stringify(s.Action ?? '').includes('s3:DeleteObjectVersion');
const policyStatements = (r: CfnResource) => list(obj(props(r).PolicyDocument).Statement);

/** The logical id of the first bucket tagged audit-logs: the trail archive or an access-log bucket. */
function auditLogsBucket(template: CfnTemplate): string {
  const found = Object.entries(template.Resources).find(([, body]) =>
    body.Type === 'AWS::S3::Bucket' && list(props(body).Tags).some((t) => t.Key === 'election:data-class' && t.Value === 'audit-logs'));
  if (!found) throw new Error('no audit-logs bucket in the template');
  return found[0];
}

/** Gives the role an inline policy of one statement, as a hand edit would. */
function grantInline(r: CfnResource, statement: Json): void {
  props(r).Policies = [...list(props(r).Policies), { PolicyName: 'Housekeeping', PolicyDocument: { Version: '2012-10-17', Statement: [statement] } }];
}

export const AUDIT_LOG_MUTATIONS: readonly Mutation[] = [
  {
    name: 's3 policy: Deny on access-log deletes removed',
    type: 'AWS::S3::BucketPolicy',
    applies: (r) => policyStatements(r).some(deniesLogDeletes),
    edit: (r) => (obj(props(r).PolicyDocument).Statement = policyStatements(r).filter((s) => !deniesLogDeletes(s))),
  },
  {
    name: 'iam logs: role may erase audit-log object versions',
    type: 'AWS::IAM::Role',
    edit: (r, { template }) => grantInline(r, {
      Effect: 'Allow', Action: 's3:DeleteObjectVersion', Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [auditLogsBucket(template), 'Arn'] }, '/*']] },
    }),
  },
  {
    name: 'iam logs: role may rewrite an audit-logs bucket policy and lifecycle',
    type: 'AWS::IAM::Role',
    edit: (r, { template }) => grantInline(r, {
      Effect: 'Allow', Action: ['s3:PutBucketPolicy', 's3:PutLifecycleConfiguration'], Resource: { 'Fn::GetAtt': [auditLogsBucket(template), 'Arn'] },
    }),
  },
];
