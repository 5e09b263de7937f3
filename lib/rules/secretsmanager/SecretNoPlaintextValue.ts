import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { StackTemplate, TemplateResource } from '../../pack/template-model';
import { writtenText } from '../../baseline/plaintext-secrets';

/** Secrets Manager generates a secret's value; the template never carries it. */
export const SecretNoPlaintextValue: ElectionRule = {
  name: 'SecretNoPlaintextValue',
  level: NagMessageLevel.ERROR,
  info: 'The secret takes its value from the template (SecretString) instead of having Secrets Manager generate it.',
  explanation:
    'A SecretString written in the template is known to everyone who reads the source or its history. Passes: ' +
    'GenerateSecretString, or a SecretString built only from template references and {{resolve:...}}.',
  rationale:
    'The origin-verify header or database password sits in the source repository, the synthesized template, ' +
    'the CloudFormation template history and every copy an auditor or contractor receives, and cannot be ' +
    'rotated away from that history. A value from a parameter or an import fails too, since CloudFormation ' +
    'keeps parameters; {{resolve:...}} dynamic references are resolved at deploy time. GenerateSecretString ' +
    'takes SecretStringTemplate and GenerateStringKey for a JSON secret that carries a user name. The rule ' +
    'cannot be waived: a plaintext secret in a template is an exposed authenticator whatever the reason, and ' +
    'generating it is always possible.',
  controls: ['NIST-800-53-r5:IA-5(7)', 'NIST-800-53-r5:IA-5', 'NIST-800-53-r5:SC-28', 'CISA-CPG:2.L', 'CIS-v8:3.11'],
  resourceTypes: ['AWS::SecretsManager::Secret'],
  waivable: false,
  faultPath: () => 'Properties.SecretString',
  check: secretNoPlaintextValue,
};

function secretNoPlaintextValue(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const value = resource.properties.SecretString;
  if (value === undefined) return NagRuleCompliance.COMPLIANT;
  // Only what CloudFormation fills in at deploy time may build the value: nothing written, nothing from a parameter.
  const written = writtenText(value, template);
  return written !== undefined && written.trim() === '' ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
