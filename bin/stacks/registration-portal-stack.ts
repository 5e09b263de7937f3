import { Stack, StackProps } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { ElectionFunction } from '../../constructs/election-function';
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

/** Properties of the reference registration portal stack. */
export interface RegistrationPortalStackProps extends StackProps {
  readonly settings: ReferenceAppSettings;
}

/** Online voter registration: CloudFront front end, API, submissions table and staff sign-in. us-east-1 (CloudFront web ACL). */
export class RegistrationPortalStack extends Stack {
  public readonly portal: RegistrationPortal;
  /** The agency function behind the API: an ElectionFunction, as a county would write it. */
  public readonly handler: ElectionFunction;

  constructor(scope: Construct, id: string, props: RegistrationPortalStackProps) {
    super(scope, id, props);
    this.handler = new ElectionFunction(this, 'Handler', {
      description: 'Stores online voter registration submissions',
      code: lambda.Code.fromInline(HANDLER_CODE),
      handler: 'index.handler',
    });
    // The portal sets TABLE_NAME on the function and grants it put and get on the table, in a managed policy.
    this.portal = new RegistrationPortal(this, 'Portal', { handler: this.handler.function, staffSignIn: true });
  }
}
