import * as fs from 'fs';
import * as path from 'path';
import {
  CIS_ALARM_PATTERNS,
  electionAlarmPatterns,
  MAX_FILTER_PATTERN_LENGTH,
  missingCisItems,
  REQUIRED_CIS_ITEMS,
  SecurityAlarmPattern,
} from '../../lib/baseline/alarm-patterns';
import { matchesFilterPattern } from '../helpers/filter-pattern';

const FIXTURES = path.join(__dirname, '../fixtures/cloudtrail-events');
const RECORDS_BUCKET = 'example-county-results-records';

function event(name: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8'));
}

/**
 * Every sample CloudTrail record and the alarms it must raise (with the
 * records alarm narrowed to the records bucket). Every other alarm must stay
 * quiet on it: benign events and near misses raise nothing.
 */
const EXPECTED: Record<string, string[]> = {
  'ec2-describe-instances-unauthorized': ['UnauthorizedApiCalls'],
  's3-list-buckets-access-denied': ['UnauthorizedApiCalls'],
  's3-head-bucket-access-denied': [],
  's3-put-object-denied-to-log-delivery': [],
  'console-login-iam-user-without-mfa': ['ConsoleSignInWithoutMfa'],
  'console-login-iam-user-with-mfa': [],
  'console-login-federated-sso': [],
  'console-login-iam-user-failed': ['ConsoleSignInFailures'],
  'console-login-root': ['RootAccountUsage'],
  'root-action-invoked-by-service': [],
  'iam-attach-role-policy': ['IamPolicyChanges'],
  'iam-get-policy': [],
  'cloudtrail-stop-logging': ['CloudTrailConfigChanges', 'CloudTrailStopped'],
  'cloudtrail-update-trail': ['CloudTrailConfigChanges'],
  'cloudtrail-describe-trails': [],
  'kms-schedule-key-deletion': ['KmsKeyDisabledOrScheduledDeletion'],
  'kms-decrypt': [],
  's3-put-bucket-policy-records': ['S3BucketPolicyChanges', 'RecordsBucketProtectionChanges'],
  's3-put-bucket-policy-web-assets': ['S3BucketPolicyChanges'],
  's3-put-object-lock-configuration-records': ['RecordsBucketProtectionChanges'],
  's3-get-bucket-policy-records': [],
  's3-get-object-records': [],
  'config-stop-configuration-recorder': ['ConfigChanges'],
  'ec2-authorize-security-group-ingress': ['SecurityGroupChanges'],
  'ec2-describe-security-groups': [],
  'ec2-create-network-acl-entry': ['NetworkAclChanges'],
  'ec2-attach-internet-gateway': ['NetworkGatewayChanges'],
  'ec2-create-route': ['RouteTableChanges'],
  'ec2-create-vpc-peering-connection': ['VpcChanges'],
  'organizations-leave-organization': ['OrganizationsChanges'],
  'wafv2-disassociate-web-acl': ['WafWebAclChanges'],
  'wafv2-get-web-acl': [],
  'guardduty-delete-detector': ['SecurityServicesDisabled'],
  'securityhub-disable-security-hub': ['SecurityServicesDisabled'],
  'securityhub-get-findings': [],
};

const PATTERNS: SecurityAlarmPattern[] = [...CIS_ALARM_PATTERNS, ...electionAlarmPatterns([RECORDS_BUCKET])];

describe('the security alarm filter patterns on sample CloudTrail records', () => {
  test('every fixture file has an expectation, and every expectation a fixture', () => {
    const files = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  test('every alarm is raised by at least one sample, so none is tested only by silence', () => {
    const raised = new Set(Object.values(EXPECTED).flat());
    expect(PATTERNS.map((p) => p.name).filter((name) => !raised.has(name))).toEqual([]);
  });

  test.each(Object.entries(EXPECTED))('%s raises exactly %j', (name, alarms) => {
    const record = event(name);
    const raised = PATTERNS.filter((p) => matchesFilterPattern(p.pattern, record)).map((p) => p.name);
    expect(raised.sort()).toEqual([...alarms].sort());
  });

  test('with no records buckets named, the records alarm watches every bucket', () => {
    const everyBucket = electionAlarmPatterns().find((p) => p.name === 'RecordsBucketProtectionChanges')!;
    const narrowed = electionAlarmPatterns(['some-other-bucket']).find((p) => p.name === 'RecordsBucketProtectionChanges')!;
    expect(matchesFilterPattern(everyBucket.pattern, event('s3-put-bucket-policy-web-assets'))).toBe(true);
    expect(matchesFilterPattern(everyBucket.pattern, event('s3-get-bucket-policy-records'))).toBe(false);
    expect(matchesFilterPattern(narrowed.pattern, event('s3-put-bucket-policy-records'))).toBe(false);
  });

  test('a CIS pattern with its exclusion dropped would alarm on the benign near miss', () => {
    // The guard clauses are load-bearing: without them, delivery-log noise and service calls raise alarms.
    const unauthorized = '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }';
    expect(matchesFilterPattern(unauthorized, event('s3-put-object-denied-to-log-delivery'))).toBe(true);
    const root = '{ ($.userIdentity.type = "Root") && ($.eventType != "AwsServiceEvent") }';
    expect(matchesFilterPattern(root, event('root-action-invoked-by-service'))).toBe(true);
  });

  test.each(PATTERNS.map((p) => [p.name, p]))('%s fits CloudWatch Logs limits and names its threat', (_, p) => {
    expect(p.pattern.length).toBeLessThanOrEqual(MAX_FILTER_PATTERN_LENGTH);
    expect(p.name).toMatch(/^[A-Z][A-Za-z0-9]+$/);
    expect(p.description.length).toBeGreaterThan(40);
    expect(p.description).toMatch(/NIST|CIS|52 U\.S\.C\./);
  });
});

describe('completeness against the CIS AWS Foundations Benchmark v3.0.0 monitoring section', () => {
  test('the shipped set covers every required item, each once', () => {
    expect(missingCisItems(CIS_ALARM_PATTERNS)).toEqual([]);
    expect(CIS_ALARM_PATTERNS.map((p) => p.cis).sort()).toEqual([...REQUIRED_CIS_ITEMS].sort());
  });

  test.each(REQUIRED_CIS_ITEMS.map((item) => [item]))('a set without CIS %s is reported incomplete', (item) => {
    const weakened = CIS_ALARM_PATTERNS.filter((p) => p.cis !== item);
    expect(missingCisItems(weakened)).toEqual([item]);
  });
});
