import { Lazy } from 'aws-cdk-lib';
import * as cloudformation from 'aws-cdk-lib/aws-cloudformation';
import { Construct } from 'constructs';
import { checkedList, checkedRollout, overridesOf, templateAssetUrl, templateServices } from './defaults/stack-set-defaults';
import { CountyBaselineStack } from './county-baseline-stack';
import { CountyParameters, CountyRolloutOptions, StackSetCaller } from './stack-set-options';
import { StackSetExecutionGuardrail } from './stack-set-execution-guardrail';

/** Properties of a CountyStackSet. */
export interface CountyStackSetProps extends CountyRolloutOptions {
  /**
   * The organizational units holding the county accounts (`ou-...`, or the
   * root `r-...`). Every account in them gets the baseline, and so does any
   * account that joins them later (auto-deployment).
   */
  readonly organizationalUnitIds: string[];

  /**
   * Whether this stack is in the management account (SELF) or a StackSets
   * delegated administrator (DELEGATED_ADMIN).
   * @default StackSetCaller.SELF
   */
  readonly callAs?: StackSetCaller;

  /**
   * Create a service control policy on `organizationalUnitIds` that denies the
   * `stacksets-exec-*` role every service the template does not deploy; the
   * rule ElectionBaseline-StackSetExecutionRole finds it in the template.
   * SCPs are managed from the management account (or one the organization's
   * resource policy delegates them to). Turn it off only where the SCP lives
   * in another stack, and waive the finding naming it.
   * @default true (NIST AC-6: the execution role SERVICE_MANAGED imposes holds AdministratorAccess)
   */
  readonly executionGuardrail?: boolean;
}

const OU_ID = /^(ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}|r-[a-z0-9]{4,32})$/;

/**
 * Rolls the county baseline out to every county account of the state's AWS
 * Organization as a SERVICE_MANAGED CloudFormation stack set (aws-cdk-lib
 * `CfnStackSet`): auto-deployment on, so an account that joins a county OU
 * gets the baseline, with stacks retained when an account leaves (records and
 * logs must survive it; 52 U.S.C. 20701); all Regions in parallel, 25% of
 * accounts at a time, stop at 10% failed; per-county parameter overrides; and
 * by default a StackSetExecutionGuardrail SCP on the OUs.
 */
export class CountyStackSet extends Construct {
  /** The stack set. */
  public readonly stackSet: cloudformation.CfnStackSet;
  /** The SCP narrowing the execution role, when `executionGuardrail` is on. */
  public readonly guardrail?: StackSetExecutionGuardrail;
  /** The IAM services the county template deploys, with CloudFormation and SNS. */
  public readonly services: string[];
  /** The county template. */
  public readonly template: CountyBaselineStack;
  /** The counties with parameter overrides. */
  public readonly counties: CountyParameters[];

  constructor(scope: Construct, id: string, props: CountyStackSetProps) {
    super(scope, id);
    const rollout = checkedRollout(this, props);
    const ous = checkedList(this, 'organizationalUnitIds', props.organizationalUnitIds, OU_ID, "OU ids ('ou-' ...) or the root id ('r-' ...)");
    this.template = props.template;
    this.counties = rollout.counties;
    this.services = templateServices(this.template);

    let templateUrl: string | undefined;
    this.stackSet = new cloudformation.CfnStackSet(this, 'StackSet', {
      stackSetName: rollout.name,
      description: `Election county baseline (cdk-election-baseline), from ${this.template.node.path}`,
      permissionModel: 'SERVICE_MANAGED',
      autoDeployment: { enabled: true, retainStacksOnAccountRemoval: true },
      callAs: props.callAs ?? StackSetCaller.SELF,
      capabilities: ['CAPABILITY_IAM'],
      // Queues operations instead of failing one that overlaps another (an account moving OU during a rollout).
      managedExecution: { Active: true },
      operationPreferences: rollout.operationPreferences,
      parameters: rollout.parameters,
      // Resolved at synth, once the county tree is final; the asset is added once.
      templateUrl: Lazy.string({ produce: () => (templateUrl ??= templateAssetUrl(this, this.template)) }),
      stackInstancesGroup: instanceGroups(ous, rollout.regions, rollout.counties),
    });

    // ElectionBaseline-StackSetExecutionRole passes on this SCP itself, read from the template: no waiver to outlive it.
    if (props.executionGuardrail ?? true) {
      this.guardrail = new StackSetExecutionGuardrail(this, 'ExecutionGuardrail', { targetIds: ous, services: this.services });
    }
  }
}

/** One group for the OUs minus the counties with overrides, and one per such county (the OUs intersected with its account). */
function instanceGroups(ous: string[], regions: string[], counties: readonly CountyParameters[]): cloudformation.CfnStackSet.StackInstancesProperty[] {
  const accounts = counties.map((c) => c.accountId);
  const rest: cloudformation.CfnStackSet.StackInstancesProperty = {
    regions,
    deploymentTargets: accounts.length > 0 ? { organizationalUnitIds: ous, accounts, accountFilterType: 'DIFFERENCE' } : { organizationalUnitIds: ous },
  };
  return [rest, ...counties.map((county) => ({
    regions,
    deploymentTargets: { organizationalUnitIds: ous, accounts: [county.accountId], accountFilterType: 'INTERSECTION' },
    parameterOverrides: overridesOf(county),
  }))];
}
