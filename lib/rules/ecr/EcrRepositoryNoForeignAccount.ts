import { foreignAccountRule } from '../../pack/foreign-account-rule';
import { documentAccountFindings } from '../../pack/foreign-accounts';

/** A repository policy grants only the agency's accounts, or its organization. */
export const EcrRepositoryNoForeignAccount = foreignAccountRule({
  name: 'EcrRepositoryNoForeignAccount',
  subject: 'The repository policy',
  info: "The repository policy grants an AWS account that is neither the stack's own nor a trusted one (a literal account id in a principal or an account or ARN condition).",
  explanation:
    'Another account allowed to push to a repository can replace the images election services run. ' +
    'Passes: own or trusted accounts, services, statements limited by aws:PrincipalOrgID.',
  resourceTypes: ['AWS::ECR::Repository'],
  findings: (resource, template) => documentAccountFindings(resource.properties.RepositoryPolicyText, template),
  faultPath: () => 'Properties.RepositoryPolicyText',
});
