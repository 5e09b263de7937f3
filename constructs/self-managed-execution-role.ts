import { Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { ACCOUNT_ID } from '../lib/baseline/account-id';
import { SERVICE_PREFIX } from '../lib/baseline/aws-names';
import { DEFAULT_SELF_MANAGED_EXECUTION_ROLE } from '../lib/baseline/stack-sets';
import { ValidationErrorCode } from '../lib/validation-error';
import { acknowledge } from './defaults/acknowledgments';
import { DEFAULT_STACK_SET_NAME } from './defaults/stack-set-defaults';
import { shown, tokenOr, validationError } from './defaults/validate';

/** Properties of a SelfManagedExecutionRole. */
export interface SelfManagedExecutionRoleProps {
  /** The state's account that runs the SelfManagedCountyStackSet (12 digits): only its administration role may assume this role. */
  readonly administrationAccountId: string;

  /**
   * The name of the state's administration role (the SelfManagedCountyStackSet's `administrationRole.roleName`).
   */
  readonly administrationRoleName: string;

  /**
   * The IAM services the county template deploys (`CountyStackSet.services`,
   * or `templateServices` of the CountyBaselineStack): the role may call these only.
   */
  readonly services: string[];

  /**
   * This role's name; the stack set's `executionRoleName`.
   * @default 'election-baseline-stackset-execution'
   */
  readonly roleName?: string;

  /**
   * The stack set's name: IAM changes are limited to roles and policies of its stack instances (`StackSet-<name>-*`).
   * @default 'election-county-baseline'
   */
  readonly stackSetName?: string;
}

export const DEFAULT_EXECUTION_ROLE_NAME = 'election-baseline-stackset-execution';
export const EXECUTION_ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/**
 * The execution role of a SELF_MANAGED stack set, deployed in a county
 * account outside the organization (by its vendor, before the first
 * rollout): trusted only by the state's administration role, allowed only
 * the services the county baseline deploys, and S3 and IAM only on the
 * buckets, roles and policies of the stack set's own stacks (`stackset-*`,
 * `StackSet-<name>-*`): it cannot touch the account's other buckets. It replaces AWS's sample execution
 * role with AdministratorAccess (NIST AC-6, SA-9). Its whole-service grants
 * are acknowledged for ElectionBaseline-IamNoAdminAccess with that reason.
 */
export class SelfManagedExecutionRole extends Construct {
  /** The role. */
  public readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: SelfManagedExecutionRoleProps) {
    super(scope, id);
    const roleName = props.roleName ?? DEFAULT_EXECUTION_ROLE_NAME;
    const fail = (prop: string, value: unknown, allowed: string, code = tokenOr(value, ValidationErrorCode.INVALID_VALUE)): never => {
      throw validationError(this, code, prop, `is ${shown(value)}`, allowed);
    };
    if (Token.isUnresolved(props.administrationAccountId) || !ACCOUNT_ID.test(props.administrationAccountId)) fail('administrationAccountId', props.administrationAccountId, 'give the literal 12-digit account id');
    if (Token.isUnresolved(props.administrationRoleName) || !EXECUTION_ROLE_NAME.test(props.administrationRoleName)) fail('administrationRoleName', props.administrationRoleName, 'give the literal role name');
    if (Token.isUnresolved(roleName) || !EXECUTION_ROLE_NAME.test(roleName) || roleName === DEFAULT_SELF_MANAGED_EXECUTION_ROLE) {
      fail('roleName', roleName, `give 1 to 64 of letters, digits and +=,.@_-, not ${DEFAULT_SELF_MANAGED_EXECUTION_ROLE}`,
        roleName === DEFAULT_SELF_MANAGED_EXECUTION_ROLE ? ValidationErrorCode.WEAKENS_BASELINE : tokenOr(roleName, ValidationErrorCode.INVALID_VALUE));
    }
    const bad = props.services.find((s) => !SERVICE_PREFIX.test(s));
    if (props.services.length === 0 || bad !== undefined) fail('services', bad ?? '[]', 'give IAM service prefixes such as s3, kms, cloudtrail', bad === undefined ? ValidationErrorCode.MISSING_VALUE : ValidationErrorCode.INVALID_VALUE);
    const stackSetName = props.stackSetName ?? DEFAULT_STACK_SET_NAME;
    const stack = Stack.of(this);
    const partition = stack.partition;
    // cdk-nag names each wildcard finding by the ARN as rendered, pseudo parameters as <AWS::...>.
    const shownPartition = Token.isUnresolved(partition) ? '<AWS::Partition>' : partition;
    const shownAccount = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;

    this.role = new iam.Role(this, 'Role', {
      roleName,
      assumedBy: new iam.ArnPrincipal(`arn:${partition}:iam::${props.administrationAccountId}:role/${props.administrationRoleName}`),
      description: 'CloudFormation StackSets execution role for the election county baseline: only the services it deploys',
    });
    const services = [...new Set(props.services)].filter((s) => s !== 'iam' && s !== 's3').sort();
    const ownStacks = `StackSet-${stackSetName}-*`;
    // CloudFormation names a stack instance's buckets after its stack, StackSet-<name>-<id>, lower-cased and shortened.
    const ownBuckets = `arn:${partition}:s3:::stackset-*`;
    const policy = new iam.ManagedPolicy(this, 'Policy', {
      description: `What the county baseline (stack set ${stackSetName}) deploys, nothing more`,
      roles: [this.role],
      statements: [
        new iam.PolicyStatement({ sid: 'BaselineServices', actions: services.map((s) => `${s}:*`), resources: ['*'] }),
        new iam.PolicyStatement({ sid: 'OwnStacksBuckets', actions: ['s3:*'], resources: [ownBuckets, `${ownBuckets}/*`] }),
        new iam.PolicyStatement({
          sid: 'OwnStacksIdentities',
          actions: ['iam:*'],
          resources: [`arn:${partition}:iam::${stack.account}:role/${ownStacks}`, `arn:${partition}:iam::${stack.account}:policy/${ownStacks}`],
        }),
      ],
    });
    const reason = `StackSets execution role: CloudFormation deploys the county baseline as it, so it holds whole services (${services.join(', ')}) ` +
      `and S3 and IAM only on its own stacks' buckets, roles and policies; only the state's administration role in ${props.administrationAccountId} may assume it.`;
    const wildcardResources = ['*', `arn:${shownPartition}:s3:::stackset-*`, `arn:${shownPartition}:s3:::stackset-*/*`,
      `arn:${shownPartition}:iam::${shownAccount}:role/${ownStacks}`, `arn:${shownPartition}:iam::${shownAccount}:policy/${ownStacks}`];
    acknowledge(policy,
      { id: 'ElectionBaseline-IamNoAdminAccess', reason },
      { id: 'NIST.800.53.R5-IAMPolicyNoStatementsWithFullAccess', reason },
      ...[...services, 's3', 'iam'].map((service) => ({ id: `AwsSolutions-IAM5[Action::${service}:*]`, reason })),
      ...wildcardResources.map((arn) => ({ id: `AwsSolutions-IAM5[Resource::${arn}]`, reason })));
  }
}
