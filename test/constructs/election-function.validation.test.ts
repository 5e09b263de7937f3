import { CfnParameter, Duration, SecretValue, Stack, Token } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { ElectionFunction, ElectionFunctionProps } from '../../constructs/election-function';
import { DataClass } from '../../lib/baseline/data-class';
import { newStack, pathsViolating } from '../helpers/pack-harness';
import { expectValidationError } from '../helpers/validation-error';
import { ValidationErrorCode } from '../../lib/validation-error';

/** Code in S3: every runtime takes it (inline code is for Node.js and Python only). */
const code = (stack: Stack) => lambda.Code.fromBucket(s3.Bucket.fromBucketName(stack, 'CodeBucket', 'county-code'), 'backend.zip');

function build(props: Partial<ElectionFunctionProps> | ((stack: Stack) => Partial<ElectionFunctionProps>)) {
  const { app, stack } = newStack();
  const given = typeof props === 'function' ? props(stack) : props;
  const fn = new ElectionFunction(stack, 'Fn', { code: code(stack), handler: 'index.handler', ...given });
  return { app, stack, fn };
}

const importedVpc = (stack: Stack) => ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
  vpcId: 'vpc-0123456789abcdef0',
  availabilityZones: ['us-east-1a'],
  publicSubnetIds: ['subnet-0public000000000a'],
  privateSubnetIds: ['subnet-0private00000000a'],
});

