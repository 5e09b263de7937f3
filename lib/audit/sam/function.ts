import { isIntrinsic, isObject, JsonObject } from '../../baseline/intrinsics';
import { addExecutionRole, managedPolicyArn, RoleBasis } from './execution-role';
import { addEvents, EventTarget, SamApis } from './function-events';
import { pullEventPolicies } from './other-events';
import { hashedLogicalId, passThroughAttributes, s3Location, SamOutput, SamResource, tagList } from './output';

/** The tag SAM puts first on every function and its role. */
export const SAM_CREATED_BY = { Key: 'lambda:createdBy', Value: 'SAM' };

/** Tag keys SAM reserves, which a resource may not set. */
const RESERVED_TAGS = ['lambda:createdBy', 'serverlessrepo:applicationId', 'serverlessrepo:semanticVersion'];

/** Properties SAM copies to the `AWS::Lambda::Function` as written. */
const PASSED_THROUGH = [
  'FunctionName', 'Handler', 'Runtime', 'Description', 'MemorySize', 'Timeout', 'VpcConfig', 'Environment', 'KmsKeyArn',
  'ReservedConcurrentExecutions', 'Layers', 'FileSystemConfigs', 'ImageConfig', 'PackageType', 'Architectures', 'SnapStart',
  'EphemeralStorage', 'CodeSigningConfigArn', 'RuntimeManagementConfig', 'LoggingConfig', 'TenancyConfig', 'RecursiveLoop', 'DurableConfig',
];

/**
 * `AWS::Serverless::Function` as SAM expands it (`SamFunction.to_cloudformation`):
 *
 * - the `AWS::Lambda::Function` under the same logical id: the properties
 *   SAM passes through, `Code` from `CodeUri`/`InlineCode`/`ImageUri`,
 *   `TracingConfig` from `Tracing` (unless `Disabled`), `DeadLetterConfig`,
 *   `Tags` with `lambda:createdBy: SAM` first, and `Metadata`/`DependsOn`;
 * - without `Role`, the `<Id>Role` (see addExecutionRole) with
 *   AWSLambdaBasicExecutionRole, X-Ray and VPC access as SAM adds them;
 * - `AutoPublishAlias`: `<Id>Version<hash>` and `<Id>Alias<Name>`, which
 *   events and the URL then target;
 * - `FunctionUrlConfig`: `<Id>Url`, and for `AuthType: NONE` the public
 *   permissions `<Id>UrlPublicPermissions` and `<Id>URLInvokeAllowPublicAccess`;
 * - its events (see addEvents).
 *
 * `DeploymentPreference` (CodeDeploy traffic shifting) and `EventInvokeConfig`
 * are not expanded (noted): they add no setting the rules judge. Lambda
 * makes the function's log group itself at first run, so SAM writes none;
 * `LoggingConfig` passes through.
 */
export function expandFunction(out: SamOutput, fn: SamResource, apis: SamApis): void {
  const p = fn.properties;
  const tags = [SAM_CREATED_BY, ...tagList(checkedTags(out, fn))];
  const properties: JsonObject = Object.fromEntries(PASSED_THROUGH.map((name) => [name, p[name]]));
  properties.Code = code(out, fn);
  properties.Tags = tags;
  if (tracingOn(out, p.Tracing)) properties.TracingConfig = { Mode: p.Tracing };
  if (isObject(p.DeadLetterQueue)) properties.DeadLetterConfig = { TargetArn: p.DeadLetterQueue.TargetArn };
  if (p.Role !== undefined && typeof p.Role !== 'string' && !isIntrinsic(p.Role)) throw out.refuse(fn, 'Role must be an ARN (a string or an intrinsic)');
  const role = roleFor(out, fn);
  properties.Role = role.value;
  out.add(fn.id, fn.id, 'AWS::Lambda::Function', properties, passThroughAttributes(fn, true));
  if (role.make) addExecutionRole(out, fn, roleBasis(out, fn, tags, role.condition));

  const alias = addAlias(out, fn);
  const target: EventTarget = alias ? { ref: { Ref: alias }, arnVariable: `\${${alias}}` } : { ref: { Ref: fn.id }, arnVariable: `\${${fn.id}.Arn}` };
  if (p.ProvisionedConcurrencyConfig !== undefined && !alias) throw out.refuse(fn, 'ProvisionedConcurrencyConfig needs AutoPublishAlias');
  if (p.FunctionUrlConfig !== undefined) addFunctionUrl(out, fn, target);
  addEvents(out, fn, apis, target);
  if (p.DeploymentPreference !== undefined) out.notes.push(`${fn.id}: DeploymentPreference (CodeDeploy traffic shifting) is not expanded`);
  if (p.EventInvokeConfig !== undefined) out.notes.push(`${fn.id}: EventInvokeConfig is not expanded`);
}

