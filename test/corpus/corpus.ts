import * as fs from 'fs';
import * as path from 'path';

/**
 * The project's own corpus of vendor-style templates (issue 12): setups of
 * the kinds counties and vendors deploy, written here, not by the rules'
 * authors' fixtures. Each insecure template is a secure one with one
 * weakening; the audit must raise an open error on the resource at fault.
 * Each secure template must audit with no error at all.
 */

export const CORPUS_DIR = path.join(__dirname, 'templates');

/** What an insecure template must produce: an open error on one of `at`, from one of `rules` when given. */
export interface InsecureCase {
  /** The logical ids of the resource at fault (a policy or the resource it governs, where either is right). */
  readonly at: readonly string[];
  /** The rules (unqualified names) that catch it; any open error on `at` counts when absent. */
  readonly rules?: readonly string[];
}

/** File name (under templates/insecure) → what must be caught. */
export const INSECURE: Readonly<Record<string, InsecureCase>> = {
  'rds-public-voter-database.json': { at: ['VoterWriter'] },
  'rds-unencrypted-voter-cluster.json': { at: ['VoterCluster'] },
  'rds-aws-managed-key.json': { at: ['VoterCluster'] },
  'rds-no-backups-no-protection.json': { at: ['VoterCluster'] },
  'sg-postgres-open-to-world.json': { at: ['DatabaseSecurityGroup'] },
  'sg-mysql-ingress-ipv6-world.json': { at: ['MysqlFromAnywhere'] },
  'alb-http-forward.json': { at: ['HttpRedirect'] },
  'alb-tls10-policy.json': { at: ['HttpsListener'] },
  'sqs-open-queue-policy.json': { at: ['RegistrationQueuePolicy', 'RegistrationQueue'] },
  'sqs-sse-sqs-voter-queue.json': { at: ['RegistrationQueue'] },
  'sqs-foreign-account.json': { at: ['RegistrationQueuePolicy', 'RegistrationQueue'] },
  's3-policy-foreign-account.json': { at: ['ReportingBucketPolicy', 'ReportingBucket'] },
  's3-replication-foreign-account.json': { at: ['ReportingBucket'] },
  'kms-policy-foreign-account.json': { at: ['ReportingKey'] },
  'kms-policy-open.json': { at: ['ReportingKey'], rules: ['KmsKeyPolicyNoOpenPrincipal'] },
  'opensearch-open-access-policy.json': { at: ['VoterSearch'] },
  'efs-unencrypted-records.json': { at: ['RecordsFiles'] },
  'backup-vault-unlocked-records.json': { at: ['RecordsVault'] },
  'lambda-permission-foreign-account.json': { at: ['VendorInvoke'] },
  'dynamodb-foreign-account.json': { at: ['Voters'] },
  'iam-role-deletes-audit-logs.json': { at: ['CleanupRole'] },
  'sam-python27-public-url.yaml': { at: ['ResultsFeed'], rules: ['LambdaSupportedRuntime', 'LambdaFunctionUrlAuth'] },
  'sam-api-no-access-logs.yaml': { at: ['SchedulingApi'], rules: ['ApiGatewayAccessLogging'] },
  'sam-simple-table-voter-pii.yaml': { at: ['Registrations'], rules: ['DynamoDbCustomerManagedKey'] },
  'api-unauthenticated-voter-lookup.yaml': { at: ['LookupMethod'] },
  'cloudfront-extra-behavior-http.yaml': { at: ['Results'], rules: ['CloudFrontViewerHttpsOnly'] },
};

/** The template files of one half of the corpus, sorted. */
export function corpusFiles(half: 'secure' | 'insecure'): string[] {
  return fs.readdirSync(path.join(CORPUS_DIR, half)).filter((f) => /\.(json|ya?ml)$/.test(f)).sort();
}
