import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule, PACK_NAME } from './election-rule';
import { accountFindings, describeAccountFinding } from './foreign-accounts';
import { StackTemplate, TemplateResource } from './template-model';

/**
 * The shape every "no foreign account" rule of a resource policy shares: an
 * error, waivable per account (`Rule[Account::123456789012]`), so a waiver
 * names the very account it accepts and does not cover one added later.
 */

/** Access enforcement, information flow and sharing, least privilege; the CPG and CIS entries of the IAM trust rule. */
export const FOREIGN_ACCOUNT_CONTROLS: readonly string[] = [
  'NIST-800-53-r5:AC-3',
  'NIST-800-53-r5:AC-4',
  'NIST-800-53-r5:AC-6',
  'NIST-800-53-r5:AC-21',
  'CISA-CPG:2.E',
  'CIS-v8:6.8',
];

/** What one rule says and reads; the rest is shared. */
export interface ForeignAccountRuleSpec {
  readonly name: string;
  /** How messages name what was judged: `The bucket policy`. */
  readonly subject: string;
  readonly info: string;
  readonly explanation: string;
  readonly resourceTypes: readonly string[];
  /** The property holding the policy judged (`Properties.PolicyDocument`), where a finding points. @default none */
  faultPath?(resource: TemplateResource): string | undefined;
  /** Every `Account::<id>` or `Account::unresolved` finding of one resource, in any order, repeats allowed. */
  findings(resource: TemplateResource, template: StackTemplate): Iterable<string>;
}

/** An ERROR-level, waivable rule reporting one finding per foreign account. */
export function foreignAccountRule(spec: ForeignAccountRuleSpec): ElectionRule {
  const findings = (resource: TemplateResource, template: StackTemplate) => accountFindings(spec.findings(resource, template));
  const id = `${PACK_NAME}-${spec.name}`;
  return {
    name: spec.name,
    level: NagMessageLevel.ERROR,
    info: spec.info,
    explanation: spec.explanation,
    controls: FOREIGN_ACCOUNT_CONTROLS,
    resourceTypes: spec.resourceTypes,
    waivable: true,
    check: (resource, template) => (findings(resource, template).length > 0 ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT),
    granular: { findings, describe: (finding) => describeAccountFinding(id, spec.subject, finding) },
    ...(spec.faultPath ? { faultPath: spec.faultPath } : {}),
  };
}