/** Whether `Tracing` turns X-Ray on: set, and not `Disabled` once parameters are resolved. */
function tracingOn(out: SamOutput, tracing: unknown): boolean {
  return tracing !== undefined && tracing !== null && tracing !== '' && out.resolve(tracing) !== 'Disabled';
}

function checkedTags(out: SamOutput, fn: SamResource): unknown {
  const tags = fn.properties.Tags;
  for (const reserved of RESERVED_TAGS) {
    if (isObject(tags) && reserved in tags) throw out.refuse(fn, `Tags: ${reserved} is a tag key SAM reserves`);
  }
  return tags;
}

/** `Code` from `InlineCode`, `ImageUri`, or `CodeUri` (`s3://bucket/key?versionId=v` or `{ Bucket, Key, Version }`). */
function code(out: SamOutput, fn: SamResource): JsonObject {
  const { InlineCode: inline, ImageUri: image, CodeUri: uri } = fn.properties;
  if (inline !== undefined) return { ZipFile: inline };
  if (image !== undefined) return { ImageUri: image };
  // A local path `sam package` has not uploaded yet: the code is not judged, the function is.
  if (typeof uri === 'string' && !uri.startsWith('s3://')) out.notes.push(`${fn.id}: CodeUri ${uri} is a local path; judged as if \`sam package\` had uploaded it`);
  return s3Location(uri, 'S3Bucket') as JsonObject;
}

/**
 * The function's `Role`: the generated role's ARN when it gives none; as
 * written when it gives one; for `Fn::If` with an `AWS::NoValue` branch, the
 * generated role in that branch, made only under its condition (SAM's
 * `_make_lambda_role`; the else branch needs a `NOT<Condition>`).
 */
function roleFor(out: SamOutput, fn: SamResource): { value: unknown; make: boolean; condition?: string } {
  const generated = { 'Fn::GetAtt': [`${fn.id}Role`, 'Arn'] };
  const role = fn.properties.Role;
  if (role === undefined) return { value: generated, make: true };
  const branches = isObject(role) && Array.isArray(role['Fn::If']) && role['Fn::If'].length === 3 ? role['Fn::If'] as unknown[] : undefined;
  if (!branches || typeof branches[0] !== 'string') return { value: role, make: false };
  const [condition, whenTrue, whenFalse] = branches as [string, unknown, unknown];
  const noValue = (value: unknown) => isObject(value) && value.Ref === 'AWS::NoValue';
  if (noValue(whenTrue) && noValue(whenFalse)) return { value: generated, make: true };
  if (noValue(whenTrue)) return { value: { 'Fn::If': [condition, generated, whenFalse] }, make: true, condition };
  if (noValue(whenFalse)) {
    out.conditions[`NOT${condition}`] = { 'Fn::Not': [{ Condition: condition }] };
    return { value: { 'Fn::If': [condition, whenTrue, generated] }, make: true, condition: `NOT${condition}` };
  }
  return { value: role, make: false };
}

