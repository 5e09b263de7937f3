import { Token } from 'aws-cdk-lib';
import { ACCOUNT_ID } from '../baseline/account-id';

/**
 * The AWS accounts a template may name without naming an outsider: the
 * account it deploys to, and the agency's other accounts (log archive,
 * security tooling) that the pack is told to trust.
 */

/** The accounts a template is judged against. */
export interface TemplateAccounts {
  /** The account the stack deploys to, when the template or the cloud assembly says so. */
  readonly own?: string;
  /** The agency's other accounts, from the pack option `trustedAccountIds`. */
  readonly trusted: ReadonlySet<string>;
}

/** No own account known (an env-agnostic stack, a bare template) and none trusted. */
export const NO_KNOWN_ACCOUNTS: TemplateAccounts = { trusted: new Set() };

/**
 * Whether an account id a template writes as a literal belongs to someone
 * else: neither the template's own account nor one the pack trusts.
 */
export function isForeignAccount(accountId: string, template: { readonly accounts: TemplateAccounts }): boolean {
  return accountId !== template.accounts.own && !template.accounts.trusted.has(accountId);
}

/** The account of a cloud assembly environment (`aws://111111111111/us-east-1`); undefined for `unknown-account`. */
export function accountOfEnvironment(environment: unknown): string | undefined {
  const account = typeof environment === 'string' ? /^aws:\/\/([^/]*)\//.exec(environment)?.[1] : undefined;
  return account !== undefined && ACCOUNT_ID.test(account) ? account : undefined;
}

/** What is wrong with a value given as a trusted account id, or undefined when it is 12 digits. */
export function accountIdProblem(value: unknown): string | undefined {
  if (typeof value === 'string' && ACCOUNT_ID.test(value)) return undefined;
  const shown = typeof value === 'string' ? `'${value}'` : String(value);
  if (typeof value === 'string' && Token.isUnresolved(value)) return `${shown} is a token, which cannot be checked at synth`;
  return `${shown} is not an AWS account id`;
}
