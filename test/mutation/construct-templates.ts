import { App, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ElectionAuditTrail } from '../../constructs/election-audit-trail';
import { ElectionRecordsBucket } from '../../constructs/election-records-bucket';
import { ElectionWebAcl, WebAclPreset, WebAclScope } from '../../constructs/election-web-acl';
import { HardenedStaticSite } from '../../constructs/hardened-static-site';
import { LogArchiveBucket } from '../../constructs/log-archive-bucket';
import { RegistrationPortal } from '../../constructs/registration-portal';
import { ResultsReportingSite } from '../../constructs/results-reporting-site';
import { SecureBucket } from '../../constructs/secure-bucket';
import { SecurityAlarms } from '../../constructs/security-alarms';
import { SecurityMonitoring } from '../../constructs/security-monitoring';
import { DataClass } from '../../lib/baseline/data-class';
import { registrationHandler } from '../helpers/handler-fixtures';
import { secureDataStores } from './secure-data-stores';
import { secureEntryPoints } from './secure-entry-points';
import { secureStatewide } from './secure-statewide';

/** A synthesized CloudFormation template, as JSON. */
export type CfnTemplate = { Resources: Record<string, CfnResource> } & Record<string, unknown>;
/** One resource of a template. */
export type CfnResource = { Type: string; Properties?: Record<string, unknown> } & Record<string, unknown>;

/** How to build one construct with its default props, alone in its own stack. */
interface ConstructCase {
  readonly name: string;
  /** Edge constructs (CloudFront, its web ACL) live in us-east-1. */
  readonly edge: boolean;
  readonly build: (stack: Stack) => Construct;
}

const CASES: readonly ConstructCase[] = [
  { name: 'SecureBucket', edge: false, build: (s) => new SecureBucket(s, 'Bucket', { dataClass: DataClass.VOTER_PII }) },
  { name: 'ElectionRecordsBucket', edge: false, build: (s) => new ElectionRecordsBucket(s, 'Records') },
  { name: 'LogArchiveBucket', edge: false, build: (s) => new LogArchiveBucket(s, 'Archive') },
  { name: 'ElectionAuditTrail', edge: false, build: (s) => new ElectionAuditTrail(s, 'Trail') },
  { name: 'SecurityAlarms', edge: false, build: (s) => new SecurityAlarms(s, 'Alarms', { trail: new ElectionAuditTrail(s, 'Trail') }) },
  { name: 'SecurityMonitoring', edge: false, build: (s) => new SecurityMonitoring(s, 'Monitoring') },
  {
    name: 'ElectionWebAcl(CLOUDFRONT)',
    edge: true,
    build: (s) => new ElectionWebAcl(s, 'Acl', { scope: WebAclScope.CLOUDFRONT, preset: WebAclPreset.PORTAL }),
  },
  {
    name: 'ElectionWebAcl(REGIONAL)',
    edge: false,
    build: (s) => new ElectionWebAcl(s, 'Acl', { scope: WebAclScope.REGIONAL, preset: WebAclPreset.PORTAL }),
  },
  { name: 'HardenedStaticSite', edge: true, build: (s) => new HardenedStaticSite(s, 'Site') },
  { name: 'ResultsReportingSite', edge: true, build: (s) => new ResultsReportingSite(s, 'Results') },
  {
    name: 'RegistrationPortal',
    edge: false,
    build: (s) => new RegistrationPortal(s, 'Portal', { handler: registrationHandler(s).function }),
  },
  {
    // The staff user pool is an opt-in; its MFA and threat protection are claims all the same.
    name: 'RegistrationPortal(staffSignIn)',
    edge: false,
    build: (s) => new RegistrationPortal(s, 'Portal', { handler: registrationHandler(s).function, staffSignIn: true }),
  },
  // Not a construct of ours: the RDS, Aurora, EFS and Backup stores a careful vendor adds, judged by the data-store rules.
  { name: 'SecureDataStoresA', edge: false, build: (s) => secureDataStores(s) },
  // Not a construct of ours either: the ALB, NLB, OpenSearch domain and SQS queue a vendor adds, judged by the elb, opensearch and sqs rules.
  { name: 'SecureEntryPoints', edge: false, build: (s) => secureEntryPoints(s) },
  // The state's organization-level resources (issue 14): the county stack set and its SCP, the organization trail, Security Hub's org setup.
  { name: 'Statewide', edge: false, build: (s) => secureStatewide(s) },
];

/** The names of the constructs, in table order. */
export const CONSTRUCT_NAMES: readonly string[] = CASES.map((c) => c.name);

/** Synthesizes every construct with its default props, each in a stack of its own, and returns the templates by construct name. */
export function synthesizeConstructTemplates(): Map<string, CfnTemplate> {
  const templates = new Map<string, CfnTemplate>();
  for (const c of CASES) {
    const app = new App();
    const stack = new Stack(app, c.name.replace(/[^A-Za-z0-9]/g, ''), c.edge ? { env: { region: 'us-east-1' } } : {});
    c.build(stack);
    const artifact = app.synth().getStackByName(stack.stackName);
    templates.set(c.name, artifact.template as CfnTemplate);
  }
  return templates;
}
