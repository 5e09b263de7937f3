import { Stack, Token } from 'aws-cdk-lib';
import * as securityhub from 'aws-cdk-lib/aws-securityhub';
import { Construct } from 'constructs';
import { ValidationErrorCode } from '../lib/validation-error';
import { validationError } from './defaults/validate';
import { checkedOrganization, StatewideOrganization } from './statewide-organization';

/** Properties of an OrganizationSecurityDelegation. */
export interface OrganizationSecurityDelegationProps {
  /** The state's organization: its security-tooling account becomes delegated administrator. */
  readonly organization: StatewideOrganization;
}

/**
 * In the management account: makes the security-tooling account Security
 * Hub's delegated administrator (AWS::SecurityHub::DelegatedAdmin), so the
 * state SOC sees every county's findings from an account the counties cannot
 * administer (NIST SI-4, AC-5). GuardDuty has no CloudFormation type for
 * this: run `aws guardduty enable-organization-admin-account --admin-account-id <security tooling>`.
 */
export class OrganizationSecurityDelegation extends Construct {
  /** The Security Hub delegation. */
  public readonly securityHubDelegatedAdmin: securityhub.CfnDelegatedAdmin;

  constructor(scope: Construct, id: string, props: OrganizationSecurityDelegationProps) {
    super(scope, id);
    const org = checkedOrganization(this, props.organization);
    const account = Stack.of(this).account;
    if (!Token.isUnresolved(account) && account !== org.managementAccountId) {
      throw validationError(this, ValidationErrorCode.WRONG_PLACEMENT, 'organization.managementAccountId', `is '${org.managementAccountId}' but the stack's account is ${Stack.of(this).account}`,
        'put the delegation in a stack whose env is the management account');
    }
    this.securityHubDelegatedAdmin = new securityhub.CfnDelegatedAdmin(this, 'SecurityHubDelegatedAdmin', { adminAccountId: org.securityToolingAccountId });
  }
}
