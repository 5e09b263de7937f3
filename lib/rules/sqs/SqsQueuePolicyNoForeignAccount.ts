import { foreignAccountRule } from '../../pack/foreign-account-rule';
import { documentAccountFindings } from '../../pack/foreign-accounts';

/** A queue policy grants only the agency's accounts, or its organization. */
export const SqsQueuePolicyNoForeignAccount = foreignAccountRule({
  name: 'SqsQueuePolicyNoForeignAccount',
  subject: 'The queue policy',
  info: "The queue policy grants an AWS account that is neither the stack's own nor a trusted one (a literal account id in a principal or an account or ARN condition).",
  explanation:
    'Another account allowed on a queue can read the registrations or ballots it carries, or inject forged ones. ' +
    'Passes: own or trusted accounts, services, statements limited by aws:PrincipalOrgID.',
  resourceTypes: ['AWS::SQS::QueuePolicy', 'AWS::SQS::QueueInlinePolicy'],
  findings: (resource, template) => documentAccountFindings(resource.properties.PolicyDocument, template),
  faultPath: () => 'Properties.PolicyDocument',
});