describe('ElectionFunction refuses weakening or meaningless props, naming the path, the prop, the value and what is allowed', () => {
  type Props = Partial<ElectionFunctionProps> | ((stack: Stack) => Partial<ElectionFunctionProps>);
  const cases: Array<[string, Props, ValidationErrorCode, string, string | RegExp]> = [
    ['a deprecated runtime', { runtime: lambda.Runtime.NODEJS_20_X },
      ValidationErrorCode.WEAKENS_BASELINE, 'runtime', "ElectionFunction 'Test/Fn': runtime is 'nodejs20.x'; it is deprecated and AWS no longer patches it (NIST SI-2, SA-22): use a supported runtime, ideally the latest of its family (AwsSolutions-L1)"],
    ['a runtime from a parameter', (s) => ({ runtime: new lambda.Runtime(new CfnParameter(s, 'Runtime').valueAsString) }),
      ValidationErrorCode.TOKEN_NOT_ALLOWED, 'runtime', "ElectionFunction 'Test/Fn': runtime is a token; give a literal lambda.Runtime"],
    ['a timeout of 0', { timeout: Duration.seconds(0) }, ValidationErrorCode.INVALID_VALUE, 'timeout', "ElectionFunction 'Test/Fn': timeout is Duration.seconds(0); it must be a literal whole number of seconds from 1 to 900"],
    ['a timeout past 15 minutes', { timeout: Duration.minutes(16) }, ValidationErrorCode.INVALID_VALUE, 'timeout', /timeout is Duration.minutes\(16\); it must be a literal whole number of seconds from 1 to 900/],
    ['a timeout of a fraction of a second', { timeout: Duration.millis(1500) }, ValidationErrorCode.INVALID_VALUE, 'timeout', /timeout is Duration.millis\(1500\); it must be a literal whole number of seconds/],
    ['a timeout from a token', { timeout: Duration.seconds(Token.asNumber({ Ref: 'Timeout' })) }, ValidationErrorCode.TOKEN_NOT_ALLOWED, 'timeout', /timeout is a token/],
    ['too little memory', { memorySize: 64 }, ValidationErrorCode.INVALID_VALUE, 'memorySize', "ElectionFunction 'Test/Fn': memorySize is 64; it must be a literal whole number of MB from 128 to 10240"],
    ['too much memory', { memorySize: 10241 }, ValidationErrorCode.INVALID_VALUE, 'memorySize', /memorySize is 10241/],
    ['memory that is not whole', { memorySize: 200.5 }, ValidationErrorCode.INVALID_VALUE, 'memorySize', /memorySize is 200.5/],
    ['a reservation of 0', { reservedConcurrentExecutions: 0 },
      ValidationErrorCode.INVALID_VALUE, 'reservedConcurrentExecutions', "ElectionFunction 'Test/Fn': reservedConcurrentExecutions is 0; give a literal whole number of at least 1 (0 refuses every invocation), or leave it unset"],
    ['a negative reservation', { reservedConcurrentExecutions: -1 }, ValidationErrorCode.INVALID_VALUE, 'reservedConcurrentExecutions', /reservedConcurrentExecutions is -1/],
    ['a reservation from a token', { reservedConcurrentExecutions: Token.asNumber({ Ref: 'Reserved' }) }, ValidationErrorCode.TOKEN_NOT_ALLOWED, 'reservedConcurrentExecutions', /reservedConcurrentExecutions is a token/],
    ['logs kept a month', { logRetention: logs.RetentionDays.ONE_MONTH },
      ValidationErrorCode.OUTSIDE_BASELINE_BOUND, 'logRetention', "ElectionFunction 'Test/Fn': logRetention is 30 days; give a RetentionDays of 365 days (ONE_YEAR) or longer, or INFINITE: audit logs must outlive the incident they record (NIST AU-11)"],
    ['a retention CloudWatch Logs does not offer', { logRetention: 500 as logs.RetentionDays }, ValidationErrorCode.INVALID_VALUE, 'logRetention', /logRetention is 500; give a RetentionDays/],
    ['a retention given by name', { logRetention: 'ONE_YEAR' as unknown as logs.RetentionDays }, ValidationErrorCode.INVALID_VALUE, 'logRetention', /logRetention is ONE_YEAR; give a RetentionDays/],
    ['a retention from a token', { logRetention: Token.asNumber({ Ref: 'Days' }) }, ValidationErrorCode.TOKEN_NOT_ALLOWED, 'logRetention', /logRetention is a token/],
    ['a dead-letter queue for a synchronous function', (s) => ({ invokedAsynchronously: false, deadLetterQueue: new sqs.Queue(s, 'Q') }),
      ValidationErrorCode.CONFLICTING_PROPS, 'deadLetterQueue', "ElectionFunction 'Test/Fn': deadLetterQueue is given while invokedAsynchronously is false; a dead-letter queue receives only failed asynchronous events"],
    ['an event data class with no queue to class', { eventDataClass: DataClass.OPERATIONAL },
      ValidationErrorCode.CONFLICTING_PROPS, 'eventDataClass', "ElectionFunction 'Test/Fn': eventDataClass is 'operational' but no dead-letter queue is created"],
    ['an unknown event data class', { invokedAsynchronously: true, eventDataClass: 'secret' as DataClass }, ValidationErrorCode.INVALID_VALUE, 'eventDataClass', /eventDataClass is 'secret'; it must be one of 'election-records'/],
    ['subnets without a VPC', { vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS } }, ValidationErrorCode.MISSING_VALUE, 'vpcSubnets', "ElectionFunction 'Test/Fn': vpcSubnets is given without vpc"],
    ['security groups without a VPC', (s) => ({ securityGroups: [ec2.SecurityGroup.fromSecurityGroupId(s, 'Sg', 'sg-0123456789abcdef0')] }), ValidationErrorCode.MISSING_VALUE, 'securityGroups', /securityGroups are given without vpc/],
    ['public subnets', (s) => ({ vpc: importedVpc(s), vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC } }),
      ValidationErrorCode.WEAKENS_BASELINE, 'vpcSubnets', "ElectionFunction 'Test/Fn': vpcSubnets selects public subnet 'subnet-0public000000000a'; select private subnets"],
    ['an empty handler', { handler: ' ' }, ValidationErrorCode.INVALID_VALUE, 'handler', "ElectionFunction 'Test/Fn': handler is ' '; give the entry point"],
  ];

  test.each(cases)('%s', (_, props, code, prop, message) => {
    expectValidationError(() => build(props), { code, prop, message });
  });
});

