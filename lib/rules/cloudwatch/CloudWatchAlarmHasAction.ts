import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { isIntrinsic, isObject, literalBoolean } from '../../baseline/intrinsics';
import { TemplateResource } from '../../pack/template-model';

/** An alarm reaches someone. */
export const CloudWatchAlarmHasAction: ElectionRule = {
  name: 'CloudWatchAlarmHasAction',
  level: NagMessageLevel.ERROR,
  info: 'The CloudWatch alarm has no alarm action, or its actions are disabled (AlarmActions, ActionsEnabled).',
  explanation:
    'An alarm nobody hears does not stop an intruder: a stopped trail must page someone in time. Passes: ' +
    'AlarmActions lists at least one action and ActionsEnabled is not false.',
  rationale:
    'So must a changed records bucket policy or a results site failing on election night (NIST SI-4(5), IR-4, ' +
    'IR-6, AU-5). A list or flag the template does not resolve fails.',
  controls: ['NIST-800-53-r5:SI-4(5)', 'NIST-800-53-r5:AU-5', 'NIST-800-53-r5:IR-4', 'NIST-800-53-r5:IR-6', 'CISA-CPG:2.T', 'CIS-v8:13.1'],
  resourceTypes: ['AWS::CloudWatch::Alarm'],
  waivable: true,
  faultPath: alarmActionFaultPath,
  check: (resource: TemplateResource) => {
    const { AlarmActions: actions, ActionsEnabled: enabled } = resource.properties;
    if (enabled !== undefined && literalBoolean(enabled) !== true) return NagRuleCompliance.NON_COMPLIANT;
    if (!Array.isArray(actions) || isIntrinsic(actions)) return NagRuleCompliance.NON_COMPLIANT;
    return actions.some(isAction) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  },
};

/**
 * Whether one entry of AlarmActions names an action for certain: an ARN, or
 * a reference to one (text that is not an ARN notifies nobody). `Ref AWS::NoValue` removes the entry, and an
 * `Fn::If` may, so neither counts.
 */
function isAction(action: unknown): boolean {
  if (typeof action === 'string') return /^arn:[^:]+:[^:]+:/.test(action);
  if (!isObject(action)) return false;
  if (action.Ref === 'AWS::NoValue' || 'Fn::If' in action) return false;
  return isIntrinsic(action);
}

function alarmActionFaultPath(resource: TemplateResource): string {
  const enabled = resource.properties.ActionsEnabled;
  return enabled !== undefined && literalBoolean(enabled) !== true ? 'Properties.ActionsEnabled' : 'Properties.AlarmActions';
}
