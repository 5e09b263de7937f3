import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { GLOBAL_TABLE, resourcePolicyDocuments, tablePropertyPath } from '../../pack/dynamodb-table';
import { ElectionRule } from '../../pack/election-rule';
import { hasWildcardPrincipal, limitsToAgency, policyStatements } from '../../pack/policy-document';
import { StackTemplate, TemplateResource, UNRESOLVED } from '../../pack/template-model';

/** No table or stream resource policy lets everyone in. */
export const DynamoDbNoOpenResourcePolicy: ElectionRule = {
  name: 'DynamoDbNoOpenResourcePolicy',
  level: NagMessageLevel.ERROR,
  info:
    'The DynamoDB table (or its stream) has a resource policy that allows a wildcard principal without a condition ' +
    'naming the agency (aws:PrincipalAccount, aws:PrincipalOrgID, aws:PrincipalArn, aws:SourceAccount, aws:SourceArn).',
  explanation:
    'A resource policy open to "*" lets any AWS account read, export or delete voter PII, bypassing the agency\'s ' +
    'IAM. Passes: no wildcard principal unless a condition names one account or organization.',
  rationale:
    'A registration table holds voter PII: names, addresses, dates of birth, licence and SSN digits, the data ' +
    'the actors of CISA AA20-304A went after. A NotPrincipal counts as a wildcard principal too. The ' +
    'condition must be positive, on aws:PrincipalAccount, aws:PrincipalOrgID, aws:PrincipalArn, ' +
    'aws:SourceAccount or aws:SourceArn, and name its account or organization without wildcards. Every table ' +
    'is judged, whatever its data class: DynamoDB itself is meant to refuse public policies, so no legitimate ' +
    "design needs one. For a global table, every replica's table and stream policy is read. A policy the " +
    'template does not resolve fails. It cannot be waived; grant another account by naming it as the ' +
    'principal.',
  controls: ['NIST-800-53-r5:AC-3', 'NIST-800-53-r5:AC-6', 'NIST-800-53-r5:AC-4', 'CISA-CPG:2.W', 'CIS-v8:3.3'],
  resourceTypes: ['AWS::DynamoDB::Table', GLOBAL_TABLE],
  waivable: false,
  faultPath: (resource) => tablePropertyPath(resource, 'ResourcePolicy'),
  check: dynamoDbNoOpenResourcePolicy,
};

function dynamoDbNoOpenResourcePolicy(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const documents = resourcePolicyDocuments(resource);
  if (documents === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  const open = documents.some((document) => documentIsOpen(document, template));
  return open ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
}

/** Whether a policy document (an object or a JSON string) opens the table; what the template does not resolve counts as open. */
function documentIsOpen(document: unknown, template: StackTemplate): boolean {
  if (typeof document === 'string') {
    try {
      document = JSON.parse(document);
    } catch {
      return true;
    }
  }
  const statements = policyStatements(document);
  if (statements === UNRESOLVED) return true;
  return statements.some((s) => s.Effect !== 'Deny' && hasWildcardPrincipal(s) && !limitsToAgency(s.Condition, template));
}
