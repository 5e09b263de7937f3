import { isIntrinsic, isObject, JsonObject } from './intrinsics';
import { renderSymbolic, ResourceLookup } from './symbolic-text';

/**
 * Finding secrets written into configuration that AWS stores and shows in
 * the clear: Lambda environment variables and API Gateway stage variables.
 */

/** Words that name a secret value. */
const SECRET_WORDS = new Set(['password', 'passwd', 'passphrase', 'secret', 'secrets', 'token', 'tokens', 'credential', 'credentials', 'apikey', 'privatekey', 'accesskey', 'secretkey']);
/** Two-word secrets (`API_KEY`, `privateKey`). */
const SECRET_PAIRS = new Set(['api key', 'private key', 'access key', 'secret key', 'client secret']);
/** Last words that make a name point at a secret rather than hold it (`SECRET_ARN`, `TOKEN_TABLE_NAME`). */
const POINTER_WORDS = new Set(['arn', 'name', 'id', 'url', 'uri', 'path', 'param', 'parameter', 'ref', 'endpoint', 'region', 'length', 'ttl', 'expiry', 'header']);

/** The lower-case words of a variable name: split on `_ - . space` and camelCase. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}

/** Whether a variable name says it holds a secret value (`DB_PASSWORD`, `dbPassword`, `API_KEY`), not where one is kept. */
export function namesSecret(name: string): boolean {
  const parts = words(name);
  if (parts.length === 0 || POINTER_WORDS.has(parts[parts.length - 1])) return false;
  return parts.some((w, i) => SECRET_WORDS.has(w) || (i > 0 && SECRET_PAIRS.has(`${parts[i - 1]} ${w}`)));
}

/** An AWS access key id, a PEM private key, or a dynamic reference that resolves a secret into the configuration. */
const SECRET_TEXT = [/\b(AKIA|ASIA)[A-Z0-9]{16}\b/, /-----BEGIN [A-Z ]*PRIVATE KEY-----/, /\{\{resolve:(secretsmanager|ssm-secure):/];

/** Every string a value holds, at any depth of its intrinsics. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (isObject(value)) return Object.values(value).flatMap(strings);
  return [];
}

/**
 * Whether one variable exposes a secret: its value holds an access key id,
 * a private key or a secret dynamic reference; or its name says secret and
 * its value is written in the template, comes from a parameter or an import,
 * or is an access key's SecretAccessKey. A reference to another resource of
 * the template (a table name, a secret's ARN) is not a secret.
 */
export function exposesSecret(name: string, value: unknown, template: ResourceLookup): boolean {
  if (strings(value).some((text) => SECRET_TEXT.some((pattern) => pattern.test(text)))) return true;
  if (!namesSecret(name)) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'number' || typeof value === 'boolean') return true;
  // Any dynamic reference (a plain ssm one too) lands the resolved value in the configuration.
  if (JSON.stringify(value).includes('SecretAccessKey') || strings(value).some((text) => text.includes('{{resolve:'))) return true;
  // A parameter or an import could carry the secret itself; literal text in a Join or Sub could be it.
  const text = writtenText(value, template);
  return text === undefined || text.trim() !== '';
}

/**
 * The text of a value that the template itself writes: its literal strings
 * and the literal parts of Join and Sub, without `{{resolve:...}}` dynamic
 * references, resource references or pseudo parameters, which CloudFormation
 * fills in at deploy time. Undefined when a part comes from a parameter, an
 * import or any other intrinsic: it may carry anything.
 */
export function writtenText(value: unknown, template: ResourceLookup): string | undefined {
  return renderSymbolic(value, template, () => '')?.replace(/\{\{resolve:[^}]*\}\}/g, '');
}

/**
 * Whether a variables map exposes a secret; a map (or an entry) that an
 * intrinsic decides at deploy time fails closed.
 */
export function variablesExposeSecret(variables: unknown, template: ResourceLookup): boolean {
  if (variables === undefined) return false;
  if (!isObject(variables) || isIntrinsic(variables)) return true;
  return Object.entries(variables as JsonObject).some(([name, value]) => exposesSecret(name, value, template));
}
