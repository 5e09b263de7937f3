import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { asList, at, isIntrinsic, isObject, JsonObject } from '../../baseline/intrinsics';
import { renderSymbolic } from '../../baseline/symbolic-text';
import { StackTemplate, TemplateResource } from '../../pack/template-model';
import {
  GUARDDUTY_FINDING_DETAIL_TYPE, GUARDDUTY_HIGH_SEVERITY, GUARDDUTY_SOURCE, SECURITY_HUB_ALERT_LABELS, SECURITY_HUB_IMPORTED_DETAIL_TYPE, SECURITY_HUB_SOURCE,
} from '../../baseline/security-findings';

/** The sources of security findings a rule may route. */
export const FINDING_SOURCES = [GUARDDUTY_SOURCE, SECURITY_HUB_SOURCE];

/** Every alert route is on and delivers; a route of GuardDuty or Security Hub findings still matches HIGH and CRITICAL findings. */
export const FindingsRouteEnabled: ElectionRule = {
  name: 'FindingsRouteEnabled',
  level: NagMessageLevel.ERROR,
  info:
    'The EventBridge rule is disabled or has no target, or its GuardDuty or Security Hub findings pattern no longer ' +
    'matches new HIGH and CRITICAL findings on the default bus, or a target replaces the finding with constant text.',
  explanation:
    'A finding nobody sees is no detection. Passes: event rules enabled with a target; GuardDuty and Security ' +
    'Hub routes on the default bus, still matching high and critical findings, passing the finding on.',
  rationale:
    'The weeks ransomware crews spend on county systems before encrypting them, and the data pulls of CISA ' +
    'AA20-304A, show up as GuardDuty and Security Hub findings that must reach the people on call; a change ' +
    'to the records bucket lock or policy is announced by an event rule the same way. Enabled means State ' +
    'ENABLED, ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS or absent, on every AWS::Events::Rule with an ' +
    'EventPattern (a scheduled rule is not judged). A rule whose source includes aws.guardduty or ' +
    'aws.securityhub must also listen on the default bus (EventBusName absent or default), name no misspelt ' +
    'findings detail-type, and still match the findings the baseline routes: for "GuardDuty Finding", ' +
    'severity 7 and above (7, 8, 8.9, 9, 10); for "Security Hub Findings - Imported", Severity.Label HIGH and ' +
    'CRITICAL (and Normalized 70 and 90), Workflow.Status NEW and RecordState ACTIVE where the pattern ' +
    'filters them. A target may not replace the finding with a constant (Input, or an InputTransformer whose ' +
    'InputTemplate uses no input path). A pattern the template does not resolve is judged only on State and ' +
    'Targets; a State, Targets or filter value it does not resolve fails. It cannot be waived: a route no ' +
    'longer wanted is deleted, not disabled.',
  controls: ['NIST-800-53-r5:SI-4(5)', 'NIST-800-53-r5:IR-5', 'NIST-800-53-r5:IR-6', 'NIST-800-53-r5:AU-6(1)', 'CISA-CPG:3.A', 'CIS-v8:13.1'],
  resourceTypes: ['AWS::Events::Rule'],
  waivable: false,
  faultPath: findingsRouteFaultPath,
  check: findingsRouteEnabled,
};

