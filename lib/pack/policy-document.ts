import { asList, isIntrinsic, isObject, JsonObject, literalBoolean } from './intrinsics';
import { UNRESOLVED } from './template-model';

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
  return Object.values(principal).some((value) => (isIntrinsic(value) ? mayBeEveryone(value) : asList(value).some(mayBeEveryone)));
}

function mayBeEveryone(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('*');
  if (!isObject(value)) return true;
  if (value.Ref === 'AWS::AccountId') return false;
  if (value['Fn::GetAtt'] !== undefined) return false;
  const text = literalText(value);
  return text === undefined || !/^arn:[^*]+$/.test(text);
}

/** The literal text of a Join or Sub, with each intrinsic part written as `x`; undefined for anything else. */
function literalText(value: JsonObject): string | undefined {
  const join = value['Fn::Join'];
  if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
    return (join[1] as unknown[]).map((part) => (typeof part === 'string' ? part : 'x')).join(join[0]);
  }
  const sub = value['Fn::Sub'];
  const template = Array.isArray(sub) ? sub[0] : sub;
  return typeof template === 'string' ? template.replace(/\$\{[^}]*\}/g, 'x') : undefined;
}

/** Whether an IAM action pattern (with `*` and `?`) matches an action, case-insensitively as IAM does. */
export function actionPatternMatches(pattern: string, action: string): boolean {
  const regex = new RegExp(
    '^' + pattern.split('').map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('') + '$',
    'i',
  );
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
