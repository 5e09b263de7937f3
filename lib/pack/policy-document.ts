import { asList, isIntrinsic, isObject, JsonObject, literalBoolean, literalText } from '../baseline/intrinsics';
import { renderSymbolic } from '../baseline/symbolic-text';
import { StackTemplate, UNRESOLVED } from './template-model';

/**
 * The statements of an IAM policy document, or UNRESOLVED when the document
 * (or its statement list) is an intrinsic the template does not resolve.
 */
export function policyStatements(document: unknown): JsonObject[] | typeof UNRESOLVED {
  if (document === undefined) return [];
  if (!isObject(document) || isIntrinsic(document)) return UNRESOLVED;
  const statements = document.Statement;
  if (isIntrinsic(statements)) return UNRESOLVED;
  const list = asList(statements);
  if (!list.every((s) => isObject(s) && !isIntrinsic(s))) return UNRESOLVED;
  return list as JsonObject[];
}

/**
 * Whether a statement's principal may be everyone: `"*"`, `{ AWS: "*" }`, a
 * list holding `"*"`, or an intrinsic that could evaluate to `"*"` (a
 * parameter, an import). An ARN built with `Fn::Join` or `Fn::Sub`, a
 * resource's `Fn::GetAtt`, or `AWS::AccountId` names one principal.
 */
export function hasWildcardPrincipal(statement: JsonObject): boolean {
  if (statement.NotPrincipal !== undefined) return true;
  const principal = statement.Principal;
  if (principal === undefined) return false;
  if (!isObject(principal) || isIntrinsic(principal)) return mayBeEveryone(principal);
  return Object.entries(principal).some(([kind, value]) => {
    const test = kind === 'Service' ? mayBeEveryoneService : mayBeEveryone;
    return isIntrinsic(value) ? test(value) : asList(value).some(test);
  });
}

/** A service principal built with Join or Sub (`logs.${AWS::Region}.amazonaws.com`, as CDK writes it) names one service. */
function mayBeEveryoneService(value: unknown): boolean {
  if (isObject(value)) {
    const text = literalText(value);
    if (text !== undefined && /^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(text)) return false;
  }
  return mayBeEveryone(value);
}

function mayBeEveryone(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('*');
  if (!isObject(value)) return true;
  if (value.Ref === 'AWS::AccountId') return false;
  if (value['Fn::GetAtt'] !== undefined) return false;
  const text = literalText(value);
  return text === undefined || !/^arn:[^*]+$/.test(text);
}


/** Compiled action patterns: a pack pass meets the same few dozen patterns thousands of times. Bounded, as templates are input. */
const ACTION_PATTERNS = new Map<string, RegExp>();
const ACTION_PATTERN_CACHE_LIMIT = 10_000;

/** Whether an IAM action pattern (with `*` and `?`) matches an action, case-insensitively as IAM does. */
export function actionPatternMatches(pattern: string, action: string): boolean {
  let regex = ACTION_PATTERNS.get(pattern);
  if (!regex) {
    regex = new RegExp(
      '^' + pattern.split('').map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('') + '$',
      'i',
    );
    if (ACTION_PATTERNS.size >= ACTION_PATTERN_CACHE_LIMIT) ACTION_PATTERNS.clear();
    ACTION_PATTERNS.set(pattern, regex);
  }
  return regex.test(action);
}

/**
 * Whether an Allow statement grants any of `actions`. A statement whose
 * actions are not all literal strings is taken to grant them (fail closed);
 * `NotAction` grants every action it does not list.
 */
export function allowsAnyAction(statement: JsonObject, actions: readonly string[]): boolean {
  if (statement.Effect !== 'Allow') return false;
  if (statement.NotAction !== undefined) {
    const excluded = asList(statement.NotAction);
    if (!excluded.every((a) => typeof a === 'string')) return true;
    return actions.some((action) => !excluded.some((pattern) => actionPatternMatches(pattern as string, action)));
  }
  const patterns = asList(statement.Action);
  if (!patterns.every((a) => typeof a === 'string')) return true;
  return actions.some((action) => patterns.some((pattern) => actionPatternMatches(pattern as string, action)));
}

/**
 * Whether a principal is literally everyone (`"*"` or `{ AWS: "*" }`), with
 * no intrinsic: the strict test for a Deny statement to count as protection.
 */
export function isLiteralEveryone(principal: unknown): boolean {
  if (principal === '*') return true;
  if (!isObject(principal) || Object.keys(principal).length !== 1) return false;
  const aws = asList(principal.AWS);
  return aws.length > 0 && aws.every((p) => p === '*');
}

