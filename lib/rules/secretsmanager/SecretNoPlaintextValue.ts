import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { StackTemplate, TemplateResource } from '../../pack/template-model';
import { writtenText } from '../../pack/plaintext-secrets';

/** Secrets Manager generates a secret's value; the template never carries it. */
export const SecretNoPlaintextValue: ElectionRule = {
  name: 'SecretNoPlaintextValue',
  level: NagMessageLevel.ERROR,
  info: 'The secret takes its value from the template (SecretString) instead of having Secrets Manager generate it.',
  explanation:
    'A SecretString written in the template is a plaintext secret in the source repository, the synthesized ' +
    'template, the CloudFormation template history and every copy an auditor or contractor receives: the ' +
    'origin-verify header or database password is known to everyone who has ever read them, and cannot be ' +
    'rotated away from that history. A SecretString fails when any part of it is text written in the template or ' +
    'a value from a parameter or an import (parameters are kept by CloudFormation too); only references to ' +
    'resources of the template and {{resolve:...}} dynamic references, which CloudFormation resolves at deploy ' +
    'time, may build it. Use GenerateSecretString, with SecretStringTemplate and GenerateStringKey for a JSON ' +
    'secret that carries a user name. The rule cannot be waived: a plaintext secret in a template is an exposed ' +
    'authenticator whatever the reason, and generating it is always possible.',
  controls: ['NIST-800-53-r5:IA-5(7)', 'NIST-800-53-r5:IA-5', 'NIST-800-53-r5:SC-28', 'CISA-CPG:2.L', 'CIS-v8:3.11'],
  resourceTypes: ['AWS::SecretsManager::Secret'],
  waivable: false,
  check: secretNoPlaintextValue,
};

function secretNoPlaintextValue(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const value = resource.properties.SecretString;
  if (value === undefined) return NagRuleCompliance.COMPLIANT;
  // Only what CloudFormation fills in at deploy time may build the value: nothing written, nothing from a parameter.
  const written = writtenText(value, template);
  return written !== undefined && written.trim() === '' ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
