import { Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks, NagPack, NIST80053R5Checks } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { ElectionFunction, ElectionFunctionProps } from '../../constructs/election-function';
import { DataClass } from '../../lib/baseline/data-class';
import { ElectionBaselineChecks } from '../../lib/election-baseline-checks';
import { newStack } from '../helpers/pack-harness';
import { synthViolations } from '../helpers/synth-violations';

const CODE = lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200, body: "{}" });');

function electionFunction(props: Partial<ElectionFunctionProps> = {}) {
  const { app, stack } = newStack();
  const fn = new ElectionFunction(stack, 'Fn', { code: CODE, handler: 'index.handler', ...props });
  return { app, stack, fn };
}

function id(stack: Stack, construct: IConstruct): string {
  return stack.getLogicalId(construct.node.defaultChild as never);
}

/** The acknowledgments written on a construct, by rule id. */
function acknowledged(construct: IConstruct): Record<string, string> {
  return Object.assign({}, ...construct.node.metadata
    .filter((m) => m.type === 'aws:cdk:acknowledged-rules')
    .map((m) => Object.fromEntries(Object.entries(m.data as Record<string, string>).map(([k, v]) => [k.replace(/^Annotation::/, ''), v]))));
}

const PACKS: Array<[string, () => NagPack]> = [
  ['ElectionBaseline', () => new ElectionBaselineChecks()],
  ['AwsSolutions', () => new AwsSolutionsChecks()],
  ['NIST.800.53.R5', () => new NIST80053R5Checks()],
];

/** Violations of the three packs on the synthesized templates, as `cdk synth` judges them. */
function threePackViolations(app: ReturnType<typeof newStack>['app']) {
  return PACKS.flatMap(([, pack]) => synthViolations(app, pack()));
}

/** An imported VPC with public and private subnets: no resources of its own for the packs to judge. */
function importedVpc(stack: Stack): ec2.IVpc {
  return ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
    vpcId: 'vpc-0123456789abcdef0',
    availabilityZones: ['us-east-1a', 'us-east-1b'],
    publicSubnetIds: ['subnet-0public000000000a', 'subnet-0public000000000b'],
    privateSubnetIds: ['subnet-0private00000000a', 'subnet-0private00000000b'],
  });
}

describe('ElectionFunction defaults', () => {
  const { stack, fn } = electionFunction();
  const template = Template.fromStack(stack);

  test.each(PACKS)('has zero findings under %s, with no waiver from the caller', (_, pack) => {
    expect(pack().validateScope(stack).violations).toEqual([]);
  });

  test('latest Node.js, X-Ray active, JSON logs to its own group, 10 s and 256 MB; no reservation, dead-letter queue or VPC', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      TracingConfig: { Mode: 'Active' },
      LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: id(stack, fn.logGroup) } },
      Timeout: 10,
      MemorySize: 256,
      Role: { 'Fn::GetAtt': [id(stack, fn.role), 'Arn'] },
      ReservedConcurrentExecutions: Match.absent(),
      DeadLetterConfig: Match.absent(),
      VpcConfig: Match.absent(),
      Environment: Match.absent(),
    });
  });

  test('the log group is audit-logs under its own rotating key that CloudWatch Logs may use, kept two years, RETAIN', () => {
    template.hasResource('AWS::Logs::LogGroup', {
      Properties: {
        KmsKeyId: { 'Fn::GetAtt': [id(stack, fn.logKey), 'Arn'] },
        RetentionInDays: 731,
        Tags: [{ Key: 'election:data-class', Value: 'audit-logs' }],
      },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    template.hasResource('AWS::KMS::Key', {
      Properties: Match.objectLike({
        EnableKeyRotation: true,
        PendingWindowInDays: 30,
        KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'CloudWatchLogsEncryptLogGroups', Action: Match.arrayWith(['kms:Encrypt', 'kms:GenerateDataKey']) })]) },
      }),
      DeletionPolicy: 'Retain',
    });
  });

  test('the role trusts only Lambda and holds one customer-managed policy: its own log group and X-Ray, nothing inline', () => {
    template.resourceCountIs('AWS::IAM::Policy', 0);
    const role = template.findResources('AWS::IAM::Role')[id(stack, fn.role)].Properties;
    expect(role.AssumeRolePolicyDocument.Statement).toEqual([{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } }]);
    expect(role.Policies).toBeUndefined();
    const [policyId] = role.ManagedPolicyArns.map((arn: { Ref: string }) => arn.Ref);
    expect(role.ManagedPolicyArns).toHaveLength(1);
    expect(template.findResources('AWS::IAM::ManagedPolicy')[policyId].Properties.PolicyDocument.Statement).toEqual([
      { Sid: 'WriteOwnLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [id(stack, fn.logGroup), 'Arn'] } },
      { Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: '*' },
    ]);
  });

  test('the choices it makes are acknowledged with reasons: X-Ray wildcard, no VPC, synchronous, no reservation', () => {
    const policy = stack.node.findChild('Fn').node.findChild('LogsAndTraces');
    expect(Object.keys(acknowledged(policy))).toEqual(['AwsSolutions-IAM5[Resource::*]']);
    expect(acknowledged(fn.function)).toEqual({
      'NIST.800.53.R5-LambdaInsideVPC': expect.stringMatching(/^No vpc was given, on the assumption that the function reaches only IAM-signed AWS APIs/),
      'NIST.800.53.R5-LambdaDLQ': expect.stringMatching(/invoked synchronously .* would never get one/),
      'NIST.800.53.R5-LambdaConcurrency': expect.stringMatching(/bounded upstream, by the caller's throttling .* fails the deploy in new accounts/),
    });
  });

  test('it is clean on the synthesized template too', () => {
    const { app } = electionFunction();
    expect(threePackViolations(app)).toEqual([]);
  });
});