describe('ElectionFunction refuses exactly the runtimes ElectionBaseline-LambdaSupportedRuntime fails', () => {
  const runtimes = lambda.Runtime.ALL.filter((runtime) => runtime !== lambda.Runtime.FROM_IMAGE);

  test.each(runtimes.map((runtime) => [runtime.name, runtime] as const))('%s', (name, runtime) => {
    const plain = newStack();
    new lambda.Function(plain.stack, 'Fn', { runtime, handler: 'index.handler', code: code(plain.stack) });
    const ruleFails = pathsViolating(plain.stack, 'LambdaSupportedRuntime').length > 0;
    const build_ = () => build({ runtime });
    if (ruleFails) expectValidationError(build_, { code: ValidationErrorCode.WEAKENS_BASELINE, prop: 'runtime', message: `runtime is '${name}'` });
    else expect(build_).not.toThrow();
  });
});

describe('ElectionFunction refuses exactly the environment variables ElectionBaseline-LambdaNoPlaintextSecrets fails', () => {
  type Variables = (stack: Stack) => Record<string, string>;
  const table = (stack: Stack) => (stack.node.tryFindChild('Table') as dynamodb.Table | undefined)
    ?? new dynamodb.Table(stack, 'Table', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } });
  const cases: Array<[string, Variables]> = [
    ['a table name', (s) => ({ TABLE_NAME: table(s).tableName })],
    ['a secret ARN', () => ({ DB_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf' })],
    ['a token table name', (s) => ({ TOKEN_TABLE_NAME: table(s).tableName })],
    ['ordinary settings', () => ({ LOG_LEVEL: 'INFO', PWD: '/var/task' })],
    ['a secret-named variable referencing a resource of the stack', (s) => ({ DB_PASSWORD: table(s).tableArn })],
    ['a password written in', () => ({ DB_PASSWORD: 'hunter2-but-longer' })],
    ['a camelCase API key', () => ({ apiKey: 'k-123' })],
    ['an access key id under an innocent name', () => ({ LOG_LEVEL: 'AKIAABCDEFGHIJKLMNOP' })],
    ['a private key', () => ({ SIGNING: '-----BEGIN RSA PRIVATE KEY-----\nMIIB' })],
    ['a Secrets Manager dynamic reference', () => ({ DB: SecretValue.secretsManager('county/db').unsafeUnwrap() })],
    ['a secret-named variable from a parameter', (s) => ({ API_TOKEN: new CfnParameter(s, 'Token').valueAsString })],
    ['a secret-named variable from an import', () => ({ API_TOKEN: Token.asString({ 'Fn::ImportValue': 'CountyToken' }) })],
  ];

  test.each(cases)('%s', (_, variables) => {
    const plain = newStack();
    new lambda.Function(plain.stack, 'Fn', { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code: code(plain.stack), environment: variables(plain.stack) });
    const ruleFails = pathsViolating(plain.stack, 'LambdaNoPlaintextSecrets').length > 0;
    const build_ = () => build((s) => ({ environment: variables(s) }));
    if (ruleFails) {
      const error = expectValidationError(build_, {
        code: ValidationErrorCode.WEAKENS_BASELINE, prop: /^environment\.\w+$/,
        message: /^ElectionFunction 'Test\/Fn': environment\.\w+ holds a secret in plain text; pass the secret's ARN/,
      });
      expect(error.value).toBe('holds a secret in plain text');
    }
    else expect(build_).not.toThrow();
  });

  test('the cases cover both verdicts', () => {
    const verdicts = cases.map(([, variables]) => {
      const plain = newStack();
      new lambda.Function(plain.stack, 'Fn', { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code: code(plain.stack), environment: variables(plain.stack) });
      return pathsViolating(plain.stack, 'LambdaNoPlaintextSecrets').length > 0;
    });
    expect(new Set(verdicts)).toEqual(new Set([true, false]));
  });

  test('a secret added later with addEnvironment fails the synth, naming the variable and not its value', () => {
    const { app, fn } = build({});
    fn.function.addEnvironment('ADMIN_PASSWORD', 'correct horse battery staple');
    let message = '';
    try {
      app.synth();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("ElectionFunction 'Test/Fn': environment.ADMIN_PASSWORD holds a secret in plain text");
    expect(message).not.toContain('correct horse');
  });
});
