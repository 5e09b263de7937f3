import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { DEFAULT_SETTINGS } from '../../bin/settings';
import { RegistrationPortalStack } from '../../bin/stacks/registration-portal-stack';
import { THREE_PACKS } from '../helpers/three-packs';

describe('the reference registration portal stack', () => {
  const stack = new RegistrationPortalStack(new App(), 'RegistrationPortal', { settings: DEFAULT_SETTINGS, env: { region: 'us-east-1' } });
  const template = Template.fromStack(stack);

  test.each(THREE_PACKS)('has zero findings under %s', (_, pack) => {
    expect(pack().validateScope(stack).violations).toEqual([]);
  });

  test('the handler runs the latest Node.js with X-Ray, JSON logs to its encrypted group, and knows the table', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      TracingConfig: { Mode: 'Active' },
      // A new account's concurrency limit is 10, all of it unreservable: a reservation fails the deploy.
      ReservedConcurrentExecutions: Match.absent(),
      LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: stack.getLogicalId(stack.handler.logGroup.node.defaultChild as never) } },
      Environment: { Variables: { TABLE_NAME: { Ref: stack.getLogicalId(stack.portal.table.node.defaultChild as never) } } },
    });
  });

  test('the handler role has no inline or AWS managed policy: its permissions are customer-managed policies', () => {
    template.resourceCountIs('AWS::IAM::Policy', 0);
    const role = template.findResources('AWS::IAM::Role')[stack.getLogicalId(stack.handler.role.node.defaultChild as never)];
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([expect.objectContaining({ Action: 'sts:AssumeRole', Principal: { Service: 'lambda.amazonaws.com' } })]);
    expect(role.Properties.Policies).toBeUndefined();
    const managed = Object.keys(template.findResources('AWS::IAM::ManagedPolicy'));
    for (const arn of role.Properties.ManagedPolicyArns) expect(managed).toContain(arn.Ref);
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      Roles: [{ Ref: stack.getLogicalId(stack.handler.role.node.defaultChild as never) }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'StoreSubmissions', Action: 'dynamodb:PutItem' })]) },
    });
  });

  test('the missing reserved concurrency is acknowledged for NIST LambdaConcurrency with the bounds that replace it', () => {
    const acks = JSON.stringify(stack.handler.function.node.metadata);
    expect(acks).toContain('NIST.800.53.R5-LambdaConcurrency');
    expect(acks).toMatch(/a RegistrationPortal stage: 100 requests\/s, burst 200, behind WAF rate rules/);
  });

  test('staff sign-in is on', () => {
    template.resourceCountIs('AWS::Cognito::UserPool', 1);
  });
});
