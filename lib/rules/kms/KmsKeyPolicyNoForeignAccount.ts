import { foreignAccountRule } from '../../pack/foreign-account-rule';
import { documentAccountFindings } from '../../pack/foreign-accounts';

/** A key policy grants only the agency's accounts, or its organization. */
export const KmsKeyPolicyNoForeignAccount = foreignAccountRule({
  name: 'KmsKeyPolicyNoForeignAccount',
  subject: 'The key policy',
  info: "The key policy grants an AWS account that is neither the stack's own nor a trusted one (a literal account id in a principal or an account or ARN condition).",
  explanation:
    "A key grant to another account lets it decrypt every voter record the key protects, wherever a copy lands. " +
    'Passes: own or trusted accounts, services, statements limited by aws:PrincipalOrgID.',
  resourceTypes: ['AWS::KMS::Key'],
  findings: (resource, template) => documentAccountFindings(resource.properties.KeyPolicy, template),
  faultPath: () => 'Properties.KeyPolicy',
});
