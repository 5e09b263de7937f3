/**
 * The CloudTrail metric filters of SecurityAlarms, as data: one entry per
 * alarm, with the threat it answers and the control it implements. The CIS
 * entries follow the CIS AWS Foundations Benchmark v3.0.0 section 4 texts
 * (Security Hub controls CloudWatch.1 to .14 cover 4.1 to 4.14), written with explicit
 * parentheses so no reader has to know how CloudWatch ranks && against ||.
 *
 * CloudWatch Logs JSON filter semantics these patterns rely on: `*` matches
 * any text at the start or end of a value; `!=` does not match an event that
 * lacks the field (so every `!=` here is on a field CloudTrail always writes,
 * or guarded); `NOT EXISTS` matches an absent field. A filter pattern is at
 * most 1,024 characters.
 */
export interface SecurityAlarmPattern {
  /** PascalCase name: the construct id, the metric name and the alarm name suffix. */
  readonly name: string;
  /** What it watches, the threat behind it and the control, for the alarm description. */
  readonly description: string;
  /** The CloudWatch Logs filter pattern. */
  readonly pattern: string;
  /** CIS AWS Foundations Benchmark v3.0.0 recommendation, for CIS items. */
  readonly cis?: string;
  /** Security Hub control that checks for this alarm, when there is one. */
  readonly securityHubControl?: string;
}

/**
 * The longest filter pattern CloudWatch Logs accepts.
 * @see https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutMetricFilter.html (AWS limit)
 */
export const MAX_FILTER_PATTERN_LENGTH = 1024;

/**
 * The longest period a security alarm may look at, in seconds: a change at 2 a.m. on election night
 * pages someone within minutes (CIS AWS Foundations 4.x alarm on a single event; NIST SI-4(5)). House policy.
 */
export const MAX_ALARM_PERIOD_SECONDS = 300;

/** `(($.field = "a") || ($.field = "b") ...)` */
export function anyOf(selector: string, values: readonly string[]): string {
  return `(${values.map((v) => `(${selector} = ${quote(v)})`).join(' || ')})`;
}

function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Events of `eventSource` named one of `eventNames`. */
function apiCalls(eventSource: string, eventNames: readonly string[]): string {
  return `{ ($.eventSource = ${quote(eventSource)}) && ${anyOf('$.eventName', eventNames)} }`;
}

