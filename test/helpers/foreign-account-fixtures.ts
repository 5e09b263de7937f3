import { ElectionRule } from '../../lib/pack/election-rule';
import { StackTemplate } from '../../lib/pack/template-model';
import { Body } from './template-fixtures';

/** The own account of the fixtures' stack, and one account the pack trusts. */
export const OWN = '111111111111';
export const TRUSTED = '222222222222';

/** What CDK renders for `new iam.AccountPrincipal(account)`. */
export const accountRoot = (account: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::${account}:root`]] });

/** What CDK renders for `new iam.AccountRootPrincipal()` in an env-agnostic stack. */
export const ownRoot = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] };

/** An Allow statement for `principal`, with `extra` (Condition, Effect) merged in. */
export const allow = (principal: unknown, extra: Record<string, unknown> = {}) => ({ Effect: 'Allow', Principal: principal, Action: '*', Resource: '*', ...extra });

/** A policy document of `statements`. */
export const documentOf = (...statements: unknown[]) => ({ Version: '2012-10-17', Statement: statements });

/** The granular findings of `logicalId`, judged with the own account OWN and TRUSTED trusted, or with none known. */
export function foreignFindings(rule: ElectionRule, resources: Record<string, Body>, logicalId: string, known = true): string[] {
  const accounts = known ? { own: OWN, trusted: new Set([TRUSTED]) } : undefined;
  const template = StackTemplate.fromResources(resources, accounts);
  return rule.granular!.findings(template.get(logicalId)!, template);
}
