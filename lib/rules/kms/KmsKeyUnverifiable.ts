import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { CUSTOMER_KEY_TYPES, customerKeyPath, unverifiableKeyVerdict } from '../../pack/customer-keys';
import { ElectionRule } from '../../pack/election-rule';
import { StackTemplate, TemplateResource } from '../../pack/template-model';

/**
 * A key the customer-managed-key rules need but cannot see: they pass it
 * over, and this waivable rule asks a person to confirm it.
 */
export const KmsKeyUnverifiable: ElectionRule = {
  name: 'KmsKeyUnverifiable',
  level: NagMessageLevel.ERROR,
  info:
    'The KMS key is given by a parameter, import or dynamic reference the template does not resolve; confirm it is a ' +
    'customer-managed key and acknowledge with a reason.',
  explanation:
    'The key rules judge only what the template shows, so an AWS-managed key could hide behind a parameter or an ' +
    'import. The waiver records who confirmed the key is customer-managed, and which key it is.',
  controls: ['NIST-800-53-r5:SC-28', 'NIST-800-53-r5:SC-12', 'CISA-CPG:2.K', 'CIS-v8:3.11'],
  resourceTypes: [...CUSTOMER_KEY_TYPES],
  waivable: true,
  faultPath: customerKeyPath,
  check: kmsKeyUnverifiable,
};

function kmsKeyUnverifiable(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  return unverifiableKeyVerdict(resource, template);
}