/** The CIS AWS Foundations Benchmark v3.0.0 section 4 monitoring set, 4.1 to 4.15. */
export const CIS_ALARM_PATTERNS: readonly SecurityAlarmPattern[] = [
  {
    name: 'UnauthorizedApiCalls',
    cis: '4.1',
    securityHubControl: 'CloudWatch.2',
    description: 'API calls denied for lack of permission: an intruder probing what a stolen key can reach (NIST AC-6(9), SI-4; CIS 4.1)',
    pattern:
      '{ (($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*")) && ' +
      '($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }',
  },
  {
    name: 'ConsoleSignInWithoutMfa',
    cis: '4.2',
    securityHubControl: 'CloudWatch.3',
    description: 'IAM user console sign-in without MFA: a phished password is enough to get in (NIST IA-2(1); CIS 4.2)',
    pattern:
      '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ' +
      '($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
  },
  {
    name: 'RootAccountUsage',
    cis: '4.3',
    securityHubControl: 'CloudWatch.1',
    description: 'The root user acted: it cannot be limited by any policy, so any use is an emergency or an intruder (NIST AC-6(2), AC-2(12); CIS 4.3)',
    pattern: '{ ($.userIdentity.type = "Root") && ($.userIdentity.invokedBy NOT EXISTS) && ($.eventType != "AwsServiceEvent") }',
  },
  {
    name: 'IamPolicyChanges',
    cis: '4.4',
    securityHubControl: 'CloudWatch.4',
    description: 'IAM policies created, changed, attached or detached: privilege escalation before data theft (NIST AC-2(4), CM-3; CIS 4.4)',
    pattern: `{ ${anyOf('$.eventName', [
      'DeleteGroupPolicy', 'DeleteRolePolicy', 'DeleteUserPolicy', 'PutGroupPolicy', 'PutRolePolicy', 'PutUserPolicy',
      'CreatePolicy', 'DeletePolicy', 'CreatePolicyVersion', 'DeletePolicyVersion', 'SetDefaultPolicyVersion',
      'AttachRolePolicy', 'DetachRolePolicy', 'AttachUserPolicy', 'DetachUserPolicy', 'AttachGroupPolicy', 'DetachGroupPolicy',
    ])} }`,
  },
  {
    name: 'CloudTrailConfigChanges',
    cis: '4.5',
    securityHubControl: 'CloudWatch.5',
    description: 'A trail created, updated, deleted, started or stopped: an intruder covering tracks (NIST AU-9, AU-6; CIS 4.5)',
    pattern: apiCalls('cloudtrail.amazonaws.com', ['CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StartLogging', 'StopLogging']),
  },
  {
    name: 'ConsoleSignInFailures',
    cis: '4.6',
    securityHubControl: 'CloudWatch.6',
    description: 'Failed console sign-ins: password guessing or spraying against agency accounts (NIST AC-7, SI-4; CIS 4.6)',
    pattern: '{ ($.eventName = "ConsoleLogin") && ($.errorMessage = "Failed authentication") }',
  },
  {
    name: 'KmsKeyDisabledOrScheduledDeletion',
    cis: '4.7',
    securityHubControl: 'CloudWatch.7',
    description: 'A customer-managed key disabled or scheduled for deletion: ransomware by key, every record it encrypts unreadable (NIST SC-12, CP-9; CIS 4.7)',
    pattern: apiCalls('kms.amazonaws.com', ['DisableKey', 'ScheduleKeyDeletion']),
  },
  {
    name: 'S3BucketPolicyChanges',
    cis: '4.8',
    securityHubControl: 'CloudWatch.8',
    description: 'Bucket ACL, policy, CORS, lifecycle or replication changed: a bucket opened or its data sent elsewhere (NIST AC-3, CM-3; CIS 4.8)',
    pattern: apiCalls('s3.amazonaws.com', [
      'PutBucketAcl', 'PutBucketPolicy', 'PutBucketCors', 'PutBucketLifecycle', 'PutBucketReplication',
      'DeleteBucketPolicy', 'DeleteBucketCors', 'DeleteBucketLifecycle', 'DeleteBucketReplication',
    ]),
  },
  {
    name: 'ConfigChanges',
    cis: '4.9',
    securityHubControl: 'CloudWatch.9',
    description: 'AWS Config recorder or delivery channel stopped or changed: configuration history blinded (NIST CM-8, AU-9; CIS 4.9)',
    pattern: apiCalls('config.amazonaws.com', ['StopConfigurationRecorder', 'DeleteDeliveryChannel', 'PutDeliveryChannel', 'PutConfigurationRecorder']),
  },
  {
    name: 'SecurityGroupChanges',
    cis: '4.10',
    securityHubControl: 'CloudWatch.10',
    description: 'Security group created, deleted or its rules changed: a port opened to the internet (NIST SC-7, CM-3; CIS 4.10)',
    pattern: `{ ${anyOf('$.eventName', [
      'AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress', 'RevokeSecurityGroupIngress', 'RevokeSecurityGroupEgress',
      'CreateSecurityGroup', 'DeleteSecurityGroup',
    ])} }`,
  },
  {
    name: 'NetworkAclChanges',
    cis: '4.11',
    securityHubControl: 'CloudWatch.11',
    description: 'Network ACL created, deleted or its entries changed: a subnet boundary removed (NIST SC-7, CM-3; CIS 4.11)',
    pattern: `{ ${anyOf('$.eventName', [
      'CreateNetworkAcl', 'CreateNetworkAclEntry', 'DeleteNetworkAcl', 'DeleteNetworkAclEntry', 'ReplaceNetworkAclEntry', 'ReplaceNetworkAclAssociation',
    ])} }`,
  },
  {
    name: 'NetworkGatewayChanges',
    cis: '4.12',
    securityHubControl: 'CloudWatch.12',
    description: 'Internet or customer gateway created, attached, detached or deleted: a new way in or out of the network (NIST SC-7; CIS 4.12)',
    pattern: `{ ${anyOf('$.eventName', [
      'CreateCustomerGateway', 'DeleteCustomerGateway', 'AttachInternetGateway', 'CreateInternetGateway', 'DeleteInternetGateway', 'DetachInternetGateway',
    ])} }`,
  },
  {
    name: 'RouteTableChanges',
    cis: '4.13',
    securityHubControl: 'CloudWatch.13',
    description: 'Route or route table changed: traffic rerouted around inspection or out of the network (NIST SC-7, CM-3; CIS 4.13)',
    pattern: apiCalls('ec2.amazonaws.com', [
      'CreateRoute', 'CreateRouteTable', 'ReplaceRoute', 'ReplaceRouteTableAssociation', 'DeleteRouteTable', 'DeleteRoute', 'DisassociateRouteTable',
    ]),
  },
  {
    name: 'VpcChanges',
    cis: '4.14',
    securityHubControl: 'CloudWatch.14',
    description: 'VPC created, deleted, modified or peered: networks joined that were kept apart (NIST SC-7, CM-3; CIS 4.14)',
    pattern: `{ ${anyOf('$.eventName', [
      'CreateVpc', 'DeleteVpc', 'ModifyVpcAttribute', 'AcceptVpcPeeringConnection', 'CreateVpcPeeringConnection', 'DeleteVpcPeeringConnection',
      'RejectVpcPeeringConnection', 'AttachClassicLinkVpc', 'DetachClassicLinkVpc', 'DisableVpcClassicLink', 'EnableVpcClassicLink',
    ])} }`,
  },
  {
    name: 'OrganizationsChanges',
    cis: '4.15',
    description: 'AWS Organizations changed: an account removed from the guardrails, or a service control policy weakened (NIST AC-2, CM-3; CIS 4.15)',
    pattern: apiCalls('organizations.amazonaws.com', [
      'AcceptHandshake', 'AttachPolicy', 'CreateAccount', 'CreateOrganizationalUnit', 'CreatePolicy', 'DeclineHandshake',
      'DeleteOrganization', 'DeleteOrganizationalUnit', 'DeletePolicy', 'DetachPolicy', 'DisablePolicyType', 'EnablePolicyType',
      'InviteAccountToOrganization', 'LeaveOrganization', 'MoveAccount', 'RemoveAccountFromOrganization', 'UpdatePolicy', 'UpdateOrganizationalUnit',
    ]),
  },
];

