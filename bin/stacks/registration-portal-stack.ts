import { Duration, Stack, StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from '../../constructs/defaults/acknowledgments';
import { allowCloudWatchLogs, createEncryptedLogGroup } from '../../constructs/defaults/encrypted-log-group';
import { createHardenedKey } from '../../constructs/defaults/kms-defaults';
import { RegistrationPortal } from '../../constructs/registration-portal';
import { ReferenceAppSettings } from '../settings';

/** Stores one validated submission under a new id; never overwrites one. */
const HANDLER_CODE = `
const { DynamoDBClient, PutItemCommand } = require('@aws-sdk/client-dynamodb');
const { randomUUID } = require('node:crypto');
const db = new DynamoDBClient({});
exports.handler = async (event) => {
  const submissionId = randomUUID();
  await db.send(new PutItemCommand({
    TableName: process.env.TABLE_NAME,
    Item: { submissionId: { S: submissionId }, receivedAt: { S: new Date().toISOString() }, submission: { S: event.body } },
    ConditionExpression: 'attribute_not_exists(submissionId)',
  }));
  return { statusCode: 201, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }, body: JSON.stringify({ submissionId }) };
};
`;

/**
 * The agency function of the reference portal: Node.js, X-Ray, no reserved
 * concurrency (new accounts cannot reserve any), logs to an encrypted audit log group, and a role whose only
 * permissions come from customer-managed policies (the portal adds the table's).
 */
export class RegistrationHandler extends Construct {
  public readonly function: lambda.Function;
  public readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const key = createHardenedKey(this, 'LogKey', `Encrypts logs of ${this.node.path}`);
    allowCloudWatchLogs(key);
    this.logGroup = createEncryptedLogGroup(this, 'Logs', { encryptionKey: key });
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs the voter registration handler ${this.node.path}`,
    });
    const basics = new iam.ManagedPolicy(this, 'LogsAndTraces', {
      description: 'Writes the handler logs and X-Ray traces',
      statements: [
        new iam.PolicyStatement({ sid: 'WriteOwnLogs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [this.logGroup.logGroupArn] }),
        new iam.PolicyStatement({ sid: 'WriteTraces', actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], resources: ['*'] }),
      ],
      roles: [role],
    });
    acknowledge(basics, {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions; the policy grants only those two write actions.',
    });

    this.function = new lambda.Function(this, 'Function', {
      description: 'Stores online voter registration submissions',
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(HANDLER_CODE),
      // The role's policies are managed policies only; CDK must not add an inline default policy.
      role: role.withoutPolicyUpdates(),
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      tracing: lambda.Tracing.ACTIVE,
      memorySize: 256,
      timeout: Duration.seconds(10),
      // No reserved concurrency: a new account's limit is 10, and Lambda keeps 10 unreserved, so any reservation fails the deploy.
    });
    acknowledge(this.function,
      {
        id: 'NIST.800.53.R5-LambdaInsideVPC',
        reason: 'The function reaches only DynamoDB and X-Ray through IAM-signed AWS APIs and no private network resource; a VPC ' +
          'would add NAT or endpoints and no control. Access is limited by its least-privilege role and the two web ACLs in front.',
      },
      {
        id: 'NIST.800.53.R5-LambdaDLQ',
        reason: 'API Gateway invokes the function synchronously, so a dead-letter queue (asynchronous invocations only) would never ' +
          'receive a message; a failed submission returns an error to the voter and is in the logs and X-Ray traces.',
      },
      {
        id: 'NIST.800.53.R5-LambdaConcurrency',
        reason: 'Concurrency is bounded upstream: stage throttling (100 requests/s, burst 200) and the web ACLs\' rate rules cap what ' +
          'reaches the function (NIST SC-5). Reserved concurrency fails the deploy in new accounts, whose limit of 10 must stay unreserved.',
      },
    );
  }
}

/** Properties of the reference registration portal stack. */
export interface RegistrationPortalStackProps extends StackProps {
  readonly settings: ReferenceAppSettings;
}

/** Online voter registration: CloudFront front end, API, submissions table and staff sign-in. us-east-1 (CloudFront web ACL). */
export class RegistrationPortalStack extends Stack {
  public readonly portal: RegistrationPortal;
  public readonly handler: RegistrationHandler;

  constructor(scope: Construct, id: string, props: RegistrationPortalStackProps) {
    super(scope, id, props);
    this.handler = new RegistrationHandler(this, 'Handler');
    this.portal = new RegistrationPortal(this, 'Portal', { handler: this.handler.function, staffSignIn: true });
    this.handler.function.addEnvironment('TABLE_NAME', this.portal.table.tableName);
  }
}
