import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { at, literalBoolean } from '../../baseline/intrinsics';
import { SEARCH_DOMAIN_TYPES } from '../../pack/opensearch-domain';
import { TemplateResource } from '../../pack/template-model';

/** Nodes of a search domain talk to each other over TLS. */
export const OpenSearchNodeToNodeEncryption: ElectionRule = {
  name: 'OpenSearchNodeToNodeEncryption',
  level: NagMessageLevel.ERROR,
  info: 'The search domain does not encrypt traffic between its nodes (NodeToNodeEncryptionOptions.Enabled is not true).',
  explanation:
    'Without node-to-node encryption, documents and queries cross the VPC in clear text between nodes. ' +
    'NodeToNodeEncryptionOptions.Enabled must be literally true; a value the template does not resolve fails. It cannot be waived.',
  controls: ['NIST-800-53-r5:SC-8', 'NIST-800-53-r5:SC-8(1)', 'CISA-CPG:2.K', 'CIS-v8:3.10'],
  resourceTypes: [...SEARCH_DOMAIN_TYPES],
  waivable: false,
  faultPath: () => 'Properties.NodeToNodeEncryptionOptions.Enabled',
  check: openSearchNodeToNodeEncryption,
};

function openSearchNodeToNodeEncryption(resource: TemplateResource): NagRuleCompliance {
  const enabled = literalBoolean(at(resource.properties, 'NodeToNodeEncryptionOptions', 'Enabled'));
  return enabled === true ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
