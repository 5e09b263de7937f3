import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { isIntrinsic, isObject, literalBoolean, literalNumber } from '../../pack/intrinsics';
import { TemplateResource } from '../../pack/template-model';

/** The fewest characters a generated secret may have: the Secrets Manager default. */
export const MIN_SECRET_LENGTH = 32;
/** The fewest distinct characters it may be drawn from (32 of 26 give about 150 bits). */
export const MIN_SECRET_ALPHABET = 26;

/** A generated secret is long enough, from enough characters, that guessing it is hopeless. */
export const SecretGeneratedStrength: ElectionRule = {
  name: 'SecretGeneratedStrength',
  level: NagMessageLevel.ERROR,
  info: `The generated secret is shorter than ${MIN_SECRET_LENGTH} characters, or drawn from fewer than ${MIN_SECRET_ALPHABET} distinct characters.`,
  explanation:
    'A generated secret that guards an origin (the header CloudFront sends so the registration API refuses ' +
    'requests that bypass the edge WAF) or a database is attacked by guessing, from anywhere, at the rate the ' +
    'service allows: six characters fall in hours, and with them the WAF, throttling and geo rules in front of ' +
    'voter data. GenerateSecretString must keep PasswordLength at the Secrets Manager default of 32 or more ' +
    '(absent means 32), and the characters left after ExcludeUppercase, ExcludeLowercase, ExcludeNumbers, ' +
    'ExcludePunctuation and ExcludeCharacters must number at least 26. A length or exclusion from a parameter or ' +
    'an import cannot be checked and fails. Waive it only where the consuming system caps password length (an ' +
    'Oracle database allows 30 characters), giving the cap.',
  controls: ['NIST-800-53-r5:IA-5', 'NIST-800-53-r5:SC-12', 'CISA-CPG:2.L'],
  resourceTypes: ['AWS::SecretsManager::Secret'],
  waivable: true,
  check: secretGeneratedStrength,
};

const CLASSES: readonly [string, string][] = [
  ['ExcludeUppercase', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'],
  ['ExcludeLowercase', 'abcdefghijklmnopqrstuvwxyz'],
  ['ExcludeNumbers', '0123456789'],
  ['ExcludePunctuation', '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'],
];

function secretGeneratedStrength(resource: TemplateResource): NagRuleCompliance {
  const generate = resource.properties.GenerateSecretString;
  if (generate === undefined) return NagRuleCompliance.NOT_APPLICABLE;
  if (!isObject(generate) || isIntrinsic(generate)) return NagRuleCompliance.NON_COMPLIANT;
  const length = generate.PasswordLength === undefined ? MIN_SECRET_LENGTH : literalNumber(generate.PasswordLength);
  if (length === undefined || length < MIN_SECRET_LENGTH) return NagRuleCompliance.NON_COMPLIANT;
  const excluded = generate.ExcludeCharacters ?? '';
  if (typeof excluded !== 'string') return NagRuleCompliance.NON_COMPLIANT;
  let alphabet = '';
  for (const [flag, characters] of CLASSES) {
    const exclude = generate[flag] === undefined ? false : literalBoolean(generate[flag]);
    if (exclude === undefined) return NagRuleCompliance.NON_COMPLIANT;
    if (!exclude) alphabet += characters;
  }
  if (literalBoolean(generate.IncludeSpace) === true) alphabet += ' ';
  const left = new Set([...alphabet].filter((c) => !excluded.includes(c)));
  return left.size >= MIN_SECRET_ALPHABET ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
