import { foreignAccountRule } from '../../pack/foreign-account-rule';
import { statementAccountFindings } from '../../pack/foreign-accounts';
import { JsonObject } from '../../baseline/intrinsics';
import { TemplateResource } from '../../pack/template-model';

/** A function or layer permission admits only the agency's accounts, or its organization. */
export const LambdaPermissionNoForeignAccount = foreignAccountRule({
  name: 'LambdaPermissionNoForeignAccount',
  subject: 'The Lambda permission',
  info: "The Lambda function or layer permission admits an AWS account that is neither the stack's own nor a trusted one (a literal account id as Principal, SourceAccount or in SourceArn).",
  explanation:
    "Another account allowed to invoke a function runs election code with the function's access to voter data. " +
    'Passes: own or trusted accounts, services, a literal PrincipalOrgID or OrganizationId.',
  resourceTypes: ['AWS::Lambda::Permission', 'AWS::Lambda::LayerVersionPermission'],
  findings: (resource, template) => statementAccountFindings(asStatement(resource), template),
  faultPath: () => 'Properties.Principal',
});

/**
 * A permission as the policy statement Lambda writes from it: the principal,
 * SourceAccount and SourceArn name accounts; PrincipalOrgID (a layer's
 * OrganizationId) confines it to the organization.
 */
function asStatement(resource: TemplateResource): JsonObject {
  const p = resource.properties;
  const organization = resource.type === 'AWS::Lambda::Permission' ? p.PrincipalOrgID : p.OrganizationId;
  const equals: JsonObject = {};
  if (p.SourceAccount !== undefined) equals['aws:SourceAccount'] = p.SourceAccount;
  if (organization !== undefined) equals['aws:PrincipalOrgID'] = organization;
  const condition: JsonObject = { StringEquals: equals };
  if (p.SourceArn !== undefined) condition.ArnLike = { 'aws:SourceArn': p.SourceArn };
  return { Effect: 'Allow', Principal: { AWS: p.Principal }, Condition: condition };
}
