import { Duration, RemovalPolicy, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DataClass, dataClassValues, isDataClass } from '../lib/baseline/data-class';
import { isDeprecatedRuntime } from '../lib/baseline/lambda-runtimes';
import { ValidationErrorCode } from '../lib/validation-error';
import { acknowledge } from './defaults/acknowledgments';
import { tagDataClass } from './defaults/data-class-tag';
import { allowCloudWatchLogs, checkedLogRetention, createEncryptedLogGroup } from './defaults/encrypted-log-group';
import { createHardenedKey } from './defaults/kms-defaults';
import {
  DEAD_LETTER_RETENTION, DEFAULT_MEMORY_SIZE, DEFAULT_RUNTIME, DEFAULT_TIMEOUT, MAX_MEMORY_SIZE, MAX_TIMEOUT_SECONDS, MIN_MEMORY_SIZE,
  NETWORK_INTERFACES_ACK, networkInterfaceStatement, OUTSIDE_VPC_ACK, SYNCHRONOUS_INVOCATION_ACK, TRACES_ACK, UNRESERVED_CONCURRENCY_ACK,
  useQueueKeyStatement, writeOwnLogsStatement,
} from './defaults/lambda-defaults';
import { ManagedPolicyRole } from './defaults/managed-policy-role';
import { plaintextSecretVariables } from './defaults/plaintext-secret-variables';
import { shown, validationError } from './defaults/validate';

/** Properties of an ElectionFunction. */
export interface ElectionFunctionProps {
  /** The function's code: `lambda.Code.fromInline(...)` or `lambda.Code.fromAsset(...)`. */
  readonly code: lambda.Code;

  /** The entry point in `code`, such as `index.handler`. */
  readonly handler: string;

  /**
   * The runtime. A deprecated one (nodejs20.x and older, python3.10 and older, ruby3.2,
   * java8, dotnet8 and older, go1.x, provided) throws: AWS no longer patches it
   * (ElectionBaseline-LambdaSupportedRuntime; NIST SI-2, SA-22). Choose the latest of its
   * family, which AwsSolutions-L1 also asks for.
   * @default lambda.Runtime.NODEJS_24_X
   */
  readonly runtime?: lambda.Runtime;

  /**
   * Environment variables. A variable that holds a secret throws at construction, and one
   * added later with `addEnvironment` fails the synth: a password, token or key written into
   * the configuration, a secret dynamic reference, an AWS access key id or a private key, as
   * ElectionBaseline-LambdaNoPlaintextSecrets judges them. Variables are shown in the clear to
   * anyone who can read the function's configuration (NIST IA-5(7), SC-28): pass the secret's
   * ARN (`DB_SECRET_ARN`) and read it at run time. The error names the variable, never its value.
   * @default - none
   */
  readonly environment?: { [key: string]: string };

  /**
   * How long one invocation may run: a literal whole number of seconds, 1 to 900. A hung call
   * that runs on is billed and, for asynchronous events, retried (NIST SC-5).
   * @default Duration.seconds(10)
   */
  readonly timeout?: Duration;

  /**
   * Memory in MB, a whole number from 128 to 10240; Lambda scales CPU with it.
   * @default 256
   */
  readonly memorySize?: number;

  /**
   * Concurrent executions reserved for, and the most allowed to, the function: a whole number of at
   * least 1 (0 would refuse every invocation). It caps what a flood can spend of the account's
   * concurrency and what the function can do to its table (NIST SC-5, SC-6). In a new account
   * (limit 10, all of which must stay unreserved) any reservation fails the deploy.
   * @default - none: NIST.800.53.R5-LambdaConcurrency is acknowledged, naming the caller's
   * throttling and the account limit as the bound
   */
  readonly reservedConcurrentExecutions?: number;

  /**
   * Whether something invokes the function asynchronously (S3 or SNS events, EventBridge,
   * `InvocationType: Event`). Then Lambda drops an event that fails its retries unless it has a
   * dead-letter queue, so the construct creates one (`deadLetterQueue`): a failed submission or
   * results file is kept for investigation, not lost (NIST SI-2, AU-12).
   * @default false: the function is invoked synchronously (API Gateway, a direct call), where a
   * dead-letter queue never receives anything; NIST.800.53.R5-LambdaDLQ is acknowledged
   */
  readonly invokedAsynchronously?: boolean;

