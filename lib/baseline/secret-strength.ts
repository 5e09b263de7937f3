import { isIntrinsic, isObject, literalBoolean, literalNumber } from './intrinsics';

/**
 * How strong a secret Secrets Manager generates must be. A secret guarding an
 * origin (the header CloudFront sends) or a database is attacked by guessing
 * from anywhere (NIST IA-5, SC-12); both the secret rule and the origin-verify
 * rule judge a secret with `generatedSecretStrength`.
 */

/**
 * The fewest characters a generated secret may have: the Secrets Manager default `PasswordLength`.
 * @see https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetRandomPassword.html (AWS default)
 */
export const MIN_SECRET_LENGTH = 32;

/** The fewest distinct characters it may be drawn from: 32 characters of 26 give about 150 bits. House policy. */
export const MIN_SECRET_ALPHABET = 26;

/** The character classes `GenerateSecretString` draws from, by the flag that excludes each. */
const CHARACTER_CLASSES: readonly [string, string][] = [
  ['ExcludeUppercase', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'],
  ['ExcludeLowercase', 'abcdefghijklmnopqrstuvwxyz'],
  ['ExcludeNumbers', '0123456789'],
  ['ExcludePunctuation', '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'],
];

/**
 * Whether a `GenerateSecretString` (as the template carries it) makes a secret
 * of at least MIN_SECRET_LENGTH characters (absent is the default, 32) drawn
 * from at least MIN_SECRET_ALPHABET distinct characters. A length or an
 * exclusion an intrinsic decides cannot be checked: not strong.
 */
export function isStrongSecretGeneration(generate: unknown): boolean {
  if (!isObject(generate) || isIntrinsic(generate)) return false;
  const length = generate.PasswordLength === undefined ? MIN_SECRET_LENGTH : literalNumber(generate.PasswordLength);
  if (length === undefined || length < MIN_SECRET_LENGTH) return false;
  const excluded = generate.ExcludeCharacters ?? '';
  if (typeof excluded !== 'string') return false;
  let alphabet = '';
  for (const [flag, characters] of CHARACTER_CLASSES) {
    const exclude = generate[flag] === undefined ? false : literalBoolean(generate[flag]);
    if (exclude === undefined) return false;
    if (!exclude) alphabet += characters;
  }
  if (literalBoolean(generate.IncludeSpace) === true) alphabet += ' ';
  return new Set([...alphabet].filter((c) => !excluded.includes(c))).size >= MIN_SECRET_ALPHABET;
}

/** Whether a secret's properties have Secrets Manager generate its value (no SecretString in the template), strongly. */
export function isStrongGeneratedSecret(properties: { readonly [key: string]: unknown }): boolean {
  return properties.SecretString === undefined && properties.GenerateSecretString !== undefined &&
    isStrongSecretGeneration(properties.GenerateSecretString);
}
