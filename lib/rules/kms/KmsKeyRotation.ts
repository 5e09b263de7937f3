import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { literalBoolean } from '../../baseline/intrinsics';
import { TemplateResource } from '../../pack/template-model';

/** Customer-managed symmetric keys rotate their key material yearly. */
export const KmsKeyRotation: ElectionRule = {
  name: 'KmsKeyRotation',
  level: NagMessageLevel.ERROR,
  info: 'The symmetric KMS key does not have automatic key rotation enabled.',
  explanation:
    'Rotation limits how much data one version of key material protects, the agility CISA CPG 2.K asks for. ' +
    'Passes: EnableKeyRotation true on a symmetric key.',
  rationale:
    'KMS keeps old material to decrypt old data, so rotation never breaks access to records. Asymmetric and HMAC ' +
    'keys cannot rotate and are not judged.',
  controls: ['NIST-800-53-r5:SC-12', 'NIST-800-53-r5:SC-13', 'CISA-CPG:2.K', 'CIS-v8:3.11'],
  resourceTypes: ['AWS::KMS::Key'],
  waivable: true,
  faultPath: rotationFaultPath,
  check: kmsKeyRotation,
};

function kmsKeyRotation(resource: TemplateResource): NagRuleCompliance {
  const spec = resource.properties.KeySpec;
  if (spec !== undefined && spec !== 'SYMMETRIC_DEFAULT') {
    return typeof spec === 'string' ? NagRuleCompliance.NOT_APPLICABLE : NagRuleCompliance.NON_COMPLIANT;
  }
  return literalBoolean(resource.properties.EnableKeyRotation) === true
    ? NagRuleCompliance.COMPLIANT
    : NagRuleCompliance.NON_COMPLIANT;
}

function rotationFaultPath(resource: TemplateResource): string {
  const spec = resource.properties.KeySpec;
  return spec !== undefined && typeof spec !== 'string' ? 'Properties.KeySpec' : 'Properties.EnableKeyRotation';
}
