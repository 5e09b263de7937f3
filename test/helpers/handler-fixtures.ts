import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { ElectionFunction } from '../../constructs/election-function';

/** A registration handler as a county writes one: an ElectionFunction with every default. */
export function registrationHandler(scope: Construct, id = 'Handler'): ElectionFunction {
  return new ElectionFunction(scope, id, {
    code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 201, body: "{}" });'),
    handler: 'index.handler',
  });
}
