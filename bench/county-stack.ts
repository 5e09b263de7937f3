import { Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ElectionRecordsBucket } from '../constructs/election-records-bucket';
import { RegistrationPortal } from '../constructs/registration-portal';
import { ResultsReportingSite } from '../constructs/results-reporting-site';
import { SecureBucket } from '../constructs/secure-bucket';
import { DataClass } from '../lib/data-class';
import { RegistrationHandler } from '../bin/stacks/registration-portal-stack';

/**
 * One county of a generated statewide app: every construct a county runs
 * (records bucket, canvass working files, results site, registration portal
 * with staff sign-in), about 100 resources. In us-east-1 because the edge
 * constructs' CloudFront web ACLs must be; no account, so synth stays offline.
 */
export class CountyStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, { ...props, env: { region: 'us-east-1' } });
    new CountyConstructs(this, 'County');
  }
}

/** The constructs of one county. */
export class CountyConstructs extends Construct {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const records = new ElectionRecordsBucket(this, 'Records');
    new SecureBucket(this, 'Canvass', { dataClass: DataClass.OPERATIONAL, serverAccessLogsBucket: records.serverAccessLogsBucket });
    new ResultsReportingSite(this, 'Results');
    const handler = new RegistrationHandler(this, 'Handler');
    const portal = new RegistrationPortal(this, 'Portal', { handler: handler.function, staffSignIn: true });
    handler.function.addEnvironment('TABLE_NAME', portal.table.tableName);
  }
}