const ENABLED_STATES = ['ENABLED', 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS'];
const GUARDDUTY_FINDING = GUARDDUTY_FINDING_DETAIL_TYPE;
const SECURITY_HUB_IMPORTED = SECURITY_HUB_IMPORTED_DETAIL_TYPE;
/** The findings detail-types the two services send; another one that mentions findings is a misspelling that never matches. */
const KNOWN_FINDING_TYPES = [GUARDDUTY_FINDING, SECURITY_HUB_IMPORTED, 'Security Hub Findings - Custom Action', 'Findings Imported V2'];
/** GuardDuty severities of HIGH (7.0-8.9) and CRITICAL (9.0-10.0) findings. */
const GUARDDUTY_HIGH_SEVERITIES = [GUARDDUTY_HIGH_SEVERITY, 7.5, 8, 8.9, 9, 10];
/** What a new, active HIGH or CRITICAL Security Hub finding carries, by path under detail.findings. */
const SECURITY_HUB_SAMPLES: [string[], (string | number)[]][] = [
  [['Severity', 'Label'], [...SECURITY_HUB_ALERT_LABELS]],
  [['Severity', 'Normalized'], [70, 90]],
  [['Workflow', 'Status'], ['NEW']],
  [['RecordState'], ['ACTIVE']],
];

function findingsRouteEnabled(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const props = resource.properties;
  if (props.EventPattern === undefined) return NagRuleCompliance.NOT_APPLICABLE;
  if (props.State !== undefined && !ENABLED_STATES.includes(props.State as string)) return NagRuleCompliance.NON_COMPLIANT;
  const targets = props.Targets;
  if (!Array.isArray(targets) || targets.length === 0 || !targets.every((t) => isObject(t) && !isIntrinsic(t))) {
    return NagRuleCompliance.NON_COMPLIANT;
  }
  const pattern = parsePattern(props.EventPattern);
  if (!pattern) return NagRuleCompliance.COMPLIANT;
  const sources = asList(pattern.source);
  const guardDuty = sources.includes('aws.guardduty');
  const securityHub = sources.includes('aws.securityhub');
  if (!guardDuty && !securityHub) return NagRuleCompliance.COMPLIANT;
  const sound =
    onDefaultBus(props.EventBusName, template) &&
    detailTypesKnown(pattern['detail-type']) &&
    (!guardDuty || guardDutyRouteSound(pattern)) &&
    (!securityHub || securityHubRouteSound(pattern)) &&
    (targets as JsonObject[]).every(passesFinding);
  return sound ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

function parsePattern(pattern: unknown): JsonObject | undefined {
  let parsed = pattern;
  if (typeof pattern === 'string') {
    try {
      parsed = JSON.parse(pattern);
    } catch {
      return undefined;
    }
  }
  return isObject(parsed) && !isIntrinsic(parsed) ? parsed : undefined;
}

/** Findings are published on the default bus: a rule on another bus never sees them. */
function onDefaultBus(bus: unknown, template: StackTemplate): boolean {
  if (bus === undefined) return true;
  const text = renderSymbolic(bus, template);
  return text === 'default' || (text !== undefined && /^arn:.+:events:.+:event-bus\/default$/.test(text));
}

/** No detail-type that mentions findings is other than one the services send. */
function detailTypesKnown(detailTypes: unknown): boolean {
  return asList(detailTypes).every((t) => typeof t !== 'string' || !/finding/i.test(t) || KNOWN_FINDING_TYPES.includes(t));
}

/** Whether the route takes this detail-type: no detail-type filter, or a filter that matches it. */
function takesDetailType(pattern: JsonObject, detailType: string): boolean {
  return pattern['detail-type'] === undefined || leafMatches(pattern['detail-type'], detailType);
}

function guardDutyRouteSound(pattern: JsonObject): boolean {
  if (!takesDetailType(pattern, GUARDDUTY_FINDING)) return true;
  const severity = at(pattern, 'detail', 'severity');
  return severity === undefined || GUARDDUTY_HIGH_SEVERITIES.every((s) => leafMatches(severity, s));
}

function securityHubRouteSound(pattern: JsonObject): boolean {
  if (!takesDetailType(pattern, SECURITY_HUB_IMPORTED)) return true;
  const findings = at(pattern, 'detail', 'findings');
  return SECURITY_HUB_SAMPLES.every(([path, samples]) => {
    const filter = at(findings, ...path);
    return filter === undefined || samples.every((s) => leafMatches(filter, s));
  });
}

/** A target passes the finding on: no constant Input, and an InputTemplate that uses an input path. */
function passesFinding(target: JsonObject): boolean {
  if (target.Input !== undefined) return false;
  const transformer = target.InputTransformer;
  if (transformer === undefined) return true;
  if (!isObject(transformer) || isIntrinsic(transformer)) return false;
  const template = transformer.InputTemplate;
  if (typeof template !== 'string') return false;
  const paths = isObject(transformer.InputPathsMap) ? Object.keys(transformer.InputPathsMap) : [];
  const placeholders = [...template.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]);
  return placeholders.some((p) => paths.includes(p) || p === 'aws.events.event' || p === 'aws.events.event.json');
}

/**
 * Whether an EventBridge leaf filter (a list of values and matchers) matches
 * `value`. Matchers it does not know, and intrinsics, match nothing: a route
 * the rule cannot read fails closed.
 */
function leafMatches(filter: unknown, value: string | number): boolean {
  if (!Array.isArray(filter)) return false;
  return filter.some((element) => {
    if (!isObject(element)) return element === value;
    const keys = Object.keys(element);
    if (keys.length !== 1) return false;
    const operand = element[keys[0]];
    switch (keys[0]) {
      case 'numeric':
        return typeof value === 'number' && numericMatches(operand, value);
      case 'prefix':
        return typeof operand === 'string' && String(value).startsWith(operand);
      case 'suffix':
        return typeof operand === 'string' && String(value).endsWith(operand);
      case 'equals-ignore-case':
        return typeof operand === 'string' && String(value).toLowerCase() === operand.toLowerCase();
      case 'exists':
        return operand === true;
      case 'wildcard':
        return typeof operand === 'string' && new RegExp(`^${operand.split('*').map(escapeRegExp).join('.*')}$`).test(String(value));
      case 'anything-but':
        return anythingButMatches(operand, value);
      default:
        return false;
    }
  });
}

function numericMatches(operand: unknown, value: number): boolean {
  if (!Array.isArray(operand) || operand.length === 0 || operand.length % 2 !== 0) return false;
  for (let i = 0; i < operand.length; i += 2) {
    const [op, bound] = [operand[i], operand[i + 1]];
    if (typeof bound !== 'number') return false;
    const holds = op === '>' ? value > bound : op === '>=' ? value >= bound : op === '<' ? value < bound : op === '<=' ? value <= bound : op === '=' ? value === bound : false;
    if (!holds) return false;
  }
  return true;
}

function anythingButMatches(operand: unknown, value: string | number): boolean {
  if (isObject(operand)) {
    const prefix = operand.prefix;
    return Object.keys(operand).length === 1 && typeof prefix === 'string' && !String(value).startsWith(prefix);
  }
  const excluded = asList(operand);
  if (!excluded.every((e) => typeof e === 'string' || typeof e === 'number')) return false;
  return !excluded.includes(value);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

function findingsRouteFaultPath(resource: TemplateResource, template: StackTemplate): string {
  const props = resource.properties;
  if (props.State !== undefined && !ENABLED_STATES.includes(props.State as string)) return 'Properties.State';
  const targets = props.Targets;
  if (!Array.isArray(targets) || targets.length === 0 || !targets.every((t) => isObject(t) && !isIntrinsic(t))) return 'Properties.Targets';
  if (!onDefaultBus(props.EventBusName, template)) return 'Properties.EventBusName';
  return (targets as JsonObject[]).every(passesFinding) ? 'Properties.EventPattern' : 'Properties.Targets';
}
