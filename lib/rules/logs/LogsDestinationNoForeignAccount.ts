import { foreignAccountRule } from '../../pack/foreign-account-rule';
import { documentAccountFindings } from '../../pack/foreign-accounts';

/** A log destination or CloudWatch Logs resource policy grants only the agency's accounts, or its organization. */
export const LogsDestinationNoForeignAccount = foreignAccountRule({
  name: 'LogsDestinationNoForeignAccount',
  subject: 'The CloudWatch Logs policy',
  info: "The log destination or CloudWatch Logs resource policy grants an AWS account that is neither the stack's own nor a trusted one (a literal account id in a principal or condition).",
  explanation:
    "Another account allowed on a log destination or policy can feed forged records into the agency's audit trail. " +
    'Passes: own or trusted accounts, services, statements limited by aws:PrincipalOrgID.',
  resourceTypes: ['AWS::Logs::Destination', 'AWS::Logs::ResourcePolicy'],
  findings: (resource, template) => {
    const p = resource.properties;
    return documentAccountFindings(resource.type === 'AWS::Logs::Destination' ? p.DestinationPolicy : p.PolicyDocument, template);
  },
  faultPath: (resource) => (resource.type === 'AWS::Logs::Destination' ? 'Properties.DestinationPolicy' : 'Properties.PolicyDocument'),
});
