import { AWS_SOLUTIONS_CONTROLS } from './cdk-nag-aws-solutions';
import { NIST_800_53_R5_PACK_CONTROLS } from './cdk-nag-nist-800-53-r5';

/**
 * Catalogue controls of every rule of the cdk-nag packs the audit runs
 * (AwsSolutions and NIST.800.53.R5), by rule id (`AwsSolutions-S1`). cdk-nag
 * names controls only inside the NIST pack's message text and none for
 * AwsSolutions; this data puts every finding of both packs on a control.
 */
export const CDK_NAG_RULE_CONTROLS: Readonly<Record<string, readonly string[]>> = {
  ...AWS_SOLUTIONS_CONTROLS,
  ...NIST_800_53_R5_PACK_CONTROLS,
};

/** The controls of a cdk-nag rule, or undefined for a rule this mapping does not know (a newer cdk-nag's). */
export function cdkNagRuleControls(ruleId: string): string[] | undefined {
  const controls = Object.prototype.hasOwnProperty.call(CDK_NAG_RULE_CONTROLS, ruleId) ? CDK_NAG_RULE_CONTROLS[ruleId] : undefined;
  return controls ? [...controls] : undefined;
}
