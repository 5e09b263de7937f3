import { App, Stack } from 'aws-cdk-lib';
import { CountyBaselineStack } from '../../constructs/county-baseline-stack';
import { CountyStackSet } from '../../constructs/county-stack-set';
import { LogArchiveAccountStack } from '../../constructs/log-archive-account-stack';
import { OrganizationSecurityDelegation } from '../../constructs/organization-security-delegation';
import { OrganizationTrail } from '../../constructs/organization-trail';
import { SecurityToolingAccountStack } from '../../constructs/security-tooling-account-stack';
import { StatewideOrganization } from '../../constructs/statewide-organization';

export const ORGANIZATION: StatewideOrganization = {
  organizationId: 'o-a1b2c3d4e5',
  managementAccountId: '111111111111',
  logArchiveAccountId: '222222222222',
  securityToolingAccountId: '333333333333',
  homeRegion: 'us-east-1',
};

export const COUNTY_OU = 'ou-ab12-cdef3456';

/** The statewide stacks of a small state: management, log archive, security tooling, and 3 counties on one stack set. */
export function buildStatewideApp(app: App, counties = 3) {
  const logArchive = new LogArchiveAccountStack(app, 'LogArchive', { organization: ORGANIZATION });
  const securityTooling = new SecurityToolingAccountStack(app, 'SecurityTooling', { organization: ORGANIZATION, socEmails: ['soc@state.example.gov'] });
  const countyTemplate = new CountyBaselineStack(app, 'CountyBaseline');
  const management = new Stack(app, 'Management', { env: { account: ORGANIZATION.managementAccountId, region: ORGANIZATION.homeRegion } });
  const trail = new OrganizationTrail(management, 'OrganizationTrail', { organization: ORGANIZATION });
  new OrganizationSecurityDelegation(management, 'SecurityDelegation', { organization: ORGANIZATION });
  const stackSet = new CountyStackSet(management, 'Counties', {
    template: countyTemplate,
    organizationalUnitIds: [COUNTY_OU],
    regions: [ORGANIZATION.homeRegion],
    defaultAlertEmail: 'soc@state.example.gov',
    counties: Array.from({ length: counties }, (_, i) => ({
      accountId: String(444444444400 + i),
      countyName: `County ${i + 1}`,
      alertEmail: `it@county${i + 1}.example.gov`,
      recordsRetentionDays: 730 + i,
    })),
  });
  return { logArchive, securityTooling, countyTemplate, management, trail, stackSet };
}
