/**
 * A county's own CDK app, written from the documentation alone (the README's
 * example and the pages it links: the construct pages under `docs/constructs/`,
 * `docs/waivers.md`) against the packed library: two counties, each with production and staging; a registration
 * portal with its backend, custom domains and paid WAF features; results
 * sites; records under an existing customer key; an admin allow-list; the
 * security baseline; a role for the state's auditors in another account.
 * `test/package/packed-tarball.test.ts` compiles it, synthesizes it and audits
 * the assembly with `election-audit`.
 */
import { App, RemovalPolicy, Stack, StackProps, Validations } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import { Construct } from 'constructs';
import {
  DataClass, ElectionAuditTrail, ElectionBaselineChecks, ElectionFunction, ElectionRecordsBucket, ElectionWebAcl,
  LogArchiveBucket, RegistrationPortal, ResultsReportingSite, SecureBucket, SecurityAlarms, SecurityMonitoring,
  WafLogFilter, WebAclPreset, WebAclScope,
} from 'cdk-election-baseline';

/** The state's audit account: its auditors read every county's records. */
const STATE_AUDIT_ACCOUNT = '999999999999';

const HANDLER_CODE = `
const { DynamoDBClient, PutItemCommand } = require('@aws-sdk/client-dynamodb');
const { randomUUID } = require('node:crypto');
const db = new DynamoDBClient({});
exports.handler = async (event) => {
  const submissionId = randomUUID();
  await db.send(new PutItemCommand({
    TableName: process.env.TABLE_NAME,
    Item: { submissionId: { S: submissionId }, submission: { S: event.body } },
    ConditionExpression: 'attribute_not_exists(submissionId)',
  }));
  return { statusCode: 201, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ submissionId }) };
};
`;

interface CountyStackProps extends StackProps {
  readonly county: string;
  readonly stage: 'prod' | 'staging';
  readonly domain: string;
  readonly certificateArn: string;
  /** An existing customer key of the county's records, by alias. */
  readonly recordsKeyAlias?: string;
  /** Office networks allowed to reach the staff pages. */
  readonly adminCidrs: string[];
  /** False in an account and Region whose account-wide services another stack of the app already sets up. */
  readonly accountServices: boolean;
}

class CountyStack extends Stack {
  public readonly records: ElectionRecordsBucket;

  constructor(scope: Construct, id: string, props: CountyStackProps) {
    super(scope, id, props);
    const certificate = acm.Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn);

    // Records under the county's existing key.
    this.records = new ElectionRecordsBucket(this, 'Records', {
      encryptionKey: props.recordsKeyAlias ? kms.Alias.fromAliasName(this, 'RecordsKey', props.recordsKeyAlias) : undefined,
    });
    const publisher = new iam.Role(this, 'ResultsPublisher', { assumedBy: new iam.AccountPrincipal(this.account) });
    this.records.grantWrite(publisher);
    const stateAuditor = new iam.Role(this, 'StateAuditor', { assumedBy: new iam.AccountPrincipal(STATE_AUDIT_ACCOUNT) });
    this.records.grantRead(stateAuditor);

    // Registration: the backend, a web ACL with Bot Control and ACFP, staff pages for office networks only.
    const handler = new ElectionFunction(this, 'RegistrationHandler', {
      description: `Stores ${props.county} voter registration submissions`,
      code: lambda.Code.fromInline(HANDLER_CODE),
      handler: 'index.handler',
    });
    const offices = new wafv2.CfnIPSet(this, 'OfficeNetworks', {
      scope: 'CLOUDFRONT',
      ipAddressVersion: 'IPV4',
      addresses: props.adminCidrs,
    });
    const portalAcl = new ElectionWebAcl(this, 'PortalAcl', {
      scope: WebAclScope.CLOUDFRONT,
      preset: WebAclPreset.PORTAL,
      botControl: true,
      accountCreationFraudPath: '/api/registrations',
      registrationPagePath: '/register.html',
      additionalRules: [{
        name: 'StaffPagesFromOfficesOnly',
        priority: 20,
        action: { block: {} },
        statement: {
          andStatement: {
            statements: [
              { byteMatchStatement: { fieldToMatch: { uriPath: {} }, positionalConstraint: 'STARTS_WITH', searchString: '/staff/', textTransformations: [{ priority: 0, type: 'LOWERCASE' }] } },
              { notStatement: { statement: { ipSetReferenceStatement: { arn: offices.attrArn } } } },
            ],
          },
        },
        visibilityConfig: { cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: 'StaffPagesFromOfficesOnly' },
      }],
    });
    new RegistrationPortal(this, 'Portal', {
      handler: handler.function,
      webAcl: portalAcl,
      domainNames: [`register.${props.domain}`],
      certificate,
      staffSignIn: true,
      configureApiGatewayAccount: props.accountServices,
    });

