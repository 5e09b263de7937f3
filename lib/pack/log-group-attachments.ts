import { AttachmentKind, attachedUnder, attachedUnderAny } from './attachments';
import { referencedLogicalId } from '../baseline/intrinsics';
import { getAttAttribute } from './references';
import { StackTemplate, TemplateResource } from './template-model';

/**
 * What the template attaches to a log group (trails delivering to it, metric
 * filters reading it) and the alarms on a metric, indexed once per template.
 */

/** Trails, under the log group whose GetAtt Arn is their CloudWatchLogsLogGroupArn. */
const TRAILS_TO_LOG_GROUP: AttachmentKind = {
  types: ['AWS::CloudTrail::Trail'],
  keys: (trail) => {
    const arn = trail.properties.CloudWatchLogsLogGroupArn;
    const id = referencedLogicalId(arn);
    return id !== undefined && getAttAttribute(arn) === 'Arn' ? [id] : [];
  },
};

/** Whether a trail of the template delivers to the log group with this logical id (by its GetAtt Arn). */
export function trailDeliversTo(template: StackTemplate, logGroupLogicalId: string): boolean {
  return attachedUnder(template, TRAILS_TO_LOG_GROUP, logGroupLogicalId).length > 0;
}

/** Metric filters, under `ref:<id>` for a `Ref` LogGroupName, `any:<id>` for a Ref or GetAtt, `name:<n>` for a literal. */
const METRIC_FILTERS: AttachmentKind = {
  types: ['AWS::Logs::MetricFilter'],
  keys: (filter) => {
    const target = filter.properties.LogGroupName;
    if (typeof target === 'string') return [`name:${target}`];
    const id = referencedLogicalId(target);
    if (id === undefined) return [];
    return getAttAttribute(target) ? [`any:${id}`] : [`any:${id}`, `ref:${id}`];
  },
};

/** The metric filters whose LogGroupName is a `Ref` to the log group with this logical id. */
export function metricFiltersReferencing(template: StackTemplate, logGroupLogicalId: string): readonly TemplateResource[] {
  return attachedUnder(template, METRIC_FILTERS, `ref:${logGroupLogicalId}`);
}

/** The metric filters that read this log group: a `Ref` or `GetAtt` to it, or its literal `LogGroupName`. */
export function metricFiltersReading(template: StackTemplate, logGroup: TemplateResource): readonly TemplateResource[] {
  const name = logGroup.properties.LogGroupName;
  const keys = [`any:${logGroup.logicalId}`, ...(typeof name === 'string' ? [`name:${name}`] : [])];
  return attachedUnderAny(template, METRIC_FILTERS, keys);
}

/** Alarms, under the literal Namespace and MetricName they watch. */
const ALARMS_BY_METRIC: AttachmentKind = {
  types: ['AWS::CloudWatch::Alarm'],
  keys: (alarm) => {
    const { Namespace: namespace, MetricName: metric } = alarm.properties;
    return typeof namespace === 'string' && typeof metric === 'string' ? [metricKey(namespace, metric)] : [];
  },
};

/** The alarms of the template whose literal Namespace and MetricName are these. */
export function alarmsOnMetric(template: StackTemplate, namespace: string, metric: string): readonly TemplateResource[] {
  return attachedUnder(template, ALARMS_BY_METRIC, metricKey(namespace, metric));
}

const metricKey = (namespace: string, metric: string) => `${namespace}\n${metric}`;
