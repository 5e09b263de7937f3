import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { referencedLogicalId } from '../../pack/intrinsics';
import { StackTemplate, TemplateResource } from '../../pack/template-model';

const KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/;

/** Trail log files are encrypted under a key the agency controls. */
export const CloudTrailEncrypted: ElectionRule = {
  name: 'CloudTrailEncrypted',
  level: NagMessageLevel.ERROR,
  info: 'The CloudTrail trail does not encrypt its log files with a customer-managed KMS key (KMSKeyId).',
  explanation:
    'Trail logs map who administers election systems, from which addresses, with which roles: a guide for the ' +
    'next intruder. SSE-KMS with a customer-managed key means reading the archive also takes kms:Decrypt, ' +
    'which the agency grants, logs and can revoke. The key must be a KMS key of this template or a literal key ' +
    'ARN; an alias, parameter or import cannot be told from an AWS-managed key and fails. It cannot be waived.',
  controls: ['NIST-800-53-r5:AU-9(3)', 'NIST-800-53-r5:SC-28', 'NIST-800-53-r5:SC-28(1)', 'NIST-800-53-r5:SC-12', 'CISA-CPG:2.U'],
  resourceTypes: ['AWS::CloudTrail::Trail'],
  waivable: false,
  check: cloudTrailEncrypted,
};

function cloudTrailEncrypted(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const key = resource.properties.KMSKeyId;
  const id = referencedLogicalId(key);
  if (id !== undefined) return template.get(id)?.type === 'AWS::KMS::Key' ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  return typeof key === 'string' && KEY_ARN.test(key) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
