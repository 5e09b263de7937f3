import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { TemplateResource } from '../../pack/template-model';
import { isStrongSecretGeneration, MIN_SECRET_ALPHABET, MIN_SECRET_LENGTH } from '../../baseline/secret-strength';

/** A generated secret is long enough, from enough characters, that guessing it is hopeless. */
export const SecretGeneratedStrength: ElectionRule = {
  name: 'SecretGeneratedStrength',
  level: NagMessageLevel.ERROR,
  info: `The generated secret is shorter than ${MIN_SECRET_LENGTH} characters, or drawn from fewer than ${MIN_SECRET_ALPHABET} distinct characters.`,
  explanation:
    'An origin or database secret can be guessed from anywhere; six characters fall in hours. Passes: ' +
    `PasswordLength ${MIN_SECRET_LENGTH} or more (absent is ${MIN_SECRET_LENGTH}) and at least ${MIN_SECRET_ALPHABET} characters left after exclusions.`,
  rationale:
    'The origin secret is the header CloudFront sends so the registration API refuses requests that bypass ' +
    'the edge WAF; guessed at the rate the service allows, it gives up the WAF, throttling and geo rules in ' +
    'front of voter data. 32 is the Secrets Manager default; the 26 characters are counted after ' +
    'ExcludeUppercase, ExcludeLowercase, ExcludeNumbers, ExcludePunctuation and ExcludeCharacters. A length ' +
    'or exclusion from a parameter or an import cannot be checked and fails. Waive it only where the ' +
    'consuming system caps password length (an Oracle database allows 30 characters), giving the cap.',
  controls: ['NIST-800-53-r5:IA-5', 'NIST-800-53-r5:SC-12', 'CISA-CPG:2.L', 'CIS-v8:5.2'],
  resourceTypes: ['AWS::SecretsManager::Secret'],
  waivable: true,
  faultPath: () => 'Properties.GenerateSecretString',
  check: secretGeneratedStrength,
};

function secretGeneratedStrength(resource: TemplateResource): NagRuleCompliance {
  const generate = resource.properties.GenerateSecretString;
  if (generate === undefined) return NagRuleCompliance.NOT_APPLICABLE;
  return isStrongSecretGeneration(generate) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
