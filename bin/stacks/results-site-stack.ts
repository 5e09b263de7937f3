import { Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ResultsReportingSite } from '../../constructs/results-reporting-site';

/**
 * The public election-night results site, in us-east-1 because its CloudFront
 * web ACL, WAF logs and access log delivery can only live there.
 */
export class ResultsSiteStack extends Stack {
  /** The results site, with every default. */
  public readonly site: ResultsReportingSite;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    this.site = new ResultsReportingSite(this, 'ResultsSite');
  }
}
