import { GLOBAL_TABLE, resourcePolicyDocuments } from '../../pack/dynamodb-table';
import { foreignAccountRule } from '../../pack/foreign-account-rule';
import { documentAccountFindings, UNRESOLVED_ACCOUNT } from '../../pack/foreign-accounts';
import { UNRESOLVED } from '../../pack/template-model';

/** A table's and its stream's resource policies grant only the agency's accounts, or its organization. */
export const DynamoDbNoForeignAccount = foreignAccountRule({
  name: 'DynamoDbNoForeignAccount',
  subject: 'The table or stream resource policy',
  info: "The DynamoDB table or stream resource policy grants an AWS account that is neither the stack's own nor a trusted one (a literal account id in a principal or condition).",
  explanation:
    'Another account allowed on a table or its stream can read or export the voter records it holds. Every replica of a ' +
    'global table is read. Passes: own or trusted accounts, services, statements limited by aws:PrincipalOrgID.',
  resourceTypes: ['AWS::DynamoDB::Table', GLOBAL_TABLE],
  findings: (resource, template) => {
    const documents = resourcePolicyDocuments(resource);
    if (documents === UNRESOLVED) return [UNRESOLVED_ACCOUNT];
    return documents.flatMap((document) => documentAccountFindings(document, template));
  },
  faultPath: (resource) => (resource.type === GLOBAL_TABLE ? 'Properties.Replicas' : 'Properties.ResourcePolicy'),
});
