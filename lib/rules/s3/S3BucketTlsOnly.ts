import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { bucketNameToken, sameValueText, surelyCovers } from '../../pack/arn-text';
import { asList, at, JsonObject } from '../../baseline/intrinsics';
import { actionPatternMatches, isInsecureTransportDeny, policyStatements } from '../../pack/policy-document';
import { StackTemplate, TemplateResource, UNRESOLVED } from '../../pack/template-model';

/** Nothing reads or writes the bucket over plain HTTP. */
export const S3BucketTlsOnly: ElectionRule = {
  name: 'S3BucketTlsOnly',
  level: NagMessageLevel.ERROR,
  info: 'The bucket policy does not deny requests made without TLS (aws:SecureTransport false).',
  explanation:
    'Records and registrations must not cross a network in clear text. Passes: a bucket policy that denies every ' +
    'principal every S3 action on the bucket and its objects when aws:SecureTransport is false.',
  rationale:
    'A deny in the bucket policy enforces TLS whatever client or SDK a vendor uses, so results, too, cannot ' +
    'be read or altered on the wire.',
  controls: ['NIST-800-53-r5:SC-8', 'NIST-800-53-r5:SC-8(1)', 'NIST-800-53-r5:SC-13', 'CISA-CPG:2.K', 'CIS-v8:3.10'],
  resourceTypes: ['AWS::S3::Bucket'],
  waivable: false,
  check: s3BucketTlsOnly,
};

function s3BucketTlsOnly(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const name = bucketNameToken(resource.logicalId, template);
  for (const policy of template.bucketPoliciesFor(resource.logicalId)) {
    const statements = policyStatements(at(policy.properties, 'PolicyDocument'));
    if (statements === UNRESOLVED) continue;
    if (statements.some((statement) => deniesInsecureTransport(statement, name, template))) {
      return NagRuleCompliance.COMPLIANT;
    }
  }
  return NagRuleCompliance.NON_COMPLIANT;
}

function deniesInsecureTransport(statement: JsonObject, bucketName: string, template: StackTemplate): boolean {
  if (!isInsecureTransportDeny(statement)) return false;
  const actions = asList(statement.Action);
  if (!actions.some((a) => typeof a === 'string' && actionPatternMatches(a, 's3:GetObject') && actionPatternMatches(a, 's3:PutBucketPolicy'))) {
    return false;
  }
  // The bucket's ARN may be spelled with the same parameter, Sub or Join as its BucketName (AWS's own samples do).
  const resources = asList(statement.Resource).map((r) => sameValueText(r, template));
  const covers = (arn: string) => resources.some((r) => r !== undefined && surelyCovers(r, arn));
  return covers(`arn:aws:s3:::${bucketName}`) && covers(`arn:aws:s3:::${bucketName}/any-object`);
}