function roleBasis(out: SamOutput, fn: SamResource, tags: JsonObject[], condition: string | undefined): RoleBasis {
  const p = fn.properties;
  const managed: unknown[] = [managedPolicyArn(p.DurableConfig !== undefined ? 'AWSLambdaBasicDurableExecutionRolePolicy' : 'AWSLambdaBasicExecutionRole')];
  if (tracingOn(out, p.Tracing)) managed.push(managedPolicyArn('AWSXrayWriteOnlyAccess'));
  if (p.VpcConfig !== undefined) managed.push(managedPolicyArn('AWSLambdaVPCAccessExecutionRole'));
  managed.push(...pullEventPolicies(fn));
  const dlq = isObject(p.DeadLetterQueue) ? p.DeadLetterQueue : undefined;
  const dlqAction = dlq?.Type === 'SNS' ? 'sns:Publish' : 'sqs:SendMessage';
  return {
    trust: p.AssumeRolePolicyDocument ?? {
      Version: '2012-10-17',
      Statement: [{ Action: ['sts:AssumeRole'], Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com'] } }],
    },
    managedPolicyArns: managed,
    inlinePolicies: dlq ? [{
      PolicyName: `${fn.id}RolePolicy`,
      PolicyDocument: { Version: '2012-10-17', Statement: [{ Action: dlqAction, Resource: dlq.TargetArn, Effect: 'Allow' }] },
    }] : [],
    tags,
    ...(condition ? { condition } : {}),
  };
}

/**
 * `<Id>Version<hash>` (kept on delete, as SAM sets `DeletionPolicy: Retain`)
 * and `<Id>Alias<Name>` (`-` written `D`, `_` written `U`). The hash is of
 * the code, environment and memory, as SAM's; it only names the version.
 */
function addAlias(out: SamOutput, fn: SamResource): string | undefined {
  const written = fn.properties.AutoPublishAlias;
  if (written === undefined) return undefined;
  let name = out.resolve(written);
  if (isObject(name) && typeof name.Ref === 'string') {
    // A parameter without a default: only the deployment knows the name; the alias is judged under the parameter's.
    out.notes.push(`${fn.id}: AutoPublishAlias is parameter ${name.Ref}, which has no default; the alias is named after the parameter`);
    name = name.Ref;
  }
  if (typeof name !== 'string' || !/^(?!^[0-9]+$)[a-zA-Z0-9\-_]+$/.test(name)) {
    throw out.refuse(fn, `AutoPublishAlias ${JSON.stringify(name)}: an alias name is letters, digits, - and _, not only digits`);
  }
  const function_ = out.resources[fn.id].Properties as JsonObject;
  const hashed = { ...(function_.Code as JsonObject), ...(isObject(function_.Environment) ? function_.Environment : {}), ...(function_.MemorySize !== undefined ? { MemorySize: function_.MemorySize } : {}) };
  const version = hashedLogicalId(`${fn.id}Version`, hashed);
  const attributes = passThroughAttributes(fn);
  out.add(fn.id, version, 'AWS::Lambda::Version', { FunctionName: { Ref: fn.id }, Description: fn.properties.VersionDescription }, {
    ...attributes, DeletionPolicy: attributes.DeletionPolicy ?? fn.properties.VersionDeletionPolicy ?? 'Retain',
  });
  const alias = `${fn.id}Alias${name.replace(/-/g, 'D').replace(/_/g, 'U')}`;
  out.add(fn.id, alias, 'AWS::Lambda::Alias', {
    Name: name, FunctionName: { Ref: fn.id }, FunctionVersion: { 'Fn::GetAtt': [version, 'Version'] },
    ProvisionedConcurrencyConfig: fn.properties.ProvisionedConcurrencyConfig,
  }, attributes);
  return alias;
}

/** `<Id>Url`, and with `AuthType: NONE` the two permissions that make it public (SAM refuses any other AuthType but AWS_IAM). */
function addFunctionUrl(out: SamOutput, fn: SamResource, target: EventTarget): void {
  const config = fn.properties.FunctionUrlConfig;
  if (isIntrinsic(config)) {
    out.notes.push(`${fn.id}: FunctionUrlConfig is an intrinsic; its URL is not made`);
    return;
  }
  if (!isObject(config)) throw out.refuse(fn, 'FunctionUrlConfig must be an object');
  const authType = config.AuthType;
  if (!isIntrinsic(authType) && authType !== 'AWS_IAM' && authType !== 'NONE') {
    throw out.refuse(fn, `FunctionUrlConfig.AuthType is ${JSON.stringify(authType ?? null)}; SAM requires AWS_IAM or NONE`);
  }
  const attributes = passThroughAttributes(fn);
  out.add(fn.id, `${fn.id}Url`, 'AWS::Lambda::Url', { AuthType: authType, TargetFunctionArn: target.ref, Cors: config.Cors, InvokeMode: config.InvokeMode }, attributes);
  if (authType !== 'NONE') return;
  out.add(fn.id, `${fn.id}UrlPublicPermissions`, 'AWS::Lambda::Permission', {
    Action: 'lambda:InvokeFunctionUrl', FunctionName: target.ref, Principal: '*', FunctionUrlAuthType: 'NONE',
  }, attributes);
  out.add(fn.id, `${fn.id}URLInvokeAllowPublicAccess`, 'AWS::Lambda::Permission', {
    Action: 'lambda:InvokeFunction', FunctionName: target.ref, Principal: '*', InvokedViaFunctionUrl: true,
  }, attributes);
}
