import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/**
 * A role whose added statements (`addToPolicy`, `addToPrincipalPolicy`, and so
 * every `grant*` of another construct) land in a customer-managed policy that
 * the owner chooses, never in an inline default policy: managed policies are
 * versioned, reviewable on their own and reusable (NIST AC-6;
 * NIST.800.53.R5-IAMNoInlinePolicy).
 */
export class ManagedPolicyRole extends iam.Role {
  private target: () => iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: iam.RoleProps, target: () => iam.ManagedPolicy) {
    super(scope, id, props);
    this.target = target;
  }

  /** Sends the statements added from now on to another managed policy. */
  public sendStatementsTo(target: () => iam.ManagedPolicy): void {
    this.target = target;
  }

  public override addToPrincipalPolicy(statement: iam.PolicyStatement): iam.AddToPrincipalPolicyResult {
    const policy = this.target();
    policy.addStatements(statement);
    return { statementAdded: true, policyDependable: policy };
  }
}
