import * as organizations from 'aws-cdk-lib/aws-organizations';
import { Construct } from 'constructs';
import { SERVICE_PREFIX } from '../lib/baseline/aws-names';
import { executionGuardrailTargets, SERVICE_MANAGED_EXECUTION_ROLE_ARN } from '../lib/baseline/stack-sets';
import { ValidationErrorCode } from '../lib/validation-error';
import { validationError } from './defaults/validate';

/** Properties of a StackSetExecutionGuardrail. */
export interface StackSetExecutionGuardrailProps {
  /**
   * The organizational units (or root, `r-...`) whose accounts the stack set
   * deploys to: the policy is attached to them.
   */
  readonly targetIds: string[];

  /**
   * The IAM service prefixes the baseline deploys (`s3`, `kms`, ...): the
   * only services the stack-set execution role may call. CountyStackSet
   * passes the services of the county template's resource types.
   */
  readonly services: string[];
}

/** An SCP document is at most 5,120 characters. */
const MAX_SCP_LENGTH = 5120;

/**
 * A service control policy on the counties' OUs that denies the
 * `stacksets-exec-*` role every action outside the services the baseline
 * deploys. A SERVICE_MANAGED stack set always runs as that role, which
 * CloudFormation creates in each account with AdministratorAccess and which
 * cannot be replaced; an SCP is what narrows it (NIST AC-6; a stolen state
 * credential that can update the stack set then reaches only these services).
 * Deploy it from the management account (or an account the organization's
 * resource policy delegates policy management to).
 */
export class StackSetExecutionGuardrail extends Construct {
  /** The service control policy. */
  public readonly policy: organizations.CfnPolicy;
  /** The services the execution role keeps. */
  public readonly services: string[];

  constructor(scope: Construct, id: string, props: StackSetExecutionGuardrailProps) {
    super(scope, id);
    this.services = checkedServices(this, props.services);
    if (props.targetIds.length === 0) {
      throw validationError(this, ValidationErrorCode.MISSING_VALUE, 'targetIds', 'is empty', 'name the organizational units the stack set deploys to');
    }
    const content = {
      Version: '2012-10-17',
      Statement: [{
        Sid: 'StackSetExecutionOnlyBaselineServices',
        Effect: 'Deny',
        NotAction: this.services.map((service) => `${service}:*`),
        Resource: '*',
        Condition: { ArnLike: { 'aws:PrincipalArn': SERVICE_MANAGED_EXECUTION_ROLE_ARN } },
      }],
    };
    if (JSON.stringify(content).length > MAX_SCP_LENGTH) {
      throw validationError(this, ValidationErrorCode.ABOVE_SERVICE_LIMIT, 'services', `lists ${this.services.length} services`, `the policy must fit in ${MAX_SCP_LENGTH} characters`);
    }
    const properties = { Type: 'SERVICE_CONTROL_POLICY', Content: content, TargetIds: props.targetIds };
    // The rule ElectionBaseline-StackSetExecutionRole recognizes the guard by this same predicate.
    if (executionGuardrailTargets(properties) === undefined) {
      throw validationError(this, ValidationErrorCode.TOKEN_NOT_ALLOWED, 'targetIds', 'contains a token', 'give literal OU or root ids');
    }
    this.policy = new organizations.CfnPolicy(this, 'Policy', {
      name: 'election-baseline-stackset-execution',
      description: 'Limits the StackSets execution role (stacksets-exec-*) to the services the county baseline deploys',
      type: 'SERVICE_CONTROL_POLICY',
      content,
      targetIds: props.targetIds,
    });
  }
}

function checkedServices(scope: Construct, services: string[]): string[] {
  const bad = services.find((s) => !SERVICE_PREFIX.test(s));
  if (services.length === 0 || bad !== undefined) {
    throw validationError(scope, bad === undefined ? ValidationErrorCode.MISSING_VALUE : ValidationErrorCode.INVALID_VALUE, 'services', bad === undefined ? 'is empty' : `contains '${bad}'`,
      'give IAM service prefixes such as s3, kms, cloudtrail');
  }
  return [...new Set(services)].sort();
}
