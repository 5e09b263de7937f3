import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { KEY_ALIAS_CONDITION_KEY, KEY_ALIAS_OPERATOR } from '../../baseline/key-alias-grant';
import { ElectionRule } from '../../pack/election-rule';
import { asList, isObject, JsonObject } from '../../baseline/intrinsics';
import { isAliasName } from '../../pack/kms-key';
import { allowsAnyAction } from '../../pack/policy-document';
import { renderSymbolic } from '../../baseline/symbolic-text';
import { StackTemplate, TemplateResource, UNRESOLVED } from '../../pack/template-model';
import { grants, managedPolicyArns, permissionStatements } from '../../pack/iam-documents';

/** No role, user, group or policy of the template holds administrator-grade permissions. */
export const IamNoAdminAccess: ElectionRule = {
  name: 'IamNoAdminAccess',
  level: NagMessageLevel.ERROR,
  info:
    'The IAM identity or policy grants administrator-grade access: "*" or a whole service ("dynamodb:*"), NotAction, ' +
    'an AWS managed admin or FullAccess policy, or privilege-escalation, data or audit-tampering actions on every resource.',
  explanation:
    'One stolen credential with administrator-grade rights hands an intruder every voter record, key and audit trail ' +
    '(Illinois 2016, county ransomware). Waive it only for a break-glass role a person assumes with MFA, naming who.',
  controls: ['NIST-800-53-r5:AC-6', 'NIST-800-53-r5:AC-6(9)', 'NIST-800-53-r5:AC-3', 'NIST-800-53-r5:AC-2', 'CISA-CPG:2.E', 'CIS-v8:5.4', 'CIS-v8:6.8'],
  resourceTypes: ['AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::User', 'AWS::IAM::Group'],
  waivable: true,
  faultPath: adminAccessFaultPath,
  check: iamNoAdminAccess,
};

/**
 * Actions that must never be granted on every resource: privilege
 * escalation, access to election data, and tampering with records, keys
 * and the monitoring that would see it. Matched against the statement's
 * patterns, so `iam:Put*` or `s3:Get*` on "*" fail too.
 */
const SENSITIVE_ON_EVERY_RESOURCE = [
  // Privilege escalation: make or hand over a more powerful identity.
  'iam:PassRole', 'iam:CreateRole', 'iam:CreateUser', 'iam:CreateAccessKey', 'iam:CreateLoginProfile', 'iam:UpdateLoginProfile',
  'iam:AttachRolePolicy', 'iam:AttachUserPolicy', 'iam:AttachGroupPolicy', 'iam:PutRolePolicy', 'iam:PutUserPolicy',
  'iam:PutGroupPolicy', 'iam:CreatePolicyVersion', 'iam:SetDefaultPolicyVersion', 'iam:UpdateAssumeRolePolicy',
  'iam:AddUserToGroup', 'iam:DeleteRolePermissionsBoundary', 'sts:AssumeRole',
  'lambda:CreateFunction', 'lambda:UpdateFunctionCode', 'lambda:UpdateFunctionConfiguration', 'lambda:AddPermission', 'lambda:InvokeFunction',
  // Election data: voter tables, record objects, the keys and secrets that open them.
  'dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:PutItem', 'dynamodb:BatchWriteItem',
  'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:PartiQLSelect', 'dynamodb:ExportTableToPointInTime',
  'dynamodb:DeleteTable', 'dynamodb:UpdateTable', 'dynamodb:PutResourcePolicy',
  's3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:DeleteObjectVersion', 's3:DeleteBucket',
  'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:CreateGrant', 'secretsmanager:GetSecretValue',
  'ssm:GetParameter', 'ssm:GetParameters', 'ssm:GetParametersByPath',
  // Records protection and monitoring: what an intruder turns off before encrypting or deleting.
  's3:PutBucketPolicy', 's3:DeleteBucketPolicy', 's3:PutLifecycleConfiguration', 's3:PutBucketObjectLockConfiguration',
  's3:PutObjectRetention', 's3:BypassGovernanceRetention', 's3:PutBucketVersioning', 's3:PutEncryptionConfiguration',
  's3:PutReplicationConfiguration', 'kms:ScheduleKeyDeletion', 'kms:DisableKey', 'kms:PutKeyPolicy',
  'cloudtrail:StopLogging', 'cloudtrail:DeleteTrail', 'cloudtrail:UpdateTrail', 'cloudtrail:PutEventSelectors',
  // Not logs:PutRetentionPolicy: CDK's LogRetention helper grants it on "*"; LogGroupRetention judges the groups themselves.
  'logs:DeleteLogGroup', 'logs:DeleteLogStream', 'logs:DisassociateKmsKey',
  'guardduty:DeleteDetector', 'guardduty:UpdateDetector', 'guardduty:CreateFilter', 'guardduty:UpdateFilter',
  'securityhub:DisableSecurityHub', 'securityhub:BatchDisableStandards', 'securityhub:UpdateStandardsControl',
  'config:StopConfigurationRecorder', 'config:DeleteConfigurationRecorder', 'config:DeleteDeliveryChannel',
  'events:DisableRule', 'events:DeleteRule', 'events:RemoveTargets', 'cloudwatch:DeleteAlarms', 'cloudwatch:DisableAlarmActions',
  'wafv2:DeleteWebACL', 'wafv2:DisassociateWebACL',
];

