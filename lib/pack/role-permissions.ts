import { AttachmentKind, attachedUnder } from './attachments';
import { grants, managedPolicyArns, permissionStatements } from './iam-documents';
import { asList, isObject, JsonObject } from '../baseline/intrinsics';
import { renderSymbolic } from '../baseline/symbolic-text';
import { referencedResourceOfType, referredLogicalIds } from './references';
import { StackTemplate, TemplateResource, UNRESOLVED } from './template-model';

/**
 * Everything a role of the template is allowed: its inline policies, the policies
 * (`AWS::IAM::Policy`, `AWS::IAM::ManagedPolicy`, `AWS::IAM::RolePolicy`) that name it,
 * and the customer-managed policies of the template in its `ManagedPolicyArns`.
 */
export interface RolePermissions {
  /** The Allow statements. */
  readonly statements: readonly JsonObject[];
  /**
   * Whether the role also holds a managed policy the template does not carry (an AWS managed
   * policy other than the known write-only execution policies, or a parameter): it may allow anything.
   */
  readonly opaque: boolean;
}

/**
 * AWS managed policies that let a function write logs and traces, reach its network or read
 * its event source, and read no table or bucket: holding one does not make a role opaque.
 */
const KNOWN_EXECUTION_POLICIES = new Set([
  'AWSLambdaBasicExecutionRole',
  'AWSLambdaVPCAccessExecutionRole',
  'AWSLambdaSQSQueueExecutionRole',
  'AWSXRayDaemonWriteAccess',
  'AWSXrayWriteOnlyAccess',
  'CloudWatchLambdaInsightsExecutionRolePolicy',
  'AmazonAPIGatewayPushToCloudWatchLogs',
]);

const ATTACHING_TYPES: Record<string, string> = {
  'AWS::IAM::Policy': 'Roles',
  'AWS::IAM::ManagedPolicy': 'Roles',
  'AWS::IAM::RolePolicy': 'RoleName',
};

/** Policies of the template, under each role their role field refers to (in `ATTACHING_TYPES` order). */
const ROLE_POLICIES: AttachmentKind = {
  types: Object.keys(ATTACHING_TYPES),
  keys: (policy) => [...referredLogicalIds(policy.properties[ATTACHING_TYPES[policy.type]])],
};

/** The permissions of the role with this logical id, or UNRESOLVED when a document it carries cannot be read. */
export function rolePermissions(roleId: string, template: StackTemplate): RolePermissions | typeof UNRESOLVED {
  const role = template.get(roleId);
  if (role === undefined) return UNRESOLVED;
  const holders: TemplateResource[] = [role, ...attachedUnder(template, ROLE_POLICIES, roleId)];
  const arns = managedPolicyArns(role);
  if (arns === UNRESOLVED) return UNRESOLVED;
  let opaque = false;
  for (const arn of arns) {
    const id = referencedResourceOfType(arn, 'AWS::IAM::ManagedPolicy', template);
    if (id !== undefined) holders.push(template.get(id)!);
    else if (!isKnownExecutionPolicy(arn, template)) opaque = true;
  }
  const statements: JsonObject[] = [];
  for (const holder of new Set(holders)) {
    const list = permissionStatements(holder);
    if (list === UNRESOLVED) return UNRESOLVED;
    statements.push(...list.filter(grants));
  }
  return { statements, opaque };
}

/** `arn:<partition>:iam::aws:policy/[service-role/]<Name>` with a name of KNOWN_EXECUTION_POLICIES. */
function isKnownExecutionPolicy(arn: unknown, template: StackTemplate): boolean {
  const rendered = isObject(arn) || typeof arn === 'string' ? renderSymbolic(arn, template) : undefined;
  const text = rendered?.replace(/<AWS::Partition>/g, 'aws');
  const match = text === undefined ? null : /^arn:[^:]+:iam::aws:policy\/(?:service-role\/)?([A-Za-z0-9+=,.@_-]+)$/.exec(text);
  return match !== null && KNOWN_EXECUTION_POLICIES.has(match[1]);
}

/** The values of a statement's `Resource`, or undefined when it uses `NotResource` (everything but a list). */
export function statementResources(statement: JsonObject): unknown[] | undefined {
  return statement.NotResource !== undefined ? undefined : asList(statement.Resource);
}