describe('ElectionFunction grants', () => {
  const { stack, fn } = electionFunction();
  const table = new dynamodb.Table(stack, 'Table', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } });
  table.grantReadData(fn.function);
  table.grantWriteData(fn);
  fn.addToRolePolicy(new iam.PolicyStatement({ sid: 'PublishMetrics', actions: ['cloudwatch:PutMetricData'], resources: ['*'], conditions: { StringEquals: { 'cloudwatch:namespace': 'Registration' } } }));
  const template = Template.fromStack(stack);
  const grantsId = id(stack, stack.node.findChild('Fn').node.findChild('Grants') as IConstruct);

  test('grant* of other constructs and addToRolePolicy land in one customer-managed policy on the role, never inline', () => {
    template.resourceCountIs('AWS::IAM::Policy', 0);
    const grants = template.findResources('AWS::IAM::ManagedPolicy')[grantsId].Properties;
    expect(grants.Roles).toEqual([{ Ref: id(stack, fn.role) }]);
    const actions = grants.PolicyDocument.Statement.flatMap((s: { Action: string | string[] }) => [s.Action].flat());
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:DeleteItem', 'cloudwatch:PutMetricData']));
  });

  test('the grants policy names the role rather than the role naming it, so a key policy naming the role makes no cycle', () => {
    const role = template.findResources('AWS::IAM::Role')[id(stack, fn.role)].Properties;
    expect(role.ManagedPolicyArns).not.toContainEqual({ Ref: grantsId });
  });

  test('the library\'s X-Ray acknowledgment does not cover a caller\'s wildcard: it is reported on the grants policy', () => {
    const findings = new AwsSolutionsChecks().validateScope(stack).violations
      .flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} ${r.constructPath}`))
      .filter((finding) => finding.includes('Test/Fn/'));
    expect(findings).toEqual(['AwsSolutions-IAM5[Resource::*] Test/Fn/Grants/Resource']);
    const nist = new NIST80053R5Checks().validateScope(stack).violations.map((v) => v.ruleName);
    expect(nist).not.toContain('NIST.800.53.R5-IAMNoInlinePolicy');
  });
});

describe('ElectionFunction invoked asynchronously', () => {
  const { stack, fn } = electionFunction({ invokedAsynchronously: true });
  const template = Template.fromStack(stack);
  const queueId = id(stack, fn.deadLetterQueue!);

  test.each(PACKS)('has zero findings under %s', (_, pack) => {
    expect(pack().validateScope(stack).violations).toEqual([]);
  });

  test('failed events go to a voter-pii dead-letter queue under its own key, TLS only, kept 14 days, RETAIN', () => {
    template.hasResourceProperties('AWS::Lambda::Function', { DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': [queueId, 'Arn'] } } });
    const queue = template.findResources('AWS::SQS::Queue')[queueId];
    expect(queue).toMatchObject({
      Properties: { MessageRetentionPeriod: 1209600, Tags: [{ Key: 'election:data-class', Value: 'voter-pii' }] },
      DeletionPolicy: 'Retain',
    });
    const keyId = queue.Properties.KmsMasterKeyId['Fn::GetAtt'][0];
    template.hasResourceProperties('AWS::KMS::Key', { Description: Match.stringLikeRegexp('failed events'), EnableKeyRotation: true });
    expect(Object.keys(template.findResources('AWS::KMS::Key', { Properties: { Description: Match.stringLikeRegexp('failed events') } }))).toEqual([keyId]);
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: { Statement: [Match.objectLike({ Effect: 'Deny', Action: 'sqs:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })] },
    });
  });

  test('the role may send to the queue and use its key through SQS, in the policy Lambda checks at creation', () => {
    const role = template.findResources('AWS::IAM::Role')[id(stack, fn.role)].Properties;
    const [policyId] = role.ManagedPolicyArns.map((arn: { Ref: string }) => arn.Ref);
    expect(template.findResources('AWS::IAM::ManagedPolicy')[policyId].Properties.PolicyDocument.Statement).toEqual(expect.arrayContaining([
      { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: { 'Fn::GetAtt': [queueId, 'Arn'] } },
      expect.objectContaining({ Sid: 'UseDeadLetterKeyThroughSqs', Action: ['kms:GenerateDataKey', 'kms:Decrypt'], Condition: expect.anything() }),
    ]));
  });

  test('no dead-letter acknowledgment remains', () => {
    expect(Object.keys(acknowledged(fn.function))).not.toContain('NIST.800.53.R5-LambdaDLQ');
  });

  test('eventDataClass classes the queue', () => {
    const { stack: other, fn: operational } = electionFunction({ invokedAsynchronously: true, eventDataClass: DataClass.OPERATIONAL });
    expect(Template.fromStack(other).findResources('AWS::SQS::Queue')[id(other, operational.deadLetterQueue!)].Properties.Tags)
      .toEqual([{ Key: 'election:data-class', Value: 'operational' }]);
  });

  test('an agency\'s own queue is used as given, with its key usable through SQS', () => {
    const { stack: other } = newStack();
    const key = new kms.Key(other, 'QueueKey', { enableKeyRotation: true });
    const queue = new sqs.Queue(other, 'Failures', { encryptionMasterKey: key, enforceSSL: true });
    const given = new ElectionFunction(other, 'Fn', { code: CODE, handler: 'index.handler', deadLetterQueue: queue });
    expect(given.deadLetterQueue).toBe(queue);
    const givenTemplate = Template.fromStack(other);
    givenTemplate.resourceCountIs('AWS::SQS::Queue', 1);
    givenTemplate.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'UseDeadLetterKeyThroughSqs', Resource: { 'Fn::GetAtt': [id(other, key), 'Arn'] } })]) },
    });
  });
});

describe('ElectionFunction in a VPC', () => {
  const { stack } = newStack();
  const fn = new ElectionFunction(stack, 'Fn', { code: CODE, handler: 'index.handler', vpc: importedVpc(stack) });
  const template = Template.fromStack(stack);

  test.each(PACKS)('has zero findings under %s', (_, pack) => {
    expect(pack().validateScope(stack).violations).toEqual([]);
  });

  test('its interfaces go in the private subnets, and the role may manage them through a policy of their own', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      VpcConfig: { SubnetIds: ['subnet-0private00000000a', 'subnet-0private00000000b'], SecurityGroupIds: Match.anyValue() },
    });
    const role = template.findResources('AWS::IAM::Role')[id(stack, fn.role)].Properties;
    const policies = template.findResources('AWS::IAM::ManagedPolicy');
    const statements = role.ManagedPolicyArns.flatMap((arn: { Ref: string }) => policies[arn.Ref].Properties.PolicyDocument.Statement);
    expect(statements).toContainEqual(expect.objectContaining({ Sid: 'ManageFunctionNetworkInterfaces', Resource: '*', Action: expect.arrayContaining(['ec2:CreateNetworkInterface']) }));
    expect(Object.keys(acknowledged(stack.node.findChild('Fn').node.findChild('NetworkInterfaces')))).toEqual(['AwsSolutions-IAM5[Resource::*]']);
    expect(Object.keys(acknowledged(fn.function))).not.toContain('NIST.800.53.R5-LambdaInsideVPC');
  });
});

describe('ElectionFunction options', () => {
  test('a reservation is set and no longer acknowledged', () => {
    const { stack, fn } = electionFunction({ reservedConcurrentExecutions: 20 });
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', { ReservedConcurrentExecutions: 20 });
    expect(Object.keys(acknowledged(fn.function))).toEqual(['NIST.800.53.R5-LambdaInsideVPC', 'NIST.800.53.R5-LambdaDLQ']);
  });

  test('runtime, timeout, memory, retention and description are taken as given', () => {
    const { stack } = electionFunction({
      runtime: lambda.Runtime.PYTHON_3_13, handler: 'app.handler', timeout: Duration.minutes(2),
      memorySize: 512, logRetention: logs.RetentionDays.FIVE_YEARS, description: 'Imports canvass files',
    });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Lambda::Function', { Runtime: 'python3.13', Handler: 'app.handler', Timeout: 120, MemorySize: 512, Description: 'Imports canvass files' });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 1827 });
  });

  test('variables that point at secrets are kept, and never-expiring logs are accepted', () => {
    const { stack, fn } = electionFunction({ environment: { DB_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf', LOG_LEVEL: 'INFO' }, logRetention: logs.RetentionDays.INFINITE });
    fn.addEnvironment('TOKEN_TABLE_NAME', 'tokens');
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Lambda::Function', { Environment: { Variables: { DB_SECRET_ARN: Match.anyValue(), LOG_LEVEL: 'INFO', TOKEN_TABLE_NAME: 'tokens' } } });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: Match.absent() });
  });
});
