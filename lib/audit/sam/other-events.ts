import { isObject, JsonObject } from '../../baseline/intrinsics';
import { awsManagedPolicyArn, passThroughAttributes, SamOutput, SamResource } from './output';

/** What an event invokes (see function-events.ts). */
interface Target {
  readonly ref: JsonObject;
}

/** Stream and queue events: the event source mapping, and the AWS managed policy SAM adds to the function's role. */
const PULL_POLICIES: Readonly<Record<string, string>> = {
  SQS: 'service-role/AWSLambdaSQSQueueExecutionRole',
  Kinesis: 'service-role/AWSLambdaKinesisExecutionRole',
  DynamoDB: 'service-role/AWSLambdaDynamoDBExecutionRole',
};

/** The event types expanded here besides `Api` and `HttpApi`. */
export const OTHER_EVENT_TYPES = ['S3', 'SNS', 'Schedule', 'CloudWatchEvent', 'EventBridgeRule', ...Object.keys(PULL_POLICIES)];

/** The managed policies a function's queue and stream events add to its generated role (`PullEventSource`). */
export function pullEventPolicies(fn: SamResource): string[] {
  const events = isObject(fn.properties.Events) ? Object.values(fn.properties.Events) : [];
  const types = events.flatMap((event) => (isObject(event) && typeof event.Type === 'string' && event.Type in PULL_POLICIES ? [event.Type] : []));
  return [...new Set(types)].map((type) => awsManagedPolicyArn(PULL_POLICIES[type]));
}

/**
 * One event of the types SAM's push and pull sources make
 * (`samtranslator/model/eventsources`), under SAM's ids (`<Fn><Event>`,
 * `<Fn><Event>Permission`):
 *
 * - `S3`: the permission for s3.amazonaws.com, limited by `SourceAccount`
 *   only (SAM cannot name the bucket's ARN without a circular dependency);
 *   the bucket's notification configuration is not written (noted);
 * - `SNS`: the `AWS::SNS::Subscription` (protocol lambda) and the permission
 *   for sns.amazonaws.com limited to the topic (with `SqsSubscription`, the
 *   queue SAM puts between them is not expanded: noted);
 * - `Schedule`, `CloudWatchEvent`, `EventBridgeRule`: the `AWS::Events::Rule`
 *   targeting the function and the permission for events.amazonaws.com
 *   limited to the rule;
 * - `SQS`, `Kinesis`, `DynamoDB`: the `AWS::Lambda::EventSourceMapping`
 *   (the role's managed policy is added by pullEventPolicies).
 */
export function addOtherEvent(out: SamOutput, fn: SamResource, target: Target, eventId: string, type: string, p: JsonObject): void {
  const id = `${fn.id}${eventId}`;
  const attributes = passThroughAttributes(fn);
  const permission = (principal: string, limit: JsonObject) => out.add(fn.id, `${id}Permission`, 'AWS::Lambda::Permission', {
    Action: 'lambda:InvokeFunction', FunctionName: target.ref, Principal: principal, ...limit,
  }, attributes);
  const functionArn = target.ref.Ref === fn.id ? { 'Fn::GetAtt': [fn.id, 'Arn'] } : target.ref;
  if (type === 'S3') {
    permission('s3.amazonaws.com', { SourceAccount: { Ref: 'AWS::AccountId' } });
    out.notes.push(`${fn.id}: event ${eventId} (S3): the bucket's notification configuration is not written into it`);
  } else if (type === 'SNS') {
    if (p.Topic === undefined) throw out.refuse(fn, `Events.${eventId}: an SNS event needs a Topic`);
    if (p.SqsSubscription !== undefined && p.SqsSubscription !== false) {
      out.notes.push(`${fn.id}: event ${eventId} (SNS): SqsSubscription (the queue between topic and function) is not expanded`);
      return;
    }
    permission('sns.amazonaws.com', { SourceArn: p.Topic });
    out.add(fn.id, id, 'AWS::SNS::Subscription', {
      Endpoint: functionArn, Protocol: 'lambda', TopicArn: p.Topic, Region: p.Region, FilterPolicy: p.FilterPolicy, FilterPolicyScope: p.FilterPolicyScope,
    }, attributes);
  } else if (type === 'Schedule' || type === 'CloudWatchEvent' || type === 'EventBridgeRule') {
    if (type === 'Schedule' && p.Schedule === undefined) throw out.refuse(fn, `Events.${eventId}: a Schedule event needs a Schedule`);
    if (p.State !== undefined && p.Enabled !== undefined) throw out.refuse(fn, `Events.${eventId}: State and Enabled cannot both be given`);
    const state = p.Enabled !== undefined ? (p.Enabled === true ? 'ENABLED' : 'DISABLED') : p.State;
    out.add(fn.id, id, 'AWS::Events::Rule', {
      ScheduleExpression: p.Schedule, EventPattern: p.Pattern, EventBusName: p.EventBusName, State: state, Name: p.Name ?? p.RuleName, Description: p.Description,
      Targets: [{ Arn: functionArn, Id: `${id}LambdaTarget`.slice(0, 64), ...(p.Input !== undefined ? { Input: p.Input } : {}), ...(p.InputPath !== undefined ? { InputPath: p.InputPath } : {}) }],
    }, attributes);
    permission('events.amazonaws.com', { SourceArn: { 'Fn::GetAtt': [id, 'Arn'] } });
  } else {
    const source = type === 'SQS' ? p.Queue : p.Stream;
    if (source === undefined) throw out.refuse(fn, `Events.${eventId}: a ${type} event needs a ${type === 'SQS' ? 'Queue' : 'Stream'}`);
    out.add(fn.id, id, 'AWS::Lambda::EventSourceMapping', {
      EventSourceArn: source, FunctionName: target.ref, BatchSize: p.BatchSize, Enabled: p.Enabled, StartingPosition: p.StartingPosition,
      MaximumBatchingWindowInSeconds: p.MaximumBatchingWindowInSeconds, FilterCriteria: p.FilterCriteria,
    }, attributes);
  }
}
