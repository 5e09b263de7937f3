/**
 * Which catalogue controls each of the library's constructs implements, and
 * how, as data: the OSCAL component definition (`lib/reports/oscal-component.ts`)
 * is generated from it. Each `how` states what the construct does by default
 * (taken from its defaults and their TSDoc), so an assessor can check it in a
 * template; a control that depends on what the agency does with the construct
 * is not claimed.
 */

/** One control a construct implements. */
export interface ConstructControl {
  /** Catalogue id (`lib/controls/catalogue.ts`). */
  readonly control: string;
  /** What the construct does, by default, that implements it. */
  readonly how: string;
}

/** A construct of the library and the controls it implements. */
export interface ConstructControls {
  /** The exported class name. */
  readonly construct: string;
  /** What it is, for the component's description. */
  readonly description: string;
  readonly controls: readonly ConstructControl[];
}

export const CONSTRUCT_CONTROLS: readonly ConstructControls[] = [
  {
    construct: 'SecureBucket',
    description: 'The hardened S3 bucket every bucket of the library builds on.',
    controls: [
      { control: 'NIST-800-53-r5:SC-28(1)', how: 'SSE-KMS with a customer-managed key of its own and S3 Bucket Keys: reading an object needs the key as well as the bucket.' },
      { control: 'NIST-800-53-r5:SC-12', how: 'The key rotates yearly, is kept on stack delete, and its policy lets only AWS services create grants on it.' },
      { control: 'NIST-800-53-r5:SC-8(1)', how: 'The bucket policy denies requests without TLS and with TLS older than 1.2.' },
      { control: 'NIST-800-53-r5:AC-3', how: 'ACLs are disabled (BucketOwnerEnforced): the bucket and key policies are the whole access story.' },
      { control: 'NIST-800-53-r5:CP-9', how: 'Versioning, RETAIN on stack delete and Object Lock enabled: overwrites and deletes stay recoverable; noncurrent versions move to Glacier Instant Retrieval.' },
      { control: 'NIST-800-53-r5:AU-2', how: 'Server access logs go to a separate hardened, versioned, retained access-log bucket.' },
      { control: 'NIST-800-53-r5:SI-4', how: 'Object-level events go to EventBridge, so a mass delete or overwrite can be alerted on.' },
      { control: 'CISA-CPG:2.K', how: 'Encryption at rest under a customer-managed key and TLS 1.2 or later in transit.' },
      { control: 'CISA-CPG:2.W', how: 'Block Public Access on all four settings: public content goes out through CloudFront, never from the bucket.' },
    ],
  },
  {
    construct: 'ElectionRecordsBucket',
    description: 'A write-once SecureBucket of class election-records for results and election records.',
    controls: [
      { control: '52-USC-20701', how: 'Object Lock in COMPLIANCE mode for 730 days by default, never fewer than 672 (the longest span 22 months covers): nobody, root included, can delete or shorten a record\'s retention.' },
      { control: 'NIST-800-53-r5:SI-12', how: 'Retention is enforced by the storage itself (COMPLIANCE-mode Object Lock), not by policy alone.' },
      { control: 'NIST-800-53-r5:AU-9', how: 'Published records cannot be altered or erased within their retention, by an intruder or by ransomware.' },
      { control: 'NIST-800-53-r5:AC-6', how: 'Publishers are granted put-only access to objects; no grant can shorten retention.' },
      { control: 'NIST-800-53-r5:SC-28(1)', how: 'Everything SecureBucket does: SSE-KMS under a customer-managed, rotating key.' },
    ],
  },
  {
    construct: 'LogArchiveBucket',
    description: 'The write-once archive that CloudTrail, AWS Config and vended log delivery (CloudFront, AWS WAF) write into.',
    controls: [
      { control: 'NIST-800-53-r5:AU-9', how: 'A SecureBucket of class audit-logs with Object Lock in COMPLIANCE mode: an intruder who took over the account still cannot erase the trail.' },
      { control: 'NIST-800-53-r5:AU-11', how: 'Object Lock default retention in COMPLIANCE mode, 30 months by default: every delivered log is kept that long.' },
      { control: 'NIST-800-53-r5:AC-3', how: 'Each delivery service may write only under AWSLogs/<account>/ and only for this account\'s sources (aws:SourceAccount, aws:SourceArn); the key policy lets them encrypt under the same conditions.' },
      { control: 'NIST-800-53-r5:SC-28(1)', how: 'SSE-KMS under a customer-managed, rotating key.' },
      { control: 'CISA-CPG:2.U', how: 'Logs are stored write-once, apart from the services that write them.' },
    ],
  },
  {
    construct: 'ElectionAuditTrail',
    description: 'The agency\'s CloudTrail trail, delivering into a LogArchiveBucket and a CloudWatch Logs copy for alarms.',
    controls: [
      { control: 'NIST-800-53-r5:AU-2', how: 'Every Region, global service events and all management events are logged.' },
      { control: 'NIST-800-53-r5:AU-12', how: 'The trail is created with the stack and logs from every Region, so no Region goes unrecorded.' },
      { control: 'NIST-800-53-r5:AU-9', how: 'Delivery into a write-once LogArchiveBucket: log files cannot be erased.' },
      { control: 'NIST-800-53-r5:AU-9(3)', how: 'Log file validation: signed digest files expose any log file altered or deleted (aws cloudtrail validate-logs).' },
      { control: 'NIST-800-53-r5:AU-10', how: 'Signed digests bind each API call record to the identity that made it.' },
      { control: 'NIST-800-53-r5:SC-28(1)', how: 'Its own rotating customer-managed key, whose policy lets only this trail encrypt; the CloudWatch Logs copy is KMS-encrypted too.' },
      { control: 'CISA-CPG:2.T', how: 'API activity of the whole account is collected centrally.' },
      { control: 'CISA-CPG:2.U', how: 'The archive is write-once and the digests reveal tampering.' },
    ],
  },
  {
    construct: 'SecurityAlarms',
    description: 'CloudTrail metric filters and alarms for the CIS AWS Foundations Benchmark v3.0.0 monitoring set and election threats.',
    controls: [
      { control: 'NIST-800-53-r5:AU-6', how: 'Metric filters on the trail\'s CloudWatch Logs copy review every event for root use, denied calls, IAM, CloudTrail, KMS, S3 policy, Config, network and Organizations changes.' },
      { control: 'NIST-800-53-r5:SI-4', how: 'Alarms for a trail stopped or deleted, a records bucket\'s lock or policy changed, a web ACL weakened, GuardDuty or Security Hub turned off.' },
      { control: 'NIST-800-53-r5:SI-4(5)', how: 'Each alarm fires on one matching event in five minutes and notifies a topic.' },
      { control: 'NIST-800-53-r5:IR-4', how: 'Alarms reach responders through an SNS topic encrypted under a customer-managed key and TLS-only.' },
      { control: 'CISA-CPG:2.G', how: 'Console sign-in failures and sign-in without MFA raise alarms.' },
      { control: 'CISA-CPG:2.T', how: 'Collected CloudTrail events are turned into alerts.' },
    ],
  },
  {
    construct: 'SecurityMonitoring',
    description: 'The account\'s detection services: GuardDuty, Security Hub, AWS Config and finding notifications.',
    controls: [
      { control: 'NIST-800-53-r5:SI-4', how: 'GuardDuty with S3, EKS, EBS malware, RDS and Lambda protection.' },
      { control: 'NIST-800-53-r5:SI-3', how: 'GuardDuty Malware Protection scans EBS volumes of instances behind a finding.' },
      { control: 'NIST-800-53-r5:CA-7', how: 'Security Hub with AWS Foundational Security Best Practices and CIS v3.0.0, and AWS Config managed rules that mirror this baseline.' },
      { control: 'NIST-800-53-r5:CM-6', how: 'AWS Config records every resource type into the write-once log archive: a history of every configuration.' },
      { control: 'NIST-800-53-r5:IR-6', how: 'EventBridge rules send HIGH and CRITICAL findings to an encrypted topic and, optionally, to the security operations center.' },
      { control: 'CISA-CPG:3.A', how: 'Managed threat detection (GuardDuty) across the account.' },
    ],
  },
  {
    construct: 'ElectionWebAcl',
    description: 'A WAFv2 web ACL for election sites: managed rule groups by preset, a per-IP rate limit, logs.',
    controls: [
      { control: 'NIST-800-53-r5:SC-5', how: 'A per-IP rate-based rule (300 requests per 5 minutes for portal, 3000 for results) blocks a single-source flood.' },
      { control: 'NIST-800-53-r5:SI-10', how: 'AWS managed rule groups for common exploits, known bad inputs and SQL injection inspect every request.' },
      { control: 'NIST-800-53-r5:SC-7', how: 'IP reputation and anonymous-IP lists refuse known-bad sources; a REGIONAL ACL behind CloudFront with originVerification answers only CloudFront.' },
      { control: 'NIST-800-53-r5:AU-2', how: 'Every request is logged, to a log group encrypted under a customer-managed key, kept 731 days and on stack delete.' },
      { control: 'NIST-800-53-r5:AU-9', how: 'Credentials, cookies and every body field are redacted from the logs, which are encrypted and retained.' },
      { control: 'CISA-CPG:2.W', how: 'Internet-facing sites are reached only through managed protections.' },
    ],
  },
  {
    construct: 'HardenedStaticSite',
    description: 'A static site served only through CloudFront from a SecureBucket, with a failover origin and a WAF web ACL.',
    controls: [
      { control: 'NIST-800-53-r5:SC-8(1)', how: 'HTTPS only between viewers and CloudFront (TLSv1.2_2021 with a certificate), HSTS, and Origin Access Control to the buckets.' },
      { control: 'NIST-800-53-r5:SI-10', how: 'A strict Content-Security-Policy: injected script cannot run or call out (defacement, form skimming).' },
      { control: 'NIST-800-53-r5:SC-5(2)', how: 'A short but never-off edge cache and a second SecureBucket as failover origin absorb load and outages.' },
      { control: 'NIST-800-53-r5:CP-10', how: 'A primary emptied by ransomware or a bad publish (403/404) fails over to the independent copy.' },
      { control: 'NIST-800-53-r5:AU-2', how: 'CloudFront access logs go to an audit-logs SecureBucket.' },
      { control: 'CISA-CPG:2.W', how: 'The content bucket is private: only CloudFront reads it, through Origin Access Control.' },
    ],
  },
  {
    construct: 'ResultsReportingSite',
    description: 'The public election-night results site: a HardenedStaticSite with the results WAF preset.',
    controls: [
      { control: 'NIST-800-53-r5:SC-5', how: 'The results preset: 3000 requests per IP per 5 minutes, IP reputation and common exploits; optionally Shield Advanced.' },
      { control: 'NIST-800-53-r5:SC-5(2)', how: 'A 30-second edge cache that cannot be turned off and a failover origin keep results up under election-night load.' },
      { control: 'NIST-800-53-r5:SC-8(1)', how: 'Everything HardenedStaticSite does: HTTPS only, HSTS, Origin Access Control.' },
    ],
  },
  {
    construct: 'RegistrationPortal',
    description: 'Online voter registration: a static front end and a REST API on CloudFront, storing into a voter-pii DynamoDB table.',
    controls: [
      { control: 'NIST-800-53-r5:SI-10', how: 'POST /api/registrations validates each submission against a request model before it reaches the function or the table.' },
      { control: 'NIST-800-53-r5:SC-5', how: 'Stage-wide throttling on every method, behind web ACLs with rate limits.' },
      { control: 'NIST-800-53-r5:SC-7', how: 'A CLOUDFRONT web ACL in front of everything and a REGIONAL one on the API stage that refuses every request without CloudFront\'s secret origin-verify header.' },
      { control: 'NIST-800-53-r5:SC-28(1)', how: 'The registrations table is encrypted under a customer-managed key.' },
      { control: 'NIST-800-53-r5:CP-9', how: 'Point-in-time recovery (35 days) and deletion protection on the table.' },
      { control: 'NIST-800-53-r5:AU-3', how: 'The stage logs every request as one JSON line (who, what, when, from where, result) to an encrypted log group, without data trace, which would copy voter PII into the logs.' },
      { control: 'NIST-800-53-r5:AU-12', how: 'X-Ray traces follow a request from the edge to the table.' },
      { control: 'NIST-800-53-r5:IA-2(1)', how: 'The staff user pool requires TOTP multi-factor authentication and enforces threat protection; no self sign-up.' },
    ],
  },
  {
    construct: 'ElectionFunction',
    description: 'A Lambda function for election backends that passes the three packs without a waiver from the caller.',
    controls: [
      { control: 'NIST-800-53-r5:AC-6', how: 'The role trusts only Lambda; every permission is in a customer-managed policy: its own log group, traces and dead-letter queue, and what is granted later.' },
      { control: 'NIST-800-53-r5:AU-9', how: 'JSON logs go to a log group of class audit-logs, encrypted under its own rotating customer-managed key, RETAIN.' },
      { control: 'NIST-800-53-r5:AU-11', how: 'Logs are kept 731 days by default; a retention under a year is refused at synth.' },
      { control: 'NIST-800-53-r5:SI-2', how: 'A deprecated runtime is refused at synth; the default is the newest Node.js.' },
      { control: 'NIST-800-53-r5:IA-5(7)', how: 'A password, token, key or secret reference written into an environment variable is refused at synth: pass the secret\'s ARN and read it at run time.' },
    ],
  },
  {
    construct: 'CountyBaselineStack',
    description: 'The county baseline as one env-agnostic template with per-county parameters, rolled out by a stack set.',
    controls: [
      { control: '52-USC-20701', how: 'The records retention is a Number parameter whose MinValue is 672 days: CloudFormation refuses a shorter retention in any county override.' },
      { control: 'NIST-800-53-r5:CM-2', how: 'One template, the same in every county account; only the county name, alert address and retention differ.' },
      { control: 'NIST-800-53-r5:AU-9', how: 'The county trail delivers into a write-once LogArchiveBucket of the county account.' },
      { control: 'NIST-800-53-r5:SI-4', how: 'CIS and election alarms and AWS Config findings go to an encrypted topic emailed to the AlertEmail parameter.' },
      { control: 'NIST-800-53-r5:SC-5', how: 'With resultsSite, each county gets the ResultsReportingSite (CloudFront, rate-limited WAF) in us-east-1, the only Region its stack set accepts then.' },
    ],
  },
  {
    construct: 'CountyStackSet',
    description: 'The service-managed stack set that deploys the county baseline to every account of the county OUs.',
    controls: [
      { control: 'NIST-800-53-r5:CM-2', how: 'Auto-deployment: an account that joins a county OU gets the baseline without anyone running a deploy.' },
      { control: 'NIST-800-53-r5:CP-9', how: 'RetainStacksOnAccountRemoval: an account leaving the OU keeps its stack, its records and its logs.' },
      { control: 'NIST-800-53-r5:AC-6', how: 'By default an SCP on the OUs denies the stacksets-exec-* role every service the baseline does not deploy.' },
    ],
  },
  {
    construct: 'StackSetExecutionGuardrail',
    description: 'A service control policy that narrows the StackSets execution role to the baseline\'s services.',
    controls: [
      { control: 'NIST-800-53-r5:AC-6', how: 'Denies the stacksets-exec-* role, which holds AdministratorAccess, every action outside the services the county template deploys.' },
    ],
  },
  {
    construct: 'SelfManagedCountyStackSet',
    description: 'A self-managed stack set for county accounts outside the organization (vendor-run).',
    controls: [
      { control: 'NIST-800-53-r5:AC-6', how: 'Runs as a named least-privilege execution role, never AWS\'s AdministratorAccess sample; the administration role may assume only it.' },
      { control: 'NIST-800-53-r5:SA-9', how: 'A vendor-run county gets the same template and parameters as the counties in the organization.' },
    ],
  },
  {
    construct: 'SelfManagedExecutionRole',
    description: 'The execution role a vendor deploys in a county account for the self-managed stack set.',
    controls: [
      { control: 'NIST-800-53-r5:AC-6', how: 'Only the services the baseline deploys; S3 and IAM only on the stack set\'s own buckets, roles and policies.' },
      { control: 'NIST-800-53-r5:AC-3', how: 'Only the state\'s administration role, in the state\'s account, may assume it.' },
    ],
  },
  {
    construct: 'LogArchiveAccountStack',
    description: 'The state\'s log-archive account: the write-once archive of the organization trail.',
    controls: [
      { control: 'NIST-800-53-r5:AU-9(2)', how: 'Every account\'s trail lands in a separate account that no county or management administrator administers.' },
      { control: 'NIST-800-53-r5:AU-9', how: 'Object Lock COMPLIANCE on the archive; bucket and key policies admit only the organization trail, by aws:SourceArn and aws:SourceOrgID.' },
      { control: 'NIST-800-53-r5:AU-11', how: 'The archive keeps each log file 913 days by default, never fewer than 365.' },
    ],
  },
  {
    construct: 'OrganizationTrail',
    description: 'The organization trail in the management account, delivering into the log-archive account.',
    controls: [
      { control: 'NIST-800-53-r5:AU-12', how: 'One trail records every account of the organization, in every Region, with global service and all management events.' },
      { control: 'NIST-800-53-r5:AU-10', how: 'Log file validation: digests expose a changed or deleted log file.' },
      { control: 'NIST-800-53-r5:AU-9(3)', how: 'Log files are encrypted with the archive account\'s customer-managed key.' },
    ],
  },
  {
    construct: 'SecurityToolingAccountStack',
    description: 'The state\'s security-tooling account: delegated administrator, finding aggregator and SOC route.',
    controls: [
      { control: 'NIST-800-53-r5:SI-4', how: 'A Security Hub finding aggregator links every Region, so every county\'s findings reach one account.' },
      { control: 'NIST-800-53-r5:CA-7', how: 'Security Hub is turned on, with its default standards, in every account that joins the organization.' },
      { control: 'NIST-800-53-r5:IR-6', how: 'HIGH and CRITICAL findings go to an encrypted topic the state SOC subscribes to.' },
    ],
  },
  {
    construct: 'OrganizationSecurityDelegation',
    description: 'Makes the security-tooling account Security Hub\'s delegated administrator.',
    controls: [
      { control: 'NIST-800-53-r5:AC-5', how: 'Findings are administered from the security-tooling account, apart from the management account and the counties.' },
    ],
  },
];
