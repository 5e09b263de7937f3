import { Annotations } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as shield from 'aws-cdk-lib/aws-shield';
import { Construct } from 'constructs';
import { HardenedStaticSite, HardenedStaticSiteProps } from './hardened-static-site';
import { ElectionWebAcl, WebAclPreset } from './election-web-acl';

/** Properties of a ResultsReportingSite. All are optional: `new ResultsReportingSite(this, 'Results')` is a complete site. */
export interface ResultsReportingSiteProps extends HardenedStaticSiteProps {
  /**
   * Protect the distribution with AWS Shield Advanced: DDoS response team support,
   * cost protection for scaling during an attack, and layer-7 mitigation. State
   * election sites were taken down by DDoS on election day in 2022. Needs an active
   * Shield Advanced subscription in the account (a yearly commitment), and it learns a
   * traffic baseline: turn it on at least 30 days before election day. Shield Standard
   * protects every CloudFront distribution in any case.
   * @default false
   */
  readonly shieldAdvanced?: boolean;
}

/**
 * The public election-night results site: a HardenedStaticSite with the
 * `results` WAF preset (rate limit 3000 per IP per 5 minutes, IP reputation,
 * common exploits), a 30-second edge cache that cannot be turned off, a failover
 * origin, and optionally Shield Advanced. Answers results sites falling over on
 * election night and the election-day DDoS on state sites (2022).
 */
export class ResultsReportingSite extends Construct {
  /** The static site underneath. */
  public readonly site: HardenedStaticSite;
  /** The web ACL in front of the site. */
  public readonly webAcl: ElectionWebAcl;
  /** The distribution. */
  public readonly distribution: cloudfront.Distribution;
  /** The primary content bucket. */
  public readonly bucket: s3.Bucket;
  /** The Shield Advanced protection, when `shieldAdvanced` is true. */
  public readonly shieldProtection?: shield.CfnProtection;

  constructor(scope: Construct, id: string, props: ResultsReportingSiteProps = {}) {
    super(scope, id);
    const { shieldAdvanced, ...siteProps } = props;
    this.site = new HardenedStaticSite(this, 'Site', {
      ...siteProps,
      preset: siteProps.webAcl ? siteProps.preset : siteProps.preset ?? WebAclPreset.RESULTS,
    });
    this.webAcl = this.site.webAcl;
    this.distribution = this.site.distribution;
    this.bucket = this.site.bucket;

    if (shieldAdvanced) {
      this.shieldProtection = new shield.CfnProtection(this, 'ShieldAdvanced', {
        name: `Election results ${this.node.path}`.slice(0, 128),
        resourceArn: this.distribution.distributionArn,
      });
      Annotations.of(this).addWarningV2('cdk-election-baseline:shieldAdvancedBaseline',
        'Shield Advanced needs an active subscription and learns a traffic baseline: deploy this at least 30 days before election day, ' +
        'and add health-based detection (Route 53 health check) and proactive engagement with the Shield Response Team.');
    }
  }

  /** Lets `grantee` publish results pages: put objects into the content and failover buckets, nothing else. */
  public grantPublish(grantee: iam.IGrantable): iam.Grant {
    return this.site.grantPublish(grantee);
  }
}
