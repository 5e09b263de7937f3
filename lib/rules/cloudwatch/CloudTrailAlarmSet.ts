import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { CIS_ALARM_PATTERNS, electionAlarmPatterns, MAX_ALARM_PERIOD_SECONDS, RECORDS_PROTECTION_ALARM } from '../../baseline/alarm-patterns';
import { ElectionRule } from '../../pack/election-rule';
import { asList, at, isIntrinsic, isObject, literalNumber, literalText } from '../../baseline/intrinsics';
import { alarmsOnMetric, metricFiltersReferencing, trailDeliversTo } from '../../pack/log-group-attachments';
import { StackTemplate, TemplateResource } from '../../pack/template-model';

/** Whitespace does not change what a filter pattern matches. */
const normalise = (pattern: string) => pattern.replace(/\s+/g, ' ').trim();

/** Patterns that must be present verbatim: the CIS set and the election alarms that name no bucket. */
const EXACT = [...CIS_ALARM_PATTERNS, ...electionAlarmPatterns().filter((p) => p.name !== RECORDS_PROTECTION_ALARM)].map((p) => ({
  name: p.name,
  pattern: normalise(p.pattern),
}));

/** The records alarm names its buckets, so only its core (the calls it watches) is fixed. */
const RECORDS_CORE = normalise(electionAlarmPatterns().find((p) => p.name === RECORDS_PROTECTION_ALARM)!.pattern).replace(/^\{\s*|\s*\}$/g, '');

/** The alarm set on a trail's log group is whole: every pattern, each with an alarm that fires on one event. */
export const CloudTrailAlarmSet: ElectionRule = {
  name: 'CloudTrailAlarmSet',
  level: NagMessageLevel.ERROR,
  info: 'The metric filters on the trail\'s log group miss a CIS or election pattern, or a filter\'s alarm would not fire on one matching event within five minutes.',
  explanation:
    'One weakened filter or alarm leaves the dashboard green while root use or a stopped trail goes unseen. ' +
    'Passes: every CIS v3.0.0 section 4 and election pattern, each alarming on one event within five minutes.',
  rationale:
    'The alarms on the audit trail are how an election office learns, within minutes, that someone used the ' +
    'root account, stopped the trail, loosened a records bucket or disabled GuardDuty: the moves that come ' +
    'before ransomware and record tampering. Weakening takes many forms: a pattern edited so it never ' +
    'matches, a filter or alarm deleted, a metric name that no longer lines up, a threshold of a million or a ' +
    'hundred evaluation periods. The rule applies to a CloudWatch Logs group that a trail of the template ' +
    'delivers to and that carries metric filters, or that carries these patterns (a trail must then deliver ' +
    'to it: with the trail deleted, the filters read nothing), and requires every CIS AWS Foundations ' +
    'Benchmark v3.0.0 section 4 pattern and every election pattern of lib/baseline/alarm-patterns.ts verbatim ' +
    '(white space aside; the records alarm may name its buckets), each filter emitting 1 into a metric that ' +
    'an alarm watches with a threshold met by one event (>= 1, or > a value under 1), one datapoint to alarm ' +
    'and a period of at most five minutes. Values it cannot resolve fail. Waive it only when the trail is ' +
    "monitored elsewhere (a state SOC's SIEM), naming that system.",
  controls: ['NIST-800-53-r5:AU-6', 'NIST-800-53-r5:AU-6(1)', 'NIST-800-53-r5:SI-4', 'NIST-800-53-r5:SI-4(4)', 'NIST-800-53-r5:IR-4', 'CISA-CPG:2.T', 'CISA-CPG:3.A', 'CIS-v8:8.11', 'CIS-v8:13.1'],
  resourceTypes: ['AWS::Logs::LogGroup'],
  waivable: true,
  check: cloudTrailAlarmSet,
};

interface Filter {
  readonly pattern: string;
  readonly alarmed: boolean;
}

function cloudTrailAlarmSet(logGroup: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const trailDelivers = trailDeliversTo(template, logGroup.logicalId);
  const filters = metricFiltersReferencing(template, logGroup.logicalId);
  const judged = filters.map((f) => judgeFilter(f, template));
  // In scope: a log group a trail feeds and that carries filters, or one that carries this set's patterns (its trail removed).
  const carriesSet = judged.some((f) => EXACT.some((required) => required.pattern === f.pattern) || f.pattern.includes(RECORDS_CORE));
  if (!carriesSet && !(trailDelivers && filters.length > 0)) return NagRuleCompliance.NOT_APPLICABLE;
  if (!trailDelivers) return NagRuleCompliance.NON_COMPLIANT;

  const alarmedPatterns = judged.filter((f) => f.alarmed).map((f) => f.pattern);
  const everyExact = EXACT.every((required) => alarmedPatterns.includes(required.pattern));
  const records = alarmedPatterns.some((p) => p.includes(RECORDS_CORE));
  return everyExact && records ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

/** A filter's pattern, and whether it feeds an alarm that fires on one event. Anything unresolved counts as not alarmed. */
function judgeFilter(filter: TemplateResource, template: StackTemplate): Filter {
  const pattern = patternText(filter.properties.FilterPattern);
  const transformations = asList(filter.properties.MetricTransformations);
  if (pattern === undefined || transformations.length !== 1) return { pattern: '', alarmed: false };
  const namespace = at(transformations[0], 'MetricNamespace');
  const metric = at(transformations[0], 'MetricName');
  const value = at(transformations[0], 'MetricValue');
  const emitsOne = typeof value === 'string' ? Number(value) >= 1 : (literalNumber(value) ?? 0) >= 1;
  if (typeof namespace !== 'string' || typeof metric !== 'string' || !emitsOne) return { pattern: normalise(pattern), alarmed: false };
  const alarmed = alarmsOnMetric(template, namespace, metric).some(firesOnOneEvent);
  return { pattern: normalise(pattern), alarmed };
}

/**
 * A filter pattern's text. Intrinsic parts of a Join (the records buckets'
 * names, often imported from another stack) stand as a character no pattern
 * contains, so they can satisfy only the records alarm's core.
 */
function patternText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return isObject(value) && value['Fn::Join'] !== undefined ? literalText(value, '\u0000') : undefined;
}

function firesOnOneEvent(alarm: TemplateResource): boolean {
  const { ComparisonOperator: operator, Threshold, EvaluationPeriods, DatapointsToAlarm, Period, Metrics } = alarm.properties;
  if (Metrics !== undefined || isIntrinsic(operator)) return false;
  const threshold = literalNumber(Threshold);
  const periods = literalNumber(EvaluationPeriods);
  const datapoints = DatapointsToAlarm === undefined ? periods : literalNumber(DatapointsToAlarm);
  const period = literalNumber(Period);
  if (threshold === undefined || periods === undefined || datapoints === undefined || period === undefined) return false;
  const oneEventBreaches =
    (operator === 'GreaterThanOrEqualToThreshold' && threshold <= 1) || (operator === 'GreaterThanThreshold' && threshold < 1);
  return oneEventBreaches && datapoints === 1 && period <= MAX_ALARM_PERIOD_SECONDS;
}
