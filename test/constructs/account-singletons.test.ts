import { App, Environment, NestedStack, Stack, Stage } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { RegistrationPortal } from '../../constructs/registration-portal';
import { SecurityMonitoring, SecurityMonitoringProps } from '../../constructs/security-monitoring';
import { expectValidationError } from '../helpers/validation-error';
import { ValidationErrorCode } from '../../lib/validation-error';

const COUNTY_ENV = { account: '111111111111', region: 'us-east-1' };
const ALL_OFF: SecurityMonitoringProps = { enableGuardDuty: false, enableSecurityHub: false, enableConfig: false };

/** Two counties' stacks in one App, each with its own SecurityMonitoring. */
function twoCounties(envA: Environment | undefined, envB: Environment | undefined, propsB: SecurityMonitoringProps = {}) {
  const app = new App();
  new SecurityMonitoring(new Stack(app, 'CountyA', { env: envA }), 'Monitoring');
  return () => new SecurityMonitoring(new Stack(app, 'CountyB', { env: envB }), 'Monitoring', propsB);
}

describe('SecurityMonitoring: one detector, hub and recorder per account and Region', () => {
  test('a second one in the same concrete account and Region throws, naming both paths and the service', () => {
    expectValidationError(twoCounties(COUNTY_ENV, COUNTY_ENV), {
      code: ValidationErrorCode.CONFLICTING_PROPS, prop: 'enableGuardDuty',
      message: "SecurityMonitoring 'CountyB/Monitoring': enableGuardDuty is on, but a GuardDuty detector already exists for account " +
        "111111111111 in us-east-1 at 'CountyA/Monitoring'; there is one per account and Region: set enableGuardDuty: false on one " +
        'of them (the other detector covers the account; its findings rule stays), or deploy them to different accounts or Regions',
    });
  });

  test.each([
    ['enableGuardDuty', 'a GuardDuty detector'],
    ['enableSecurityHub', 'a Security Hub hub'],
    ['enableConfig', 'an AWS Config recorder (with its delivery channel)'],
  ])('each service is checked on its own: only %s on throws for %s', (prop, resource) => {
    expectValidationError(twoCounties(COUNTY_ENV, COUNTY_ENV, { ...ALL_OFF, [prop]: true }), {
      code: ValidationErrorCode.CONFLICTING_PROPS, prop,
      message: `SecurityMonitoring 'CountyB/Monitoring': ${prop} is on, but ${resource} already exists for account 111111111111 in us-east-1 at 'CountyA/Monitoring'`,
    });
  });

  test('a second one with every service off builds: two counties share one account', () => {
    const second = twoCounties(COUNTY_ENV, COUNTY_ENV, ALL_OFF)();
    expect(second.detector).toBeUndefined();
    expect(second.hub).toBeUndefined();
    expect(second.recorder).toBeUndefined();
    Template.fromStack(Stack.of(second)).resourceCountIs('AWS::Events::Rule', 2);
  });

  test.each([
    ['another Region', { account: '111111111111', region: 'us-west-2' }],
    ['another account', { account: '222222222222', region: 'us-east-1' }],
  ])('%s builds', (_, envB) => {
    expect(twoCounties(COUNTY_ENV, envB)().detector).toBeInstanceOf(guardduty.CfnDetector);
  });

  test('env-agnostic stacks cannot be compared, and build', () => {
    expect(twoCounties(undefined, undefined)().detector).toBeInstanceOf(guardduty.CfnDetector);
    expect(twoCounties(COUNTY_ENV, undefined)().detector).toBeInstanceOf(guardduty.CfnDetector);
  });

  test('two in one env-agnostic stack throw: they deploy to the same account and Region whatever it is', () => {
    const stack = new Stack(new App(), 'County');
    new SecurityMonitoring(stack, 'First');
    expectValidationError(() => new SecurityMonitoring(stack, 'Second'), {
      code: ValidationErrorCode.CONFLICTING_PROPS, prop: 'enableGuardDuty',
      message: "SecurityMonitoring 'County/Second': enableGuardDuty is on, but a GuardDuty detector already exists for env-agnostic stack 'County' at 'County/First'",
    });
  });

  test('a nested stack deploys with its parent: one in each throws', () => {
    const parent = new Stack(new App(), 'County');
    new SecurityMonitoring(parent, 'Monitoring');
    expectValidationError(() => new SecurityMonitoring(new NestedStack(parent, 'Detection'), 'Monitoring'), {
      code: ValidationErrorCode.CONFLICTING_PROPS, prop: 'enableGuardDuty', message: "at 'County/Monitoring'",
    });
  });

  test('stacks in different Stages of one App are compared', () => {
    const app = new App();
    new SecurityMonitoring(new Stack(new Stage(app, 'Prod', { env: COUNTY_ENV }), 'Security'), 'Monitoring');
    expectValidationError(() => new SecurityMonitoring(new Stack(app, 'Shared', { env: COUNTY_ENV }), 'Monitoring'), {
      code: ValidationErrorCode.CONFLICTING_PROPS, prop: 'enableGuardDuty',
      message: "SecurityMonitoring 'Shared/Monitoring': enableGuardDuty is on, but a GuardDuty detector already exists for account 111111111111 in us-east-1 at 'Prod/Security/Monitoring'",
    });
  });

  test('claims do not leak from one App to the next', () => {
    for (const app of [new App(), new App()]) {
      expect(new SecurityMonitoring(new Stack(app, 'CountyA', { env: COUNTY_ENV }), 'Monitoring').detector).toBeInstanceOf(guardduty.CfnDetector);
    }
  });
});

describe('RegistrationPortal: one API Gateway account setting per account and Region', () => {
  function portal(app: App, county: string, configureApiGatewayAccount?: boolean): RegistrationPortal {
    const stack = new Stack(app, county, { env: COUNTY_ENV });
    const handler = new lambda.Function(stack, 'Handler', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 201, body: "{}" });'),
    });
    return new RegistrationPortal(stack, 'Portal', { handler, configureApiGatewayAccount });
  }

  test('a second portal that sets it too throws, naming both paths and configureApiGatewayAccount', () => {
    const app = new App();
    portal(app, 'CountyA');
    expectValidationError(() => portal(app, 'CountyB'), {
      code: ValidationErrorCode.CONFLICTING_PROPS, prop: 'configureApiGatewayAccount',
      message: "RegistrationPortal 'CountyB/Portal': configureApiGatewayAccount is on, but the API Gateway CloudWatch role setting " +
        "(AWS::ApiGateway::Account) already exists for account 111111111111 in us-east-1 at 'CountyA/Portal'",
    });
  });

  test('a second portal with configureApiGatewayAccount: false builds, and sets nothing account-wide', () => {
    const app = new App();
    portal(app, 'CountyA');
    const second = portal(app, 'CountyB', false);
    Template.fromStack(Stack.of(second)).resourceCountIs('AWS::ApiGateway::Account', 0);
  });
});
