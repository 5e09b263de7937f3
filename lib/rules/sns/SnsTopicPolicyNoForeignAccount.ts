import { foreignAccountRule } from '../../pack/foreign-account-rule';
import { documentAccountFindings } from '../../pack/foreign-accounts';

/** A topic policy grants only the agency's accounts, or its organization. */
export const SnsTopicPolicyNoForeignAccount = foreignAccountRule({
  name: 'SnsTopicPolicyNoForeignAccount',
  subject: 'The topic policy',
  info: "The topic policy grants an AWS account that is neither the stack's own nor a trusted one (a literal account id in a principal or an account or ARN condition).",
  explanation:
    'Another account allowed on a topic can read security alerts as they are raised, or subscribe and publish false ones. ' +
    'Passes: own or trusted accounts, services, statements limited by aws:PrincipalOrgID.',
  resourceTypes: ['AWS::SNS::TopicPolicy', 'AWS::SNS::TopicInlinePolicy'],
  findings: (resource, template) => documentAccountFindings(resource.properties.PolicyDocument, template),
  faultPath: () => 'Properties.PolicyDocument',
});
