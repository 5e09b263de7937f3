import { Stack, StackProps } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { ElectionAuditTrail } from '../constructs/election-audit-trail';
import { ElectionFunction } from '../constructs/election-function';
import { ElectionRecordsBucket } from '../constructs/election-records-bucket';
import { LogArchiveBucket } from '../constructs/log-archive-bucket';
import { RegistrationPortal } from '../constructs/registration-portal';
import { ResultsReportingSite } from '../constructs/results-reporting-site';
import { SecureBucket } from '../constructs/secure-bucket';
import { SecurityAlarms } from '../constructs/security-alarms';
import { SecurityMonitoring } from '../constructs/security-monitoring';
import { DataClass } from '../lib/baseline/data-class';

/**
 * One county of a generated statewide app, standing for one county account:
 * every construct the library ships (records bucket, canvass working files,
 * results site, registration portal with staff sign-in, log archive, audit
 * trail, alarms and security monitoring). In us-east-1 because the edge
 * constructs' CloudFront web ACLs must be; no account, so synth stays offline.
 */
export class CountyStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, { ...props, env: { region: 'us-east-1' } });
    new CountyConstructs(this, 'County');
  }
}

/** The constructs of one county: one of each the library ships, wired as an agency would. */
export class CountyConstructs extends Construct {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const records = new ElectionRecordsBucket(this, 'Records');
    new SecureBucket(this, 'Canvass', { dataClass: DataClass.OPERATIONAL, serverAccessLogsBucket: records.serverAccessLogsBucket });
    new ResultsReportingSite(this, 'Results');
    const handler = new ElectionFunction(this, 'Handler', {
      code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 201, body: "{}" });'),
      handler: 'index.handler',
    });
    new RegistrationPortal(this, 'Portal', { handler: handler.function, staffSignIn: true });
    // The account's baseline (GuardDuty, Security Hub and Config are one per account and Region).
    const archive = new LogArchiveBucket(this, 'LogArchive');
    const trail = new ElectionAuditTrail(this, 'AuditTrail', { archive, recordsBuckets: [records.bucket] });
    const alarms = new SecurityAlarms(this, 'Alarms', { trail, recordsBuckets: [records.bucket] });
    new SecurityMonitoring(this, 'Monitoring', { archive, alertTopic: alarms.topic });
  }
}