function iamNoAdminAccess(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const statements = permissionStatements(resource);
  if (statements === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  if (statements.some((s) => grants(s) && isAdminGrade(s, template))) return NagRuleCompliance.NON_COMPLIANT;
  const arns = managedPolicyArns(resource);
  if (arns === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  return arns.some((arn) => isAdminManagedPolicy(arn, template)) ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
}

function isAdminGrade(statement: JsonObject, template: StackTemplate): boolean {
  if (statement.NotAction !== undefined) return true;
  const actions = asList(statement.Action);
  if (!actions.every((a) => typeof a === 'string')) return true;
  if ((actions as string[]).some(isWholeService)) return true;
  // allowsAnyAction reads Effect literally; `grants` has already taken a non-Deny effect as Allow.
  return onEveryResource(statement, template) && !namesKeysByAlias(statement, template) &&
    allowsAnyAction({ ...statement, Effect: 'Allow' }, SENSITIVE_ON_EVERY_RESOURCE);
}

/**
 * The keys of one account and Region (`…:kms:<region>:<account>:key/*`)
 * narrowed by `ForAnyValue:StringEquals` on `kms:ResourceAliases` to literal
 * aliases: one key per alias, the only way IAM can name a key known by alias
 * (CDK's grant on `kms.Alias.fromAliasName`).
 */
function namesKeysByAlias(statement: JsonObject, template: StackTemplate): boolean {
  const condition = isObject(statement.Condition) ? statement.Condition[KEY_ALIAS_OPERATOR] : undefined;
  const named = isObject(condition) ? Object.entries(condition).find(([key]) => key.toLowerCase() === KEY_ALIAS_CONDITION_KEY.toLowerCase()) : undefined;
  const aliases = asList(named?.[1]);
  if (aliases.length === 0 || !aliases.every((alias) => typeof alias === 'string' && isAliasName(alias))) return false;
  return asList(statement.Resource).every((value) => {
    const text = renderSymbolic(value, template)?.replace(/<AWS::[A-Za-z]+>/g, 'x');
    return text !== undefined && /^arn:[^:*?]+:kms:[^:*?]+:[^:*?]+:key\/\*$/.test(text);
  });
}

/** `*`, `s3:*`, or a wildcard in the service part (`*:Get*`). */
function isWholeService(action: string): boolean {
  const [service, name] = action.split(':');
  return action.trim() === '*' || service.includes('*') || service.includes('?') || name === '*';
}

/** Whether a statement reaches every resource, or every resource of a service; a value the template does not resolve may. */
function onEveryResource(statement: JsonObject, template: StackTemplate): boolean {
  if (statement.NotResource !== undefined || statement.Resource === undefined) return true;
  return asList(statement.Resource).some((value) => {
    const text = renderSymbolic(withImportsNamed(value), template);
    return text === undefined || isEveryResource(text);
  });
}

/**
 * Another stack's output (`Fn::ImportValue`, `Fn::GetStackOutput`) stands for
 * a resource of that stack, as CDK writes a cross-stack grant: never every resource.
 */
function withImportsNamed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withImportsNamed);
  if (!isObject(value)) return value;
  if ('Fn::ImportValue' in value || 'Fn::GetStackOutput' in value) return '<imported>';
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withImportsNamed(inner)]));
}

/**
 * `*`, or an ARN whose service, or whose resource part, is a bare wildcard
 * (`arn:aws:s3:::*`, `arn:aws:dynamodb:*:*:table/*`). An S3 ARN names a bucket
 * first, so only `*` and `*\/*` count there.
 */
function isEveryResource(text: string): boolean {
  if (text.trim() === '*') return true;
  const fields = text.replace(/<AWS::[A-Za-z]+>/g, 'x').split(':');
  if (fields[0] !== 'arn' || fields.length < 6) return false;
  const service = fields[2];
  const resourcePart = fields.slice(5).join(':');
  if (service.includes('*')) return true;
  if (service === 's3') return /^\*(\/\*)?$/.test(resourcePart);
  return /^([A-Za-z-]+[/:])?\*$/.test(resourcePart);
}

/** AWS managed policies that are administrator-grade by name. */
const ADMIN_POLICY_NAME = /^(AdministratorAccess.*|PowerUserAccess|.*PowerUser|.*FullAccess.*|job-function\/\w*Administrator)$/;

function isAdminManagedPolicy(value: unknown, template: StackTemplate): boolean {
  const text = renderSymbolic(value, template);
  if (text === undefined) return true;
  const match = /^arn:[^:]+:iam::aws:policy\/(.+)$/.exec(text.replace(/<AWS::Partition>/g, 'aws'));
  return match !== null && ADMIN_POLICY_NAME.test(match[1].replace(/^service-role\//, ''));
}

/** The inline document or list that grants too much, else the managed policy list. */
function adminAccessFaultPath(resource: TemplateResource, template: StackTemplate): string {
  const statements = permissionStatements(resource);
  const inline = resource.type === 'AWS::IAM::Policy' || resource.type === 'AWS::IAM::ManagedPolicy' ? 'Properties.PolicyDocument' : 'Properties.Policies';
  if (statements === UNRESOLVED || statements.some((s) => grants(s) && isAdminGrade(s, template))) return inline;
  return 'Properties.ManagedPolicyArns';
}
