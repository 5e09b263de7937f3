import { foreignAccountRule } from '../../pack/foreign-account-rule';
import { documentAccountFindings } from '../../pack/foreign-accounts';

/** A bucket policy grants only the agency's accounts, or its organization. */
export const S3BucketPolicyNoForeignAccount = foreignAccountRule({
  name: 'S3BucketPolicyNoForeignAccount',
  subject: 'The bucket policy',
  info: "The bucket policy grants an AWS account that is neither the stack's own nor a trusted one (a literal account id in a principal or an account or ARN condition).",
  explanation:
    "Another account's grant lets its people read or overwrite election data outside the agency's IAM and logs. " +
    'Passes: own or trusted accounts, services, statements limited by aws:PrincipalOrgID.',
  resourceTypes: ['AWS::S3::BucketPolicy'],
  findings: (resource, template) => documentAccountFindings(resource.properties.PolicyDocument, template),
  faultPath: () => 'Properties.PolicyDocument',
});
