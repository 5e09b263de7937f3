import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { asList, isIntrinsic, isObject } from '../../pack/intrinsics';
import { TemplateResource } from '../../pack/template-model';

/** The sources of security findings a rule may route. */
export const FINDING_SOURCES = ['aws.guardduty', 'aws.securityhub'];

/** Every route of GuardDuty or Security Hub findings is on and delivers somewhere. */
export const FindingsRouteEnabled: ElectionRule = {
  name: 'FindingsRouteEnabled',
  level: NagMessageLevel.ERROR,
  info: 'The EventBridge rule routing GuardDuty or Security Hub findings is disabled or has no target.',
  explanation:
    'A finding nobody sees is no detection: the weeks ransomware crews spend on county systems before encrypting ' +
    'them, and the data pulls of CISA AA20-304A, show up as GuardDuty and Security Hub findings that must reach the ' +
    'people on call. An AWS::Events::Rule whose EventPattern source includes aws.guardduty or aws.securityhub must ' +
    'have State ENABLED (or absent) and at least one target. A rule whose pattern the template does not resolve ' +
    'is not judged (it cannot be told apart from any other rule); a State or Targets it does not resolve fails. ' +
    'It cannot be waived: a route no longer wanted is deleted, not disabled.',
  controls: ['NIST-800-53-r5:SI-4(5)', 'NIST-800-53-r5:IR-5', 'NIST-800-53-r5:IR-6', 'NIST-800-53-r5:AU-6(1)', 'CISA-CPG:3.A'],
  resourceTypes: ['AWS::Events::Rule'],
  waivable: false,
  check: findingsRouteEnabled,
};

function findingsRouteEnabled(resource: TemplateResource): NagRuleCompliance {
  if (!routesFindings(resource.properties.EventPattern)) return NagRuleCompliance.NOT_APPLICABLE;
  const { State: state, Targets: targets } = resource.properties;
  if (state !== undefined && state !== 'ENABLED') return NagRuleCompliance.NON_COMPLIANT;
  const delivers = Array.isArray(targets) && targets.length > 0 && targets.every((t) => isObject(t) && !isIntrinsic(t));
  return delivers ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

function routesFindings(pattern: unknown): boolean {
  let parsed = pattern;
  if (typeof pattern === 'string') {
    try {
      parsed = JSON.parse(pattern);
    } catch {
      return false;
    }
  }
  if (!isObject(parsed) || isIntrinsic(parsed)) return false;
  return asList(parsed.source).some((source) => typeof source === 'string' && FINDING_SOURCES.includes(source));
}
