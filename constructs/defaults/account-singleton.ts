import { Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ValidationErrorCode } from '../../lib/validation-error';
import { validationError } from './validate';

/**
 * A resource AWS allows once per account and Region (a GuardDuty detector, a
 * Security Hub hub, an AWS Config recorder, the API Gateway account settings),
 * and the prop of the construct that creates it.
 */
export interface AccountSingleton {
  /** What it is, as an error names it, e.g. `a GuardDuty detector`. */
  readonly resource: string;
  /** The prop that turns it off, e.g. `enableGuardDuty`. */
  readonly prop: string;
  /** What else the caller should know when turning it off on one of two, e.g. that its findings rule stays. */
  readonly whenOff: string;
}

/** A GuardDuty detector: a second one fails the deployment. */
export const GUARDDUTY_DETECTOR: AccountSingleton = {
  resource: 'a GuardDuty detector',
  prop: 'enableGuardDuty',
  whenOff: 'the other detector covers the account; its findings rule stays',
};

/** A Security Hub hub: a second subscription fails the deployment. */
export const SECURITY_HUB: AccountSingleton = {
  resource: 'a Security Hub hub',
  prop: 'enableSecurityHub',
  whenOff: 'the other hub covers the account; its findings rule stays',
};

/** The AWS Config recorder and delivery channel: a second of either fails the deployment. */
export const CONFIG_RECORDER: AccountSingleton = {
  resource: 'an AWS Config recorder (with its delivery channel)',
  prop: 'enableConfig',
  whenOff: 'the other recorder covers the account and Region',
};

/**
 * The API Gateway account settings: a second one deploys and silently
 * replaces the first's CloudWatch role (CloudFormation asks for one per account and Region).
 */
export const API_GATEWAY_ACCOUNT: AccountSingleton = {
  resource: 'the API Gateway CloudWatch role setting (AWS::ApiGateway::Account)',
  prop: 'configureApiGatewayAccount',
  whenOff: 'its API logs through the role the other sets, so deploy that stack first',
};

/**
 * Who claimed what, per App: keyed on the root construct, so two Apps (two
 * tests) never see each other's claims and a discarded App is collected.
 */
const claimsByApp = new WeakMap<IConstruct, Map<string, string>>();

/**
 * Records that `scope` creates `singleton` in its stack's account and Region,
 * and throws, naming both construct paths, when another construct of the same
 * App already did: two of them synthesize clean and then fail (or overwrite
 * each other) at deploy. Stacks of a concrete account and Region are compared
 * across stacks and stages; an env-agnostic stack is compared only with itself,
 * since its account is known only at deploy.
 */
export function claimAccountSingleton(scope: IConstruct, singleton: AccountSingleton): void {
  const stack = Stack.of(scope);
  const concrete = !Token.isUnresolved(stack.account) && !Token.isUnresolved(stack.region);
  const deployed = deployedStack(stack);
  const where = concrete ? `account ${stack.account} in ${stack.region}` : `env-agnostic stack '${deployed.node.path}'`;
  const key = `${singleton.resource}\n${concrete ? `${stack.account}/${stack.region}` : `stack:${deployed.node.path}`}`;

  const claims = claimsByApp.get(scope.node.root) ?? new Map<string, string>();
  claimsByApp.set(scope.node.root, claims);
  const first = claims.get(key);
  if (first !== undefined) {
    throw validationError(scope, ValidationErrorCode.CONFLICTING_PROPS, singleton.prop,
      `is on, but ${singleton.resource} already exists for ${where} at '${first}'`,
      `there is one per account and Region: set ${singleton.prop}: false on one of them (${singleton.whenOff}), or deploy them to different accounts or Regions`);
  }
  claims.set(key, scope.node.path);
}

/** The stack CloudFormation deploys: a nested stack goes out with its top-level parent, into the same account and Region. */
function deployedStack(stack: Stack): Stack {
  let current = stack;
  while (current.nestedStackParent) current = current.nestedStackParent;
  return current;
}
