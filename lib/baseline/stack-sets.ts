/**
 * CloudFormation StackSets facts that the statewide constructs and the
 * stack-set rules both rely on, in one place.
 */

/** The execution role a SELF_MANAGED stack set assumes when ExecutionRoleName is not given; AWS's sample grants it AdministratorAccess. */
export const DEFAULT_SELF_MANAGED_EXECUTION_ROLE = 'AWSCloudFormationStackSetExecutionRole';

/** The administration role a SELF_MANAGED stack set uses when AdministrationRoleARN is not given. */
export const DEFAULT_SELF_MANAGED_ADMINISTRATION_ROLE = 'AWSCloudFormationStackSetAdministrationRole';

/**
 * The role name pattern of the execution role CloudFormation creates in each
 * target account of a SERVICE_MANAGED stack set. It holds AdministratorAccess
 * and cannot be replaced: SERVICE_MANAGED takes no ExecutionRoleName.
 */
export const SERVICE_MANAGED_EXECUTION_ROLE_PATTERN = 'stacksets-exec-*';

/** The condition that singles out the execution role of a SERVICE_MANAGED stack set in every account. */
export const SERVICE_MANAGED_EXECUTION_ROLE_ARN = `arn:*:iam::*:role/${SERVICE_MANAGED_EXECUTION_ROLE_PATTERN}`;

/**
 * The organization targets (OUs, root) of a service control policy, as a
 * template carries its properties, when it is an execution guardrail: one
 * statement denies every action outside a list of whole services (NotAction
 * `<service>:*`, never `*`) on every resource to principals matching
 * `SERVICE_MANAGED_EXECUTION_ROLE_ARN`, with no other condition. Undefined
 * for any other policy, or one the template does not spell out.
 */
export function executionGuardrailTargets(properties: Record<string, unknown>): string[] | undefined {
  if (properties.Type !== 'SERVICE_CONTROL_POLICY') return undefined;
  const content = typeof properties.Content === 'string' ? parsed(properties.Content) : properties.Content;
  const statements = asArray(isRecord(content) ? content.Statement : undefined);
  if (!statements.some(isGuardStatement)) return undefined;
  const targets = asArray(properties.TargetIds);
  return targets.every((t) => typeof t === 'string') ? (targets as string[]) : undefined;
}

function isGuardStatement(statement: unknown): boolean {
  if (!isRecord(statement) || statement.Effect !== 'Deny' || statement.Action !== undefined || statement.Resource !== '*') return false;
  const kept = asArray(statement.NotAction);
  if (kept.length === 0 || !kept.every((a) => typeof a === 'string' && /^[a-z0-9-]+:\*$/.test(a))) return false;
  const condition = statement.Condition;
  if (!isRecord(condition) || Object.keys(condition).length !== 1 || !isRecord(condition.ArnLike)) return false;
  const arnLike = condition.ArnLike;
  return Object.keys(arnLike).length === 1 && arnLike['aws:PrincipalArn'] === SERVICE_MANAGED_EXECUTION_ROLE_ARN;
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/**
 * Operation preferences for rolling a baseline out to up to 250 county
 * accounts: every Region at once, a quarter of the accounts at a time (four
 * waves), and a stop once a tenth have failed in a Region. SOFT failure
 * tolerance keeps the concurrency at 25% instead of throttling it to the
 * failure tolerance plus one, as STRICT does.
 */
export const DEFAULT_MAX_CONCURRENT_PERCENTAGE = 25;

/** The share of accounts whose failure stops the rollout in a Region (see DEFAULT_MAX_CONCURRENT_PERCENTAGE). House policy. */
export const DEFAULT_FAILURE_TOLERANCE_PERCENTAGE = 10;

/** IAM service prefixes whose CloudFormation namespace is not simply the lower-cased service name. */
const IAM_PREFIX_EXCEPTIONS: Record<string, string> = {
  ElasticLoadBalancingV2: 'elasticloadbalancing',
  CertificateManager: 'acm',
  Cognito: 'cognito-idp',
  ApiGateway: 'apigateway',
  CloudFront: 'cloudfront',
  WAFv2: 'wafv2',
  DynamoDB: 'dynamodb',
  SecretsManager: 'secretsmanager',
};

/**
 * The IAM service prefix that deploys a CloudFormation type (`AWS::S3::Bucket`
 * is `s3`); undefined for a type that is not `AWS::<Service>::<Resource>`.
 */
export function iamServiceOf(resourceType: string): string | undefined {
  const match = /^AWS::([A-Za-z0-9]+)::[A-Za-z0-9]+$/.exec(resourceType);
  if (!match || match[1] === 'CDK') return undefined;
  return IAM_PREFIX_EXCEPTIONS[match[1]] ?? match[1].toLowerCase();
}

/** Services an execution role always needs besides the template's own: the stack itself, and its SNS notifications. */
export const EXECUTION_BASE_SERVICES: readonly string[] = ['cloudformation', 'sns'];