/** The CIS AWS Foundations Benchmark v3.0.0 monitoring recommendations every SecurityAlarms must cover. */
export const REQUIRED_CIS_ITEMS: readonly string[] = [
  '4.1', '4.2', '4.3', '4.4', '4.5', '4.6', '4.7', '4.8', '4.9', '4.10', '4.11', '4.12', '4.13', '4.14', '4.15',
];

/** The required CIS items that `patterns` leave uncovered. */
export function missingCisItems(patterns: readonly SecurityAlarmPattern[]): string[] {
  const covered = new Set(patterns.map((p) => p.cis));
  return REQUIRED_CIS_ITEMS.filter((item) => !covered.has(item));
}

/** The S3 calls that change what protects a records bucket: its lock, its policy, its public access block. */
export const RECORDS_BUCKET_PROTECTION_CALLS: readonly string[] = [
  'PutObjectLockConfiguration', 'PutBucketPolicy', 'DeleteBucketPolicy', 'PutBucketPublicAccessBlock', 'DeleteBucketPublicAccessBlock',
];

/** The name of the one alarm a stack may narrow to its own records buckets; the others must match verbatim. */
export const RECORDS_PROTECTION_ALARM = 'RecordsBucketProtectionChanges';

/**
 * The election-specific patterns. `recordsBucketNames` narrows the records
 * alarm to those buckets; with none, it watches every bucket of the account
 * (an Object Lock change anywhere is rare enough to be worth a look).
 */
export function electionAlarmPatterns(recordsBucketNames: readonly string[] = []): SecurityAlarmPattern[] {
  const lockOrPolicy = `($.eventSource = "s3.amazonaws.com") && ${anyOf('$.eventName', RECORDS_BUCKET_PROTECTION_CALLS)}`;
  const buckets = recordsBucketNames.length > 0 ? ` && ${anyOf('$.requestParameters.bucketName', recordsBucketNames)}` : '';
  return [
    {
      name: 'CloudTrailStopped',
      description: 'A trail stopped or deleted: the first move of an intruder about to tamper with election systems unseen (NIST AU-9, AU-5; 52 U.S.C. 20701)',
      pattern: apiCalls('cloudtrail.amazonaws.com', ['StopLogging', 'DeleteTrail']),
    },
    {
      name: RECORDS_PROTECTION_ALARM,
      description:
        'Object Lock, bucket policy or public access block of an election records bucket changed: records exposed or readied for ' +
        'deletion (52 U.S.C. 20701; NIST AU-9, SI-12; ransomware)',
      pattern: `{ ${lockOrPolicy}${buckets} }`,
    },
    {
      name: 'WafWebAclChanges',
      description:
        'A WAF web ACL or rule group changed, detached or deleted, or its logging removed: the SQL injection and DDoS shield of ' +
        'election sites lowered (Illinois 2016; election-day DDoS 2022; NIST SC-7, SC-5)',
      pattern: apiCalls('wafv2.amazonaws.com', [
        'UpdateWebACL', 'DeleteWebACL', 'AssociateWebACL', 'DisassociateWebACL', 'UpdateRuleGroup', 'DeleteRuleGroup', 'DeleteLoggingConfiguration',
      ]),
    },
    {
      name: 'SecurityServicesDisabled',
      description:
        'GuardDuty detector deleted or Security Hub disabled or standards turned off: ransomware operators blind detection first ' +
        '(CISA AA20-304A; NIST SI-4, IR-4)',
      pattern:
        `{ (($.eventSource = "guardduty.amazonaws.com") && ${anyOf('$.eventName', ['DeleteDetector', 'DisassociateFromAdministratorAccount', 'DisassociateFromMasterAccount'])}) || ` +
        `(($.eventSource = "securityhub.amazonaws.com") && ${anyOf('$.eventName', ['DisableSecurityHub', 'BatchDisableStandards', 'DisassociateFromAdministratorAccount'])}) }`,
    },
  ];
}
