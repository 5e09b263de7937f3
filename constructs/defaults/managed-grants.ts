import { Names, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct, IConstruct } from 'constructs';
import { acknowledge } from './acknowledgments';

/** One permission a construct's `grant*` method hands out. */
export interface GrantedPermission {
  /** Exact actions: never a wildcard, so no `AwsSolutions-IAM5[Action::…]` finding. */
  readonly actions: string[];
  readonly resourceArns: string[];
  readonly conditions?: Record<string, Record<string, unknown>>;
  /** Where the grant goes when the grantee is no role of this account (a service or account principal): its resource policy. */
  readonly resource: iam.IResourceWithPolicy;
  /** The ARNs that stand for `resource` in its own policy (`['*']` in a key policy, which cannot name its own key). */
  readonly resourceSelfArns?: string[];
  /**
   * Why a wildcard in `resourceArns` is inherent (every object of one bucket,
   * every stream of one log group). The library acknowledges
   * `AwsSolutions-IAM5[Resource::…]` for exactly those ARNs with this reason.
   */
  readonly wildcardReason?: string;
}

/**
 * Grants `permissions` the way the anchor packs accept: for a role of this
 * account, in a customer-managed policy attached to it (never the role's
 * inline default policy: NIST AC-6, `NIST.800.53.R5-IAMNoInlinePolicy`),
 * one per role and granting construct, in the role's stack like CDK's own
 * grants (so no dependency cycle between stacks). Other principals get a
 * resource-policy grant as CDK makes it.
 */
export function grantInManagedPolicy(grantor: Construct, grantee: iam.IGrantable, permissions: readonly GrantedPermission[]): iam.Grant {
  const role = attachableRole(grantor, grantee);
  const grants = permissions.map((permission) => {
    const options = { actions: permission.actions, resourceArns: permission.resourceArns, conditions: permission.conditions };
    if (!role) return iam.Grant.addToPrincipalOrResource({ grantee, ...options, resource: permission.resource, resourceSelfArns: permission.resourceSelfArns });
    const policy = managedPolicyFor(grantor, role);
    if (permission.wildcardReason) acknowledgeWildcards(policy, permission.resourceArns, permission.wildcardReason);
    return iam.Grant.addToPrincipal({ grantee: { grantPrincipal: new ManagedPolicyPrincipal(role, policy) }, ...options });
  });
  return grants.reduce((all, grant) => all.combine(grant));
}

/** The grantee's role when a managed policy can be attached to it: a role (or a function's role) of this account. */
function attachableRole(grantor: Construct, grantee: iam.IGrantable): iam.IRole | undefined {
  const principal = grantee.grantPrincipal as Partial<iam.IRole>;
  if (typeof principal.roleName !== 'string' || typeof principal.addManagedPolicy !== 'function' || !('node' in principal)) return undefined;
  const roleAccount = principal.principalAccount;
  const ownAccount = Stack.of(grantor).account;
  const known = (account: string | undefined) => account !== undefined && !Token.isUnresolved(account);
  if (known(roleAccount) && known(ownAccount) && roleAccount !== ownAccount) return undefined;
  return principal as iam.IRole;
}

/** The managed policy that holds `grantor`'s grants to `role`, created on first use as a child of the role. */
function managedPolicyFor(grantor: Construct, role: iam.IRole): iam.ManagedPolicy {
  const id = `GrantsOf${Names.nodeUniqueId(grantor.node)}`;
  const existing = role.node.tryFindChild(id);
  if (existing instanceof iam.ManagedPolicy) return existing;
  return new iam.ManagedPolicy(role, id, {
    description: `Least-privilege grants of ${grantor.node.path} (cdk-election-baseline)`.slice(0, 1000),
    roles: [role],
  });
}

/**
 * Acknowledges the `AwsSolutions-IAM5[Resource::…]` findings of `arns` on the
 * policy. cdk-nag names each finding by the ARN as rendered in the policy's
 * template, which for a resource of another stack is known only once CDK has
 * resolved cross-stack references: the names are computed now where they can
 * be (same stack, so tests that validate an unsynthesized tree see them) and
 * again at synth, before the packs run.
 */
function acknowledgeWildcards(policy: iam.ManagedPolicy, arns: readonly string[], reason: string): void {
  let record = wildcards.get(policy);
  if (!record) {
    const made = new Set<string>();
    const pending: Array<{ arn: string; reason: string }> = [];
    const acknowledgeAll = () => {
      for (const { arn, reason: why } of pending) {
        const flat = flattenReference(Stack.of(policy).resolve(arn));
        const id = `AwsSolutions-IAM5[Resource::${flat}]`;
        if (!flat.includes('*') || made.has(id)) continue;
        made.add(id);
        acknowledge(policy, { id, reason: why });
      }
      return [];
    };
    record = { pending, acknowledgeAll };
    wildcards.set(policy, record);
    policy.node.addValidation({ validate: record.acknowledgeAll });
  }
  record.pending.push(...arns.map((arn) => ({ arn, reason })));
  record.acknowledgeAll();
}

/** Per managed policy: the wildcard ARNs to acknowledge, and the one pass (now, and again at synth) that does it. */
const wildcards = new WeakMap<IConstruct, { pending: Array<{ arn: string; reason: string }>; acknowledgeAll: () => string[] }>();

/** A resolved ARN as cdk-nag names it in a finding: `{ Fn::GetAtt: [B, Arn] }` → `<B.Arn>`, `${X}` → `<X>`. */
function flattenReference(value: unknown): string {
  if (typeof value === 'string') return value.replace(/\$\{/g, '<').replace(/\}/g, '>');
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const node = value as Record<string, unknown>;
  if (Array.isArray(node['Fn::Join'])) {
    const [delimiter, items] = node['Fn::Join'] as [string, unknown[]];
    return items.map(flattenReference).join(delimiter);
  }
  if ('Fn::Sub' in node) return flattenReference(node['Fn::Sub']);
  if (Array.isArray(node['Fn::GetAtt'])) {
    const [resource, attribute] = node['Fn::GetAtt'] as unknown[];
    return `<${flattenReference(resource)}.${flattenReference(attribute)}>`;
  }
  if ('Fn::ImportValue' in node) return flattenReference(node['Fn::ImportValue']);
  if ('Ref' in node) return `<${flattenReference(node.Ref)}>`;
  return JSON.stringify(node);
}

/** The role as a principal whose policy additions land in one managed policy. */
class ManagedPolicyPrincipal implements iam.IPrincipal {
  public readonly grantPrincipal: iam.IPrincipal = this;

  constructor(private readonly role: iam.IRole, private readonly policy: iam.ManagedPolicy) {}

  public get assumeRoleAction(): string {
    return this.role.assumeRoleAction;
  }

  public get policyFragment(): iam.PrincipalPolicyFragment {
    return this.role.policyFragment;
  }

  public get principalAccount(): string | undefined {
    return this.role.principalAccount;
  }

  public addToPolicy(statement: iam.PolicyStatement): boolean {
    return this.addToPrincipalPolicy(statement).statementAdded;
  }

  public addToPrincipalPolicy(statement: iam.PolicyStatement): iam.AddToPrincipalPolicyResult {
    this.policy.addStatements(statement);
    return { statementAdded: true, policyDependable: this.policy };
  }
}