    // Results: Bot Control and, on election night, logs of blocked requests only.
    const resultsAcl = new ElectionWebAcl(this, 'ResultsAcl', {
      scope: WebAclScope.CLOUDFRONT,
      preset: WebAclPreset.RESULTS,
      botControl: true,
      logFilter: WafLogFilter.BLOCKED_ONLY,
      logFilterReason: 'election night log volume: allowed requests are in the CloudFront access logs already',
    });
    const results = new ResultsReportingSite(this, 'Results', {
      webAcl: resultsAcl,
      domainNames: [`results.${props.domain}`],
      certificate,
      shieldAdvanced: props.stage === 'prod',
    });
    results.grantPublish(publisher);

    if (props.stage === 'staging') {
      new SecureBucket(this, 'Scratch', {
        dataClass: DataClass.OPERATIONAL,
        removalPolicy: RemovalPolicy.DESTROY,
        autoDeleteObjects: true,
        stagingTeardown: { reason: 'staging scratch space rebuilt from the repository on every deploy' },
      });
    }

    // The security baseline: trail, alarms and detection services (once per account and Region).
    const archive = new LogArchiveBucket(this, 'LogArchive');
    const trail = new ElectionAuditTrail(this, 'Trail', { archive, recordsBuckets: [this.records.bucket] });
    trail.grantRead(stateAuditor);
    new SecurityAlarms(this, 'Alarms', { trail, emailSubscriptions: [`soc@${props.domain}`] });
    new SecurityMonitoring(this, 'Monitoring', props.accountServices
      ? { archive }
      : { enableGuardDuty: false, enableSecurityHub: false, enableConfig: false });
  }
}

const app = new App({ outdir: process.env.OUTDIR });
Validations.of(app).addPlugins(
  new ElectionBaselineChecks(app, { trustedAccountIds: [STATE_AUDIT_ACCOUNT] }),
  new AwsSolutionsChecks(app),
  new NIST80053R5Checks(app),
);

const counties = [
  { county: 'Adams', domain: 'adamsvotes.example.gov', account: '111111111111', stagingAccount: '111111111111', recordsKeyAlias: 'alias/county-records' },
  { county: 'Brown', domain: 'brownvotes.example.gov', account: '222222222222', stagingAccount: '333333333333' },
];
for (const c of counties) {
  const shared = { county: c.county, adminCidrs: ['198.51.100.0/24'] };
  const prod = new CountyStack(app, `${c.county}Prod`, {
    ...shared, stage: 'prod', domain: c.domain, recordsKeyAlias: c.recordsKeyAlias, accountServices: true,
    certificateArn: `arn:aws:acm:us-east-1:${c.account}:certificate/11111111-2222-3333-4444-555555555555`,
    env: { account: c.account, region: 'us-east-1' },
  });
  // Adams runs staging in its production account: the account-wide services stay with production.
  const sharesAccount = c.stagingAccount === c.account;
  const staging = new CountyStack(app, `${c.county}Staging`, {
    ...shared, stage: 'staging', domain: `staging.${c.domain}`, accountServices: !sharesAccount,
    certificateArn: `arn:aws:acm:us-east-1:${c.stagingAccount}:certificate/66666666-7777-8888-9999-000000000000`,
    env: { account: c.stagingAccount, region: 'us-east-1' },
  });
  if (sharesAccount) staging.addStackDependency(prod);
}
app.synth();
console.log('SYNTH OK');