  /**
   * The dead-letter queue for failed asynchronous events, when it is the agency's own. The
   * function's role may send to it and, if the queue names its KMS key, use that key through SQS.
   * Giving it with `invokedAsynchronously: false` throws.
   * @default - with `invokedAsynchronously`, a new queue: SSE-KMS under its own rotating
   * customer-managed key, TLS-only policy, 14 days of retention, RETAIN, class `eventDataClass`;
   * otherwise none
   */
  readonly deadLetterQueue?: sqs.IQueue;

  /**
   * What the function's events carry: the data class of the dead-letter queue the construct
   * creates, which keeps copies of failed events (NIST SI-12). Only with `invokedAsynchronously`
   * and no `deadLetterQueue`; otherwise it throws, as it would class nothing.
   * @default DataClass.VOTER_PII: events of an election backend may carry voter data
   */
  readonly eventDataClass?: DataClass;

  /**
   * A VPC to attach the function to, for reaching a database or another private resource. The
   * function gets network interfaces in `vpcSubnets`, which must be private: a public subnet gives
   * it no internet access and puts it beside internet-facing resources (NIST SC-7). The
   * network-interface permissions Lambda needs go in a managed policy of their own.
   * @default - no VPC: the function reaches only IAM-signed AWS APIs; NIST.800.53.R5-LambdaInsideVPC
   * is acknowledged, stating that assumption
   */
  readonly vpc?: ec2.IVpc;

  /**
   * Where in `vpc` the function's network interfaces go. Only with `vpc`; a selection that includes
   * a public subnet throws.
   * @default - the VPC's private subnets
   */
  readonly vpcSubnets?: ec2.SubnetSelection;

  /**
   * Security groups of the function's network interfaces. Only with `vpc`.
   * @default - a new group with no inbound rules and all outbound traffic allowed
   */
  readonly securityGroups?: ec2.ISecurityGroup[];

  /**
   * How long the function's logs are kept: `RetentionDays.ONE_YEAR` (365 days) or longer, or
   * `INFINITE` (NIST AU-11; the ElectionBaseline-LogGroupRetention floor). A shorter one, a token
   * or a value CloudWatch Logs does not offer throws.
   * @default logs.RetentionDays.TWO_YEARS (731 days, past the 22 months of 52 U.S.C. 20701)
   */
  readonly logRetention?: logs.RetentionDays;

  /**
   * What the function does, shown in the console and to auditors.
   * @default - 'Election backend function <construct path>'
   */
  readonly description?: string;
}

/**
 * A Lambda function for election backends that passes ElectionBaseline,
 * AwsSolutions and NIST.800.53.R5 with no waiver from the caller.
 *
 * Logs go as JSON to a log group of class `audit-logs`, encrypted with its own
 * rotating customer-managed key (NIST AU-9), kept two years, RETAIN. X-Ray
 * tracing is on. The role trusts only the Lambda service, and every permission
 * it holds is in a customer-managed policy: the construct's own (write its
 * log group, traces, its dead-letter queue) and one that collects whatever is
 * granted later, through `addToRolePolicy` or another construct's `grant*`
 * (`table.grantReadData(fn)`), never an inline policy (NIST AC-6).
 */
export class ElectionFunction extends Construct implements iam.IGrantable {
  /** The function. */
  public readonly function: lambda.Function;
  /** The execution role: trusts lambda.amazonaws.com; customer-managed policies only. */
  public readonly role: iam.Role;
  /** The function's log group, class `audit-logs`. */
  public readonly logGroup: logs.LogGroup;
  /** The key of the log group. */
  public readonly logKey: kms.Key;
  /** The dead-letter queue of failed asynchronous events, when the function is invoked asynchronously. */
  public readonly deadLetterQueue?: sqs.IQueue;
  /** The role: grants to the construct land in its customer-managed policy. */
  public readonly grantPrincipal: iam.IPrincipal;

