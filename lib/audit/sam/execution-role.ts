import { isIntrinsic, isObject, JsonObject } from '../../baseline/intrinsics';
import { awsManagedPolicyArn, passThroughAttributes, SamOutput, SamResource } from './output';
import { isPolicyTemplate, policyTemplateDocument } from './policy-templates';

/** What a generated execution role starts from, before the resource's `Policies`. */
export interface RoleBasis {
  /** The trust policy (`AssumeRolePolicyDocument`). */
  readonly trust: unknown;
  /** The AWS managed policies SAM attaches itself (basic execution, X-Ray, VPC access). */
  readonly managedPolicyArns: readonly unknown[];
  /** Inline policies SAM adds itself (a dead-letter queue's send permission). */
  readonly inlinePolicies?: readonly JsonObject[];
  /** The role's tags. */
  readonly tags: readonly JsonObject[];
  /** The condition the role is made under, when the resource's `Role` is an `Fn::If` with an `AWS::NoValue` branch. @default the resource's own */
  readonly condition?: string;
}

/**
 * AWS managed policies that live under a path: SAM looks every name up in
 * its bundled map of AWS managed policies; names not here are written
 * `arn:aws:iam::aws:policy/<name>`, which names the same policy for a judge.
 */
const SERVICE_ROLE_POLICIES = new Set([
  'AWSLambdaBasicExecutionRole', 'AWSLambdaVPCAccessExecutionRole', 'AWSLambdaDynamoDBExecutionRole', 'AWSLambdaKinesisExecutionRole',
  'AWSLambdaSQSQueueExecutionRole', 'AWSLambdaRole', 'AWSLambdaMSKExecutionRole', 'AWSLambdaENIManagementAccess',
  'AWSLambdaBasicDurableExecutionRolePolicy',
]);

/** The AWS managed policy ARN SAM writes for a name in `Policies` (an ARN is kept as written). */
export function managedPolicyArn(name: string): string {
  if (name.startsWith('arn:')) return name;
  return awsManagedPolicyArn(SERVICE_ROLE_POLICIES.has(name) ? `service-role/${name}` : name);
}

/**
 * The `<Id>Role` SAM generates for a function or state machine without a
 * `Role` (`construct_role_for_resource`): the basis, then each `Policies`
 * entry in order. A name or intrinsic is a managed policy (deduplicated); an
 * object with `Statement` is an inline policy `<Id>RolePolicy<index>`; a
 * policy template becomes the inline statements it grants (see
 * policy-templates.ts; a template SAM knows that is not expanded there adds
 * no statement and a note); `Fn::If` converts each branch. Anything else SAM
 * refuses.
 */
export function addExecutionRole(out: SamOutput, resource: SamResource, basis: RoleBasis): string {
  const roleId = `${resource.id}Role`;
  const managed: unknown[] = [...basis.managedPolicyArns];
  const inline: unknown[] = [...(basis.inlinePolicies ?? [])];
  policyEntries(resource.properties.Policies).forEach((entry, index) => {
    const converted = convertPolicy(out, resource, entry, index, `${roleId}Policy${index}`);
    if (converted.kind === 'inline') inline.push(converted.value);
    else if (converted.kind === 'managed' && !managed.some((arn) => JSON.stringify(arn) === JSON.stringify(converted.value))) managed.push(converted.value);
  });
  out.add(resource.id, roleId, 'AWS::IAM::Role', {
    AssumeRolePolicyDocument: basis.trust,
    ManagedPolicyArns: managed,
    Policies: inline.length > 0 ? inline : undefined,
    Path: resource.properties.RolePath,
    PermissionsBoundary: resource.properties.PermissionsBoundary,
    Tags: basis.tags.length > 0 ? [...basis.tags] : undefined,
  }, { ...passThroughAttributes(resource), ...(basis.condition ? { Condition: basis.condition } : {}) });
  return roleId;
}

function policyEntries(policies: unknown): unknown[] {
  if (policies === undefined || policies === null) return [];
  return Array.isArray(policies) ? policies : [policies];
}

type Converted = { kind: 'managed' | 'inline'; value: unknown } | { kind: 'none' };

function convertPolicy(out: SamOutput, resource: SamResource, entry: unknown, index: number, name: string): Converted {
  if (typeof entry === 'string') return { kind: 'managed', value: managedPolicyArn(entry) };
  if (isObject(entry) && Array.isArray(entry['Fn::If']) && entry['Fn::If'].length === 3) {
    const [condition, ...branches] = entry['Fn::If'] as unknown[];
    const converted = branches.map((branch) => (isNoValue(branch) ? undefined : convertPolicy(out, resource, branch, index, name)));
    const kinds = [...new Set(converted.flatMap((c) => (c === undefined || c.kind === 'none' ? [] : [c.kind])))];
    if (kinds.length > 1) throw out.refuse(resource, `Policies[${index}]: Fn::If mixes policy types (managed, statement, template) in its branches`);
    if (kinds.length === 0) return { kind: 'none' };
    // A branch that is a template not expanded here grants nothing the role is judged on.
    const values = converted.map((c, i) => (c === undefined ? branches[i] : c.kind === 'none' ? { Ref: 'AWS::NoValue' } : c.value));
    return { kind: kinds[0], value: { 'Fn::If': [condition, ...values] } };
  }
  if (isIntrinsic(entry)) return { kind: 'managed', value: entry };
  if (isObject(entry) && 'Statement' in entry) return { kind: 'inline', value: { PolicyName: name, PolicyDocument: entry } };
  const keys = isObject(entry) ? Object.keys(entry) : [];
  if (isObject(entry) && keys.length === 1 && isPolicyTemplate(keys[0])) {
    const values = entry[keys[0]];
    if (!isObject(values)) throw out.refuse(resource, `Policies[${index}]: the ${keys[0]} policy template takes an object of parameters`);
    const { document, missing } = policyTemplateDocument(keys[0], values);
    if (missing) throw out.refuse(resource, `Policies[${index}]: the ${keys[0]} policy template needs its ${missing} parameter`);
    if (document) return { kind: 'inline', value: { PolicyName: name, PolicyDocument: document } };
    out.notes.push(`${resource.id}: policy template ${keys[0]} is not expanded; ${resource.id}Role is judged without it`);
    return { kind: 'none' };
  }
  throw out.refuse(resource, `Policies[${index}] is not valid: give a managed policy name or ARN, a policy document with Statement, or a SAM policy template`);
}

function isNoValue(value: unknown): boolean {
  return isObject(value) && value.Ref === 'AWS::NoValue';
}
