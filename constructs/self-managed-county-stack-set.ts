import { Lazy, Stack, Token } from 'aws-cdk-lib';
import * as cloudformation from 'aws-cdk-lib/aws-cloudformation';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { ACCOUNT_ID } from '../lib/baseline/account-id';
import { DEFAULT_SELF_MANAGED_EXECUTION_ROLE } from '../lib/baseline/stack-sets';
import { ValidationErrorCode } from '../lib/validation-error';
import { checkedList, checkedRollout, overridesOf, templateAssetUrl } from './defaults/stack-set-defaults';
import { shown, tokenOr, validationError } from './defaults/validate';
import { CountyBaselineStack } from './county-baseline-stack';
import { CountyRolloutOptions } from './stack-set-options';
import { DEFAULT_EXECUTION_ROLE_NAME, EXECUTION_ROLE_NAME } from './self-managed-execution-role';

/** Properties of a SelfManagedCountyStackSet. */
export interface SelfManagedCountyStackSetProps extends CountyRolloutOptions {
  /**
   * The county accounts outside the organization (vendor-run), 12 digits
   * each. Each must first deploy a SelfManagedExecutionRole trusting this
   * stack's administration role. Counties listed in `counties` get their
   * overrides; the others the defaults.
   */
  readonly accountIds: string[];

  /**
   * The name of the execution role in each county account: the
   * SelfManagedExecutionRole there, not AWS's sample
   * `AWSCloudFormationStackSetExecutionRole` with AdministratorAccess (that name throws).
   * @default 'election-baseline-stackset-execution'
   */
  readonly executionRoleName?: string;
}

/**
 * The county baseline for counties outside the state's organization (a
 * vendor runs the account): a SELF_MANAGED stack set whose administration
 * role, made here, may assume only the least-privilege
 * SelfManagedExecutionRole in the listed accounts (NIST AC-6, SA-9). No
 * auto-deployment exists outside an organization: add an account here when
 * a county joins. Ask each vendor for its own `election-audit` report of the
 * same county template as evidence.
 */
export class SelfManagedCountyStackSet extends Construct {
  /** The stack set. */
  public readonly stackSet: cloudformation.CfnStackSet;
  /** The administration role CloudFormation uses in this account. */
  public readonly administrationRole: iam.Role;
  /** The county template. */
  public readonly template: CountyBaselineStack;

  constructor(scope: Construct, id: string, props: SelfManagedCountyStackSetProps) {
    super(scope, id);
    const rollout = checkedRollout(this, props);
    const accounts = checkedList(this, 'accountIds', props.accountIds, ACCOUNT_ID, '12-digit account ids');
    const executionRoleName = checkedRoleName(this, props.executionRoleName ?? DEFAULT_EXECUTION_ROLE_NAME);
    const unlisted = rollout.counties.find((c) => !accounts.includes(c.accountId));
    if (unlisted !== undefined) {
      throw validationError(this, ValidationErrorCode.INVALID_VALUE, 'counties', `names account '${unlisted.accountId}'`, 'list it in accountIds too');
    }
    this.template = props.template;
    const stack = Stack.of(this);
    this.administrationRole = new iam.Role(this, 'AdministrationRole', {
      assumedBy: new iam.ServicePrincipal('cloudformation.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': stack.account } } }),
      description: `Lets CloudFormation StackSets of ${this.node.path} assume ${executionRoleName} in the listed county accounts, nothing else`,
    });
    new iam.ManagedPolicy(this, 'AdministrationPolicy', {
      description: `Assume ${executionRoleName} in the county accounts of ${this.node.path}`,
      roles: [this.administrationRole],
      statements: [new iam.PolicyStatement({
        actions: ['sts:AssumeRole'],
        resources: accounts.map((account) => `arn:${stack.partition}:iam::${account}:role/${executionRoleName}`),
      })],
    });

    const overridden = rollout.counties.map((c) => c.accountId);
    const rest = accounts.filter((a) => !overridden.includes(a));
    let templateUrl: string | undefined;
    this.stackSet = new cloudformation.CfnStackSet(this, 'StackSet', {
      stackSetName: rollout.name,
      description: `Election county baseline for counties outside the organization (cdk-election-baseline), from ${this.template.node.path}`,
      permissionModel: 'SELF_MANAGED',
      administrationRoleArn: this.administrationRole.roleArn,
      executionRoleName,
      capabilities: ['CAPABILITY_IAM'],
      managedExecution: { Active: true },
      operationPreferences: rollout.operationPreferences,
      parameters: rollout.parameters,
      templateUrl: Lazy.string({ produce: () => (templateUrl ??= templateAssetUrl(this, this.template)) }),
      stackInstancesGroup: [
        ...(rest.length > 0 ? [{ regions: rollout.regions, deploymentTargets: { accounts: rest } }] : []),
        ...rollout.counties.map((county) => ({ regions: rollout.regions, deploymentTargets: { accounts: [county.accountId] }, parameterOverrides: overridesOf(county) })),
      ],
    });
  }
}

function checkedRoleName(scope: Construct, name: string): string {
  if (Token.isUnresolved(name) || !EXECUTION_ROLE_NAME.test(name) || name === DEFAULT_SELF_MANAGED_EXECUTION_ROLE) {
    throw validationError(scope, name === DEFAULT_SELF_MANAGED_EXECUTION_ROLE ? ValidationErrorCode.WEAKENS_BASELINE : tokenOr(name, ValidationErrorCode.INVALID_VALUE), 'executionRoleName', `is ${shown(name)}`,
      `give the literal name of the SelfManagedExecutionRole (1 to 64 of letters, digits and +=,.@_-), not ${DEFAULT_SELF_MANAGED_EXECUTION_ROLE}, which AWS's sample grants AdministratorAccess`);
  }
  return name;
}
