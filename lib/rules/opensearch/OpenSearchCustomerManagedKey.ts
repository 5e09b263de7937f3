import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { customerKeyPath, customerKeyVerdict } from '../../pack/customer-keys';
import { ElectionRule } from '../../pack/election-rule';
import { SEARCH_DOMAIN_TYPES } from '../../pack/opensearch-domain';
import { StackTemplate, TemplateResource } from '../../pack/template-model';

/** Search domains indexing records, voter PII or audit logs are encrypted at rest under a key the agency controls. */
export const OpenSearchCustomerManagedKey: ElectionRule = {
  name: 'OpenSearchCustomerManagedKey',
  level: NagMessageLevel.ERROR,
  info: 'The search domain holds election records, voter PII or audit logs and is not encrypted at rest with a customer-managed KMS key.',
  explanation:
    'A search index copies the records it serves. EncryptionAtRestOptions must be Enabled with a KmsKeyId the agency ' +
    'controls; no encryption, or the aws/es key, fails. A key the template does not resolve is left to KmsKeyUnverifiable.',
  controls: ['NIST-800-53-r5:SC-28', 'NIST-800-53-r5:SC-28(1)', 'NIST-800-53-r5:SC-12', 'CISA-CPG:2.K', 'CIS-v8:3.11'],
  resourceTypes: [...SEARCH_DOMAIN_TYPES],
  waivable: false,
  faultPath: customerKeyPath,
  check: openSearchCustomerManagedKey,
};

function openSearchCustomerManagedKey(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  return customerKeyVerdict(resource, template);
}
