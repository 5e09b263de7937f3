import { Stack, StackProps } from 'aws-cdk-lib';
import * as securityhub from 'aws-cdk-lib/aws-securityhub';
import { Construct } from 'constructs';
import { subscribeAlertRecipients } from './defaults/alert-topic-defaults';
import { SecurityMonitoring } from './security-monitoring';
import { checkedOrganization, StatewideOrganization } from './statewide-organization';

/** Properties of a SecurityToolingAccountStack. */
export interface SecurityToolingAccountStackProps extends StackProps {
  /** The state's organization; the stack deploys to its security-tooling account and home Region (`env` is set from it). */
  readonly organization: StatewideOrganization;

  /**
   * The state SOC's email addresses, subscribed to the findings topic.
   * @default - none: subscribe the SOC through `socTopicArn` or later
   */
  readonly socEmails?: string[];

  /**
   * An SNS topic of the state SOC (or its MSSP) that also receives every HIGH
   * and CRITICAL finding. Its topic and key policies must let EventBridge of
   * this account publish.
   * @default - none
   */
  readonly socTopicArn?: string;
}

/**
 * The state's security-tooling account, delegated administrator of
 * GuardDuty and Security Hub for the organization: its own detector, hub and
 * standards (SecurityMonitoring); a Security Hub finding aggregator linking
 * every Region; an organization configuration that turns Security Hub on,
 * with its default standards, in every account that joins; and EventBridge
 * rules sending HIGH and CRITICAL findings of every county to the SOC topic
 * (NIST SI-4, IR-4, IR-6, CA-7; CISA CPG 2.T).
 *
 * CloudFormation cannot make this account GuardDuty's delegated
 * administrator nor turn on GuardDuty auto-enable: run
 * `aws guardduty enable-organization-admin-account` in the management account
 * and `aws guardduty update-organization-configuration --auto-enable-organization-members ALL`
 * here (see docs/statewide-rollout.md, "The state's own accounts").
 */
export class SecurityToolingAccountStack extends Stack {
  /** GuardDuty, Security Hub, AWS Config and the findings routes of this account. */
  public readonly monitoring: SecurityMonitoring;
  /** The aggregator that brings every Region's findings to the home Region. */
  public readonly findingAggregator: securityhub.CfnFindingAggregator;
  /** Security Hub's organization configuration: auto-enable with default standards. */
  public readonly organizationConfiguration: securityhub.CfnOrganizationConfiguration;

  constructor(scope: Construct, id: string, props: SecurityToolingAccountStackProps) {
    super(scope, id, { ...props, env: { account: props.organization.securityToolingAccountId, region: props.organization.homeRegion } });
    checkedOrganization(this, props.organization);
    this.monitoring = new SecurityMonitoring(this, 'Monitoring', { socTopicArn: props.socTopicArn });
    subscribeAlertRecipients(this, this.monitoring.alertTopic, props.socEmails);
    this.findingAggregator = new securityhub.CfnFindingAggregator(this, 'FindingAggregator', { regionLinkingMode: 'ALL_REGIONS' });
    this.organizationConfiguration = new securityhub.CfnOrganizationConfiguration(this, 'OrganizationConfiguration', {
      configurationType: 'LOCAL',
      autoEnable: true,
      autoEnableStandards: 'DEFAULT',
    });
    // Both need this account's hub, and the organization configuration the aggregator.
    if (this.monitoring.hub) {
      this.findingAggregator.node.addDependency(this.monitoring.hub);
      this.organizationConfiguration.node.addDependency(this.monitoring.hub);
    }
    this.organizationConfiguration.node.addDependency(this.findingAggregator);
  }
}