/**
 * Whether a statement denies every principal when the request is made
 * without TLS (`Bool aws:SecureTransport false` and no other condition), with
 * no NotAction, NotResource or NotPrincipal to narrow it. Which actions and
 * resources it must cover is the calling rule's to judge.
 */
export function isInsecureTransportDeny(statement: JsonObject): boolean {
  if (statement.Effect !== 'Deny' || statement.NotAction !== undefined || statement.NotResource !== undefined) return false;
  if (statement.NotPrincipal !== undefined || !isLiteralEveryone(statement.Principal)) return false;
  const condition = statement.Condition;
  if (!isObject(condition) || Object.keys(condition).length !== 1) return false;
  const bool = condition.Bool;
  if (!isObject(bool) || Object.keys(bool).length !== 1) return false;
  const values = asList(bool['aws:SecureTransport']);
  return values.length > 0 && values.every((v) => literalBoolean(v) === false);
}

/**
 * Condition keys that say who may act, or on whose behalf a service acts:
 * with a value naming the agency, they narrow a wildcard principal to it.
 * `kms:ViaService` is not among them: it limits the path (through S3), not
 * the account the caller belongs to.
 */
export const AGENCY_LIMITING_KEYS: readonly string[] = [
  'aws:sourceaccount',
  'aws:sourcearn',
  'aws:sourceowner',
  'aws:principalorgid',
  'aws:principalaccount',
  'aws:principalarn',
  'kms:calleraccount',
];

/**
 * Operators that hold only when the key is present and matches. `...IfExists`
 * holds when the key is absent (a direct call carries no aws:SourceAccount),
 * `ForAllValues:` holds on an empty set, and the negated operators allow
 * everyone but the value: none of them narrows who.
 */
const NARROWING_OPERATOR = /^(ForAnyValue:)?(StringEquals|StringEqualsIgnoreCase|StringLike|ArnEquals|ArnLike)$/i;

/**
 * The values of the condition keys (lower-case names in `keys`) that a
 * positive operator tests, each as the template wrote it; an empty list when
 * none does or when the condition is an intrinsic.
 */
export function narrowingValues(condition: unknown, keys: readonly string[]): unknown[] {
  if (!isObject(condition) || isIntrinsic(condition)) return [];
  const values: unknown[] = [];
  for (const [operator, block] of Object.entries(condition)) {
    if (!NARROWING_OPERATOR.test(operator) || !isObject(block) || isIntrinsic(block)) continue;
    for (const [key, value] of Object.entries(block)) {
      if (keys.includes(key.toLowerCase())) values.push(...asList(value));
    }
  }
  return values;
}

/**
 * Whether a statement's condition block narrows a wildcard principal to the
 * agency: some positive operator tests one of `keys` (case-insensitive) and
 * every value it lists names one account, organization, principal or source
 * (see `namesOneOwner`). A condition that is an intrinsic (`Fn::If`), or a
 * value the template does not resolve (a parameter), does not narrow.
 */
export function limitsToAgency(condition: unknown, template?: StackTemplate, keys: readonly string[] = AGENCY_LIMITING_KEYS): boolean {
  if (!isObject(condition) || isIntrinsic(condition)) return false;
  const wanted = new Set(keys.map((k) => k.toLowerCase()));
  const scope = template ?? new StackTemplate([]);
  return Object.entries(condition).some(
    ([operator, block]) =>
      NARROWING_OPERATOR.test(operator) &&
      isObject(block) &&
      !isIntrinsic(block) &&
      Object.entries(block).some(([key, value]) => wanted.has(key.toLowerCase()) && namesOneOwner(value, scope)),
  );
}

/**
 * Whether every value of a condition names one owner: a literal without `*`
 * or `?` (an account id, an org id, an ARN whose account is written out), or
 * text built from pseudo parameters and resources of the template. An ARN
 * whose account field is empty or a wildcard (`arn:aws:*`,
 * `arn:aws:events:*:*:rule/*`) matches other accounts' resources, unless it is
 * an S3 ARN with no wildcard at all (bucket names are global).
 */
function namesOneOwner(value: unknown, template: StackTemplate): boolean {
  const values = asList(value);
  return (
    values.length > 0 &&
    values.every((v) => {
      const text = isObject(v) && !isIntrinsic(v) ? undefined : renderSymbolic(v, template);
      if (text === undefined || text.trim() === '' || text.includes('<AWS::NoValue>')) return false;
      if (!/^arn:/i.test(text)) return !/[*?]/.test(text);
      const fields = text.split(':');
      if (fields.length < 6) return false;
      const account = fields[4];
      if (account === '') return !/[*?]/.test(text);
      return !/[*?]/.test(account) && !/[*?]/.test(fields[1]);
    })
  );
}
