import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { at, isIntrinsic, isObject, literalNumber } from '../../baseline/intrinsics';
import { TemplateResource } from '../../pack/template-model';

/** No automation rule buries findings, and no standard runs with controls switched off. */
export const SecurityHubNoSuppression: ElectionRule = {
  name: 'SecurityHubNoSuppression',
  level: NagMessageLevel.ERROR,
  info:
    'A Security Hub automation rule suppresses, resolves or downgrades findings (Workflow.Status SUPPRESSED or RESOLVED, ' +
    'Severity INFORMATIONAL or LOW), or a standard disables controls (DisabledStandardsControls).',
  explanation:
    'Suppressed, resolved or downgraded findings leave the alert route before anyone sees them. Passes: no ' +
    'automation rule doing so, and no standard with disabled controls.',
  rationale:
    'Findings reach the people on call only while they are NEW and HIGH or CRITICAL; downgraded means LOW or ' +
    'INFORMATIONAL (Normalized below 40). What goes unseen is the public bucket, the disabled trail or the ' +
    'root login that precedes a voter-data pull or a ransomware attack. A standard with disabled controls ' +
    'reports a clean score while the checks that matter (the CIS CloudTrail and monitoring controls) no ' +
    'longer run. Automation rule actions and disabled-control lists the template does not resolve fail. Waive ' +
    'it only for a narrowly scoped automation rule (one control or finding type on named resources) or a ' +
    'control that does not apply to the account (the service is not used), stating which and why.',
  controls: ['NIST-800-53-r5:SI-4', 'NIST-800-53-r5:SI-4(5)', 'NIST-800-53-r5:CA-7', 'NIST-800-53-r5:IR-5', 'CISA-CPG:3.A', 'CIS-v8:13.1'],
  resourceTypes: ['AWS::SecurityHub::AutomationRule', 'AWS::SecurityHub::Standard'],
  waivable: true,
  faultPath: (resource) => (resource.type === 'AWS::SecurityHub::Standard' ? 'Properties.DisabledStandardsControls' : 'Properties.Actions'),
  check: securityHubNoSuppression,
};

/** Workflow states that take a finding off the route of new findings. */
const HIDING_STATUSES = ['SUPPRESSED', 'RESOLVED'];
/** Severity labels below the HIGH and CRITICAL the route delivers, that no downgrade should reach. */
const LOW_LABELS = ['INFORMATIONAL', 'LOW'];
/** Normalized severity from which Security Hub labels a finding MEDIUM. */
const MEDIUM_NORMALIZED = 40;

function securityHubNoSuppression(resource: TemplateResource): NagRuleCompliance {
  if (resource.type === 'AWS::SecurityHub::Standard') {
    const disabled = resource.properties.DisabledStandardsControls;
    const none = disabled === undefined || (Array.isArray(disabled) && disabled.length === 0);
    return none ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  }
  const actions = resource.properties.Actions;
  if (!Array.isArray(actions) || !actions.every((a) => isObject(a) && !isIntrinsic(a))) return NagRuleCompliance.NON_COMPLIANT;
  return actions.some(hidesFindings) ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
}

function hidesFindings(action: unknown): boolean {
  const update = at(action, 'FindingFieldsUpdate');
  if (update === undefined) return false;
  if (!isObject(update) || isIntrinsic(update)) return true;
  const status = at(update, 'Workflow', 'Status');
  if (status !== undefined && (typeof status !== 'string' || HIDING_STATUSES.includes(status))) return true;
  const label = at(update, 'Severity', 'Label');
  if (label !== undefined && (typeof label !== 'string' || LOW_LABELS.includes(label))) return true;
  const normalized = at(update, 'Severity', 'Normalized');
  if (normalized === undefined) return false;
  const value = literalNumber(normalized);
  return value === undefined || value < MEDIUM_NORMALIZED;
}
