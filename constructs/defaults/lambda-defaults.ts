import { Aws, Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';

/**
 * The Lambda baseline on one screen: the defaults of ElectionFunction, the
 * permissions the Lambda service needs and the findings the construct
 * acknowledges, each with the threat or reason behind it.
 */

/** The newest Node.js runtime: patched longest, and what AwsSolutions-L1 (latest of the family) asks for. */
export const DEFAULT_RUNTIME = lambda.Runtime.NODEJS_24_X;

/**
 * Ten seconds: ample for a DynamoDB put behind API Gateway (whose integrations
 * stop at 29 s), short enough that a hung call is not billed or retried for minutes.
 */
export const DEFAULT_TIMEOUT = Duration.seconds(10);
/** The Lambda limit on a timeout: 15 minutes. */
export const MAX_TIMEOUT_SECONDS = 900;

/** 256 MB: Lambda scales CPU with memory, and 128 MB makes cold starts of the AWS SDK slow. */
export const DEFAULT_MEMORY_SIZE = 256;
/** The memory Lambda accepts, in MB. */
export const MIN_MEMORY_SIZE = 128;
export const MAX_MEMORY_SIZE = 10240;

/** Days a dead-letter queue keeps failed events: the SQS maximum, time to investigate and replay. */
export const DEAD_LETTER_RETENTION = Duration.days(14);

/** What the role needs to write its own log group: nothing else of CloudWatch Logs (NIST AC-6, AU-9). */
export function writeOwnLogsStatement(logGroupArn: string): iam.PolicyStatement {
  return new iam.PolicyStatement({ sid: 'WriteOwnLogs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroupArn] });
}

/**
 * Send to an SSE-KMS dead-letter queue: the sender needs the queue key's data
 * keys, through SQS only.
 */
export function useQueueKeyStatement(keyArn: string): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid: 'UseDeadLetterKeyThroughSqs',
    actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
    resources: [keyArn],
    conditions: { StringEquals: { 'kms:ViaService': `sqs.${Aws.REGION}.amazonaws.com` } },
  });
}

/** What Lambda does with the execution role to attach a function to a VPC, as AWSLambdaVPCAccessExecutionRole grants it. */
export function networkInterfaceStatement(): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid: 'ManageFunctionNetworkInterfaces',
    actions: [
      'ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeSubnets', 'ec2:DeleteNetworkInterface',
      'ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses',
    ],
    resources: ['*'],
  });
}

/** On the logs-and-traces policy: its only `Resource: *` is X-Ray's. */
export const TRACES_ACK = {
  id: 'AwsSolutions-IAM5[Resource::*]',
  reason: 'xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions; they are the only ' +
    'actions on Resource * here, and every other statement names its own log group, queue or key.',
};

/** On the network-interface policy of a function in a VPC. */
export const NETWORK_INTERFACES_ACK = {
  id: 'AwsSolutions-IAM5[Resource::*]',
  reason: 'Lambda manages the network interfaces of a VPC function with its execution role: ec2:Describe* support no ' +
    'resource-level permissions and the interfaces have no ARN before Lambda creates them. Only these six EC2 actions.',
};

/** On a function without `vpc`. */
export const OUTSIDE_VPC_ACK = {
  id: 'NIST.800.53.R5-LambdaInsideVPC',
  reason: 'No vpc was given, on the assumption that the function reaches only IAM-signed AWS APIs over TLS and no private ' +
    'network resource: a VPC would add NAT or endpoints and no control; its least-privilege role bounds what it reaches.',
};

/** On a function invoked synchronously (the default). */
export const SYNCHRONOUS_INVOCATION_ACK = {
  id: 'NIST.800.53.R5-LambdaDLQ',
  reason: 'The function is invoked synchronously (invokedAsynchronously is false): a dead-letter queue receives only failed ' +
    'asynchronous events and would never get one. A failed call returns its error to the caller and is in the logs and traces.',
};

/** On a function without reserved concurrency (the default). */
export const UNRESERVED_CONCURRENCY_ACK = {
  id: 'NIST.800.53.R5-LambdaConcurrency',
  reason: 'Concurrency is bounded upstream, by the caller\'s throttling (a RegistrationPortal stage: 100 requests/s, burst ' +
    '200, behind WAF rate rules; NIST SC-5) and the account limit. A reservation fails the deploy in new accounts, whose 10 must stay unreserved.',
};
