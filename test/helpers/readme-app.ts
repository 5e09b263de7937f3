import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ElectionRecordsBucket } from '../../constructs/election-records-bucket';
import { SecureBucket } from '../../constructs/secure-bucket';
import { DataClass } from '../../lib/baseline/data-class';

/**
 * The README's first example in `stack`, plus one grant of the agency's own
 * (`cloudwatch:PutMetricData` on `*`, inline) for a test to waive: returns the
 * publisher role that holds it.
 */
export function readmeCountyResults(stack: Stack): iam.Role {
  const results = new ElectionRecordsBucket(stack, 'Results', { retention: Duration.days(730) });
  const intake = new SecureBucket(stack, 'RegistrationUploads', { dataClass: DataClass.VOTER_PII, serverAccessLogsBucket: results.serverAccessLogsBucket });
  const publisher = new iam.Role(stack, 'ResultsPublisher', { assumedBy: new iam.AccountPrincipal(stack.account) });
  results.grantWrite(publisher);
  intake.grantRead(publisher);
  publisher.addToPolicy(new iam.PolicyStatement({ actions: ['cloudwatch:PutMetricData'], resources: ['*'] }));
  return publisher;
}