  private grants?: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: ElectionFunctionProps) {
    super(scope, id);
    const settings = checkedSettings(this, props);

    this.logKey = createHardenedKey(this, 'LogKey', `Encrypts the logs of ${this.node.path}`);
    allowCloudWatchLogs(this.logKey);
    this.logGroup = createEncryptedLogGroup(this, 'Logs', { encryptionKey: this.logKey, retention: settings.logRetention });

    // What the Lambda service needs goes to one policy; what callers grant later, to another (see below).
    const execution = new iam.ManagedPolicy(this, 'LogsAndTraces', {
      description: `Writes the logs and X-Ray traces of ${this.node.path}`,
      statements: [writeOwnLogsStatement(this.logGroup.logGroupArn)],
    });
    acknowledge(execution, TRACES_ACK);
    const role = new ManagedPolicyRole(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs the election backend function ${this.node.path}`,
    }, () => execution);
    // On the role itself, so the function is created after it: Lambda checks dead-letter permissions at creation.
    role.addManagedPolicy(execution);
    this.role = role;
    this.grantPrincipal = role;

    this.deadLetterQueue = props.deadLetterQueue ?? (settings.invokedAsynchronously ? this.createDeadLetterQueue(settings.eventDataClass) : undefined);
    const queueKey = this.deadLetterQueue?.encryptionMasterKey;
    if (queueKey) role.addToPrincipalPolicy(useQueueKeyStatement(queueKey.keyArn));
    if (props.vpc) this.allowNetworkInterfaces(role);

    this.function = new lambda.Function(this, 'Function', {
      description: props.description ?? `Election backend function ${this.node.path}`,
      runtime: settings.runtime,
      handler: props.handler,
      code: props.code,
      role,
      environment: props.environment,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      tracing: lambda.Tracing.ACTIVE,
      timeout: settings.timeout,
      memorySize: settings.memorySize,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      deadLetterQueue: this.deadLetterQueue,
      vpc: props.vpc,
      vpcSubnets: props.vpcSubnets,
      securityGroups: props.securityGroups,
    });
    // The function added its X-Ray and dead-letter statements above; from here on, grants go to a policy of their own.
    role.sendStatementsTo(() => this.grantsPolicy());

    this.refuseSecretVariables();
    this.acknowledgeChoices(props, settings.invokedAsynchronously);
  }

  /** Adds a statement to the role, in a customer-managed policy (never an inline one). */
  public addToRolePolicy(statement: iam.PolicyStatement): void {
    this.role.addToPrincipalPolicy(statement);
  }

  /** Adds an environment variable; one that holds a secret fails the synth. */
  public addEnvironment(key: string, value: string): void {
    this.function.addEnvironment(key, value);
  }

  /**
   * The policy that collects grants, made when the first one arrives (an empty managed policy fails to
   * deploy). It names the role, as CDK's default policy does, so a key or bucket policy that names
   * the role cannot close a dependency cycle.
   */
  private grantsPolicy(): iam.ManagedPolicy {
    this.grants ??= new iam.ManagedPolicy(this, 'Grants', {
      description: `Permissions granted to ${this.node.path}`,
      roles: [this.role],
    });
    return this.grants;
  }

  private createDeadLetterQueue(dataClass: DataClass): sqs.Queue {
    const queue = new sqs.Queue(this, 'DeadLetterQueue', {
      // Failed events may carry voter data: a key the agency controls, TLS only (NIST SC-28, SC-8).
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: createHardenedKey(this, 'DeadLetterKey', `Encrypts failed events of ${this.node.path}`),
      enforceSSL: true,
      retentionPeriod: DEAD_LETTER_RETENTION,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    tagDataClass(queue, dataClass);
    return queue;
  }

  /** Lambda attaches a VPC function through network interfaces it manages with the execution role. */
  private allowNetworkInterfaces(role: iam.Role): void {
    const policy = new iam.ManagedPolicy(this, 'NetworkInterfaces', {
      description: `Lets Lambda attach ${this.node.path} to its VPC`,
      statements: [networkInterfaceStatement()],
    });
    acknowledge(policy, NETWORK_INTERFACES_ACK);
    // On the role itself, so the function is created after it: Lambda checks these permissions at creation.
    role.addManagedPolicy(policy);
  }

  /** Variables given now throw at once; ones added later are held to the same rule at synth. */
  private refuseSecretVariables(): void {
    const error = (name: string) => validationError(this, ValidationErrorCode.WEAKENS_BASELINE, `environment.${name}`, 'holds a secret in plain text',
      "pass the secret's ARN (such as DB_SECRET_ARN) and read it at run time: variables are shown in the clear to anyone who can read " +
      'the function configuration (ElectionBaseline-LambdaNoPlaintextSecrets; NIST IA-5(7))');
    const found = plaintextSecretVariables(this.function);
    if (found.length > 0) throw error(found[0]);
    this.node.addValidation({ validate: () => plaintextSecretVariables(this.function).map((name) => error(name).message) });
  }

  private acknowledgeChoices(props: ElectionFunctionProps, invokedAsynchronously: boolean): void {
    const acks = [];
    if (!props.vpc) acks.push(OUTSIDE_VPC_ACK);
    if (!invokedAsynchronously) acks.push(SYNCHRONOUS_INVOCATION_ACK);
    if (props.reservedConcurrentExecutions === undefined) acks.push(UNRESERVED_CONCURRENCY_ACK);
    if (acks.length > 0) acknowledge(this.function, ...acks);
  }
}

interface CheckedSettings {
  readonly runtime: lambda.Runtime;
  readonly timeout: Duration;
  readonly memorySize: number;
  readonly logRetention: logs.RetentionDays;
  readonly invokedAsynchronously: boolean;
  readonly eventDataClass: DataClass;
}

type Fail = (code: ValidationErrorCode, prop: string, given: string, allowed: string) => Error;

function checkedSettings(scope: Construct, props: ElectionFunctionProps): CheckedSettings {
  const fail: Fail = (code, prop, given, allowed) => validationError(scope, code, prop, given, allowed);
  if (!props.code) throw fail(ValidationErrorCode.MISSING_VALUE, 'code', 'is missing', 'give the function code, such as lambda.Code.fromAsset(...)');
  if (typeof props.handler !== 'string' || props.handler.trim() === '') throw fail(props.handler === undefined ? ValidationErrorCode.MISSING_VALUE : ValidationErrorCode.INVALID_VALUE, 'handler', `is ${shown(props.handler)}`, 'give the entry point, such as index.handler');
  checkConcurrency(props.reservedConcurrentExecutions, fail);
  checkNetwork(props, fail);
  const invokedAsynchronously = props.invokedAsynchronously ?? props.deadLetterQueue !== undefined;
  if (props.deadLetterQueue && !invokedAsynchronously) {
    throw fail(ValidationErrorCode.CONFLICTING_PROPS, 'deadLetterQueue', 'is given while invokedAsynchronously is false', 'a dead-letter queue receives only failed asynchronous events: set invokedAsynchronously, or leave the queue out');
  }
  if (props.eventDataClass !== undefined && (!invokedAsynchronously || props.deadLetterQueue)) {
    throw fail(ValidationErrorCode.CONFLICTING_PROPS, 'eventDataClass', `is ${shown(props.eventDataClass)} but no dead-letter queue is created`,
      'it classes the queue the construct creates with invokedAsynchronously and no deadLetterQueue; leave it out otherwise');
  }
  if (props.eventDataClass !== undefined && !isDataClass(props.eventDataClass)) {
    throw fail(ValidationErrorCode.INVALID_VALUE, 'eventDataClass', `is ${shown(props.eventDataClass)}`, `it must be one of ${dataClassValues()}`);
  }
  return {
    runtime: checkedRuntime(props.runtime, fail),
    timeout: checkedTimeout(props.timeout, fail),
    memorySize: checkedMemorySize(props.memorySize, fail),
    logRetention: checkedLogRetention(scope, 'logRetention', props.logRetention),
    invokedAsynchronously,
    eventDataClass: props.eventDataClass ?? DataClass.VOTER_PII,
  };
}

/** Refuses exactly what ElectionBaseline-LambdaSupportedRuntime fails: a deprecated runtime, or one the template cannot name. */
function checkedRuntime(runtime: lambda.Runtime | undefined, fail: Fail): lambda.Runtime {
  const value = runtime ?? DEFAULT_RUNTIME;
  if (Token.isUnresolved(value.name)) throw fail(ValidationErrorCode.TOKEN_NOT_ALLOWED, 'runtime', 'is a token', 'give a literal lambda.Runtime, so it can be checked at synth');
  if (isDeprecatedRuntime(value.name)) {
    throw fail(ValidationErrorCode.WEAKENS_BASELINE, 'runtime', `is '${value.name}'`,
      'it is deprecated and AWS no longer patches it (NIST SI-2, SA-22): use a supported runtime, ideally the latest of its family (AwsSolutions-L1)');
  }
  return value;
}

function checkedTimeout(timeout: Duration | undefined, fail: Fail): Duration {
  const value = timeout ?? DEFAULT_TIMEOUT;
  let seconds = NaN;
  try {
    seconds = value.toSeconds();
  } catch {
    // A fraction of a second: Lambda takes whole seconds.
  }
  const allowed = `it must be a literal whole number of seconds from 1 to ${MAX_TIMEOUT_SECONDS} (the Lambda limit)`;
  if (Token.isUnresolved(seconds)) throw fail(ValidationErrorCode.TOKEN_NOT_ALLOWED, 'timeout', 'is a token', allowed);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_TIMEOUT_SECONDS) throw fail(ValidationErrorCode.INVALID_VALUE, 'timeout', `is ${value.toString()}`, allowed);
  return value;
}

function checkedMemorySize(memorySize: number | undefined, fail: Fail): number {
  const value = memorySize ?? DEFAULT_MEMORY_SIZE;
  const allowed = `it must be a literal whole number of MB from ${MIN_MEMORY_SIZE} to ${MAX_MEMORY_SIZE}`;
  if (Token.isUnresolved(value)) throw fail(ValidationErrorCode.TOKEN_NOT_ALLOWED, 'memorySize', 'is a token', allowed);
  if (!Number.isInteger(value) || value < MIN_MEMORY_SIZE || value > MAX_MEMORY_SIZE) throw fail(ValidationErrorCode.INVALID_VALUE, 'memorySize', `is ${String(value)}`, allowed);
  return value;
}

function checkConcurrency(reserved: number | undefined, fail: Fail): void {
  if (reserved === undefined) return;
  const allowed = 'give a literal whole number of at least 1 (0 refuses every invocation), or leave it unset';
  if (Token.isUnresolved(reserved)) throw fail(ValidationErrorCode.TOKEN_NOT_ALLOWED, 'reservedConcurrentExecutions', 'is a token', allowed);
  if (!Number.isInteger(reserved) || reserved < 1) throw fail(ValidationErrorCode.INVALID_VALUE, 'reservedConcurrentExecutions', `is ${String(reserved)}`, allowed);
}

function checkNetwork(props: ElectionFunctionProps, fail: Fail): void {
  if (!props.vpc) {
    if (props.vpcSubnets) throw fail(ValidationErrorCode.MISSING_VALUE, 'vpcSubnets', 'is given without vpc', 'give vpc too, or leave it out');
    if (props.securityGroups) throw fail(ValidationErrorCode.MISSING_VALUE, 'securityGroups', 'are given without vpc', 'give vpc too, or leave them out');
    return;
  }
  const publicSubnets = new Set(props.vpc.publicSubnets.map((s) => s.subnetId));
  const selected = props.vpc.selectSubnets(props.vpcSubnets).subnetIds;
  const exposed = selected.filter((id) => publicSubnets.has(id));
  if (exposed.length > 0) {
    throw fail(ValidationErrorCode.WEAKENS_BASELINE, props.vpcSubnets ? 'vpcSubnets' : 'vpc', `selects public subnet ${shown(exposed[0])}`,
      'select private subnets: in a public subnet the function gets no internet access and sits beside internet-facing resources (NIST SC-7)');
  }
}
