import { foreignAccountRule } from '../../pack/foreign-account-rule';
import { documentAccountFindings } from '../../pack/foreign-accounts';

/** A secret's resource policy grants only the agency's accounts, or its organization. */
export const SecretPolicyNoForeignAccount = foreignAccountRule({
  name: 'SecretPolicyNoForeignAccount',
  subject: "The secret's resource policy",
  info: "The secret's resource policy grants an AWS account that is neither the stack's own nor a trusted one (a literal account id in a principal or an account or ARN condition).",
  explanation:
    "Another account allowed on a secret can read the credential and reach what it guards, from outside the agency's logs. " +
    'Passes: own or trusted accounts, services, statements limited by aws:PrincipalOrgID.',
  resourceTypes: ['AWS::SecretsManager::ResourcePolicy'],
  findings: (resource, template) => documentAccountFindings(resource.properties.ResourcePolicy, template),
  faultPath: () => 'Properties.ResourcePolicy',
});
