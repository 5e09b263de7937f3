import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { literalBoolean, literalNumber } from '../../baseline/intrinsics';
import { TemplateResource } from '../../pack/template-model';
import { MIN_KEY_PENDING_WINDOW_DAYS } from '../../baseline/key-deletion';

/** The key is enabled, and its deletion waits out the longest window KMS allows. */
export const KmsKeyDeletionGuarded: ElectionRule = {
  name: 'KmsKeyDeletionGuarded',
  level: NagMessageLevel.ERROR,
  info: `The KMS key is disabled (Enabled false) or its deletion window (PendingWindowInDays) is shorter than ${MIN_KEY_PENDING_WINDOW_DAYS} days.`,
  explanation:
    'Disabling or deleting a key is ransomware without encryption: its data is lost. Passes: Enabled true or ' +
    `absent; PendingWindowInDays absent or at least ${MIN_KEY_PENDING_WINDOW_DAYS}, time to notice and cancel.`,
  rationale:
    'Everything a customer-managed key protects (election records, voter PII, audit logs) is unreadable while ' +
    'the key is disabled and gone for good once it is deleted; a county that loses its records key loses ' +
    'records 52 U.S.C. 20701 requires it to keep. 30 days is the KMS maximum and default, and what the ' +
    "baseline's keys set; the baseline's KMS alarm fires when deletion is scheduled, and the window must " +
    'outlast a holiday weekend or a canvass. A value the template does not resolve fails. Waive it only for a ' +
    'key being retired whose data has been re-encrypted under another key, naming that key.',
  controls: ['NIST-800-53-r5:SC-12', 'NIST-800-53-r5:CP-9', 'NIST-800-53-r5:SC-28', 'NIST-800-53-r5:AU-9', 'CISA-CPG:2.R', 'CIS-v8:3.11', 'CIS-v8:11.3'],
  resourceTypes: ['AWS::KMS::Key'],
  waivable: true,
  faultPath: deletionGuardFaultPath,
  check: kmsKeyDeletionGuarded,
};

function kmsKeyDeletionGuarded(resource: TemplateResource): NagRuleCompliance {
  const { Enabled: enabled, PendingWindowInDays: window } = resource.properties;
  if (enabled !== undefined && literalBoolean(enabled) !== true) return NagRuleCompliance.NON_COMPLIANT;
  if (window === undefined) return NagRuleCompliance.COMPLIANT;
  const days = literalNumber(window);
  return days !== undefined && days >= MIN_KEY_PENDING_WINDOW_DAYS ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

function deletionGuardFaultPath(resource: TemplateResource): string {
  const enabled = resource.properties.Enabled;
  return enabled !== undefined && literalBoolean(enabled) !== true ? 'Properties.Enabled' : 'Properties.PendingWindowInDays';
}
