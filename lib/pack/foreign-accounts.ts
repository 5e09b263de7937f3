import { RegionInfo } from 'aws-cdk-lib/region-info';
import { ACCOUNT_ID, ORGANIZATION_ID_OR_PATH } from '../baseline/account-id';
import { isForeignAccount } from './accounts';
import { grants } from './iam-documents';
import { asList, isIntrinsic, isObject, JsonObject } from '../baseline/intrinsics';
import { narrowingValues, policyStatements } from './policy-document';
import { renderSymbolic } from '../baseline/symbolic-text';
import { StackTemplate, UNRESOLVED } from './template-model';

/**
 * Reading which AWS accounts a policy grants: a literal account id in a
 * principal (`123456789012`, `arn:aws:iam::123456789012:root`, a role ARN) or
 * in a condition naming the caller's or the source's account. Shared by every
 * rule that reports access from outside the agency, one finding per account.
 */

/** Granular findings read `Account::<id>`. */
export const ACCOUNT_FINDING = 'Account::';

/** The finding for a principal, account or document the template does not resolve. */
export const UNRESOLVED_ACCOUNT = `${ACCOUNT_FINDING}unresolved`;

/** Condition keys (lower-case) whose values name the caller's account, or the account a service acts for. */
export const ACCOUNT_CONDITION_KEYS: readonly string[] = [
  'aws:principalaccount',
  'aws:sourceaccount',
  'aws:sourceowner',
  'aws:principalarn',
  'aws:sourcearn',
  'kms:calleraccount',
];

/** Condition keys (lower-case) that confine a grant to an AWS Organizations organization or part of it. */
export const ORGANIZATION_CONDITION_KEYS: readonly string[] = [
  'aws:principalorgid',
  'aws:sourceorgid',
  'aws:principalorgpaths',
  'aws:sourceorgpaths',
];

/**
 * Accounts AWS itself acts from: Elastic Load Balancing writes access logs
 * from one per Region (CDK's region facts), which a log bucket's policy must
 * name as a principal. They are AWS's, as a service principal is.
 */
const AWS_SERVICE_ACCOUNTS: ReadonlySet<string> = new Set(
  RegionInfo.regions.map((region) => region.elbv2Account).filter((account): account is string => account !== undefined),
);

/** How a template parameter stands in rendered text: it may be any account. No colon, so ARN fields still split. */
const PARAMETER = '<parameter>';

/**
 * The account part of rendered text: the text itself, or an ARN's fifth
 * field. Pseudo parameters (`<AWS::AccountId>`) and resources of the template
 * are the stack's own, so they are never a literal account.
 */
export function literalAccountOf(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.startsWith('arn:')) return trimmed;
  return trimmed.replace(/<AWS::[A-Za-z]+>/g, 'x').split(':')[4] ?? '';
}

/**
 * The finding for one value naming a principal or an account: `Account::<id>`
 * for a foreign literal account, UNRESOLVED_ACCOUNT when the account part is a
 * parameter, an import or a condition, undefined otherwise (the own account,
 * a resource of the template, a service or AWS's log-delivery account, a
 * wildcard).
 */
export function accountFinding(value: unknown, template: StackTemplate): string | undefined {
  const text = renderWithParameters(value, template);
  if (text === undefined) return UNRESOLVED_ACCOUNT;
  const account = literalAccountOf(text);
  if (account.includes(PARAMETER)) return UNRESOLVED_ACCOUNT;
  if (!ACCOUNT_ID.test(account) || AWS_SERVICE_ACCOUNTS.has(account)) return undefined;
  return isForeignAccount(account, template) ? `${ACCOUNT_FINDING}${account}` : undefined;
}

/** Renders a value, a template parameter standing as PARAMETER, so an ARN naming a role by parameter keeps its literal account. */
function renderWithParameters(value: unknown, template: StackTemplate): string | undefined {
  return renderSymbolic(
    value,
    template,
    (id, attribute) => {
      if (id.startsWith('AWS::')) return `<${id}>`;
      if (template.get(id) === undefined) return PARAMETER;
      return attribute ? `{${id}.${attribute}}` : `{${id}}`;
    },
    true,
  );
}

/**
 * Whether a condition confines the statement to the agency's organization: a
 * positive operator tests aws:PrincipalOrgID, aws:SourceOrgID or an org-paths
 * key, and every value is a literal organization id (or a path under one).
 */
export function narrowedToOrganization(condition: unknown): boolean {
  const values = narrowingValues(condition, ORGANIZATION_CONDITION_KEYS);
  return values.length > 0 && values.every((v) => typeof v === 'string' && ORGANIZATION_ID_OR_PATH.test(v));
}

/**
 * The findings of one policy statement: none for a Deny or a statement the
 * organization confines; else one per foreign account its AWS principal or
 * its account conditions name.
 */
export function statementAccountFindings(statement: JsonObject, template: StackTemplate): string[] {
  if (!grants(statement) || narrowedToOrganization(statement.Condition)) return [];
  const principal = statement.Principal;
  const aws = isObject(principal) && !isIntrinsic(principal) ? principal.AWS : isIntrinsic(principal) ? principal : undefined;
  const named = [...(isIntrinsic(aws) ? [aws] : asList(aws)), ...narrowingValues(statement.Condition, ACCOUNT_CONDITION_KEYS)];
  return named.map((value) => accountFinding(value, template)).filter((f): f is string => f !== undefined);
}

/**
 * The findings of a policy document as a template carries it: an object, a
 * JSON string (KMS, CloudWatch Logs, Secrets Manager accept both), or an
 * `Fn::Sub`/`Fn::Join` that renders to one. A document the template does not
 * resolve is UNRESOLVED_ACCOUNT.
 */
export function documentAccountFindings(document: unknown, template: StackTemplate): string[] {
  const parsed = parseDocument(document, template);
  const statements = parsed === UNRESOLVED ? UNRESOLVED : policyStatements(parsed);
  if (statements === UNRESOLVED) return [UNRESOLVED_ACCOUNT];
  return statements.flatMap((statement) => statementAccountFindings(statement, template));
}

function parseDocument(document: unknown, template: StackTemplate): unknown {
  if (document === undefined || (isObject(document) && !isIntrinsic(document))) return document;
  const text = typeof document === 'string' ? document : renderWithParameters(document, template);
  if (text === undefined) return UNRESOLVED;
  try {
    return JSON.parse(text);
  } catch {
    return UNRESOLVED;
  }
}

/** The findings of several documents, each once, sorted. */
export function accountFindings(findings: Iterable<string>): string[] {
  return [...new Set(findings)].sort();
}

/** The message of one finding of rule `ruleId` about `subject` (`The bucket policy`): what was found and how to settle it. */
export function describeAccountFinding(ruleId: string, subject: string, finding: string): string {
  if (finding === UNRESOLVED_ACCOUNT) {
    return `${subject} names a principal or account by a parameter, import or condition the template does not ` +
      `resolve, so its account cannot be checked: acknowledge ${ruleId}[${finding}] naming the account and why.`;
  }
  const account = finding.slice(ACCOUNT_FINDING.length);
  return `${subject} names account ${account}, which is neither this stack's account nor a trusted one: if the ` +
    `agency runs it, add it to the pack option trustedAccountIds (election-audit --trusted-accounts ${account}); else ` +
    `acknowledge ${ruleId}[${finding}] naming whose account it is and why.`;
}
