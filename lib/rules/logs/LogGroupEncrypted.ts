import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { DataClass } from '../../data-class';
import { requiredForClass } from '../../pack/data-class-of';
import { ElectionRule } from '../../pack/election-rule';
import { referencedLogicalId } from '../../pack/intrinsics';
import { StackTemplate, TemplateResource } from '../../pack/template-model';

const KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/;

/** Log groups of audit logs, voter PII or records are encrypted under a key the agency controls. */
export const LogGroupEncrypted: ElectionRule = {
  name: 'LogGroupEncrypted',
  level: NagMessageLevel.ERROR,
  info: 'The log group holds audit logs, voter PII or election records (or declares no class) and has no customer-managed KMS key (KmsKeyId).',
  explanation:
    'Audit logs show how election systems are administered, and application logs can carry voter PII. With a ' +
    'customer-managed key, reading them also takes kms:Decrypt, which the agency grants, logs and can revoke in ' +
    'an incident (NIST AU-9(3), SC-28). The rule judges by data class: audit-logs, voter-pii, election-records ' +
    'and log groups with no valid class (judged as the strictest) need a KMS key of this template or a literal ' +
    'key ARN, and cannot be waived; operational and public-content log groups are not judged and keep ' +
    "CloudWatch Logs' own encryption.",
  controls: ['NIST-800-53-r5:AU-9', 'NIST-800-53-r5:AU-9(3)', 'NIST-800-53-r5:SC-28', 'NIST-800-53-r5:SC-28(1)', 'NIST-800-53-r5:SC-12', 'CISA-CPG:2.U'],
  resourceTypes: ['AWS::Logs::LogGroup'],
  waivable: false,
  check: logGroupEncrypted,
};

function logGroupEncrypted(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  if (!requiredForClass(resource, [DataClass.AUDIT_LOGS, DataClass.VOTER_PII, DataClass.ELECTION_RECORDS])) {
    return NagRuleCompliance.NOT_APPLICABLE;
  }
  const key = resource.properties.KmsKeyId;
  const id = referencedLogicalId(key);
  if (id !== undefined) return template.get(id)?.type === 'AWS::KMS::Key' ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  return typeof key === 'string' && KEY_ARN.test(key) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
