import { App, Lazy, Stack } from 'aws-cdk-lib';
import * as securityhub from 'aws-cdk-lib/aws-securityhub';
import { Construct } from 'constructs';
import { CountyBaselineStack } from '../../constructs/county-baseline-stack';
import { CountyStackSet } from '../../constructs/county-stack-set';
import { OrganizationSecurityDelegation } from '../../constructs/organization-security-delegation';
import { OrganizationTrail } from '../../constructs/organization-trail';
import { StatewideOrganization } from '../../constructs/statewide-organization';

const ORGANIZATION: StatewideOrganization = {
  organizationId: 'o-a1b2c3d4e5',
  managementAccountId: '111111111111',
  logArchiveAccountId: '222222222222',
  securityToolingAccountId: '333333333333',
  homeRegion: 'us-east-1',
};

/**
 * The organization-level resources of a state in one template, for the
 * mutation suite: the county stack set with its guardrail SCP, the
 * organization trail and the Security Hub delegation (management account),
 * and the finding aggregator and organization configuration that
 * SecurityToolingAccountStack makes (written here as the same L1s, since
 * that stack has an account of its own).
 */
export function secureStatewide(stack: Stack): Construct {
  const scope = new Construct(stack, 'Statewide');
  const template = new CountyBaselineStack(stack.node.root as App, `${stack.stackName}CountyTemplate`);
  const counties = new CountyStackSet(scope, 'Counties', {
    template,
    organizationalUnitIds: ['ou-ab12-cdef3456'],
    regions: ['us-east-1'],
    defaultAlertEmail: 'soc@state.example.gov',
    counties: [{ accountId: '444444444444', countyName: 'Adams' }],
  });
  // The suite audits this one template file, without the cloud assembly's assets: the county template goes inline
  // (TemplateBody) so the audit can still check what each county gets. The construct itself writes a TemplateURL.
  counties.stackSet.templateUrl = undefined;
  counties.stackSet.templateBody = Lazy.string({ produce: () => JSON.stringify((template as unknown as { _toCloudFormation(): object })._toCloudFormation()) });
  const trail = new OrganizationTrail(scope, 'OrganizationTrail', { organization: ORGANIZATION });
  // The construct's own waiver, as an app's synth with writeSuppressionsToCloudFormation writes it into the template.
  trail.trail.addMetadata('cdk_nag', {
    rules_to_suppress: [{ id: 'ElectionBaseline-CloudTrailWormBucket', reason: `The organization trail delivers to ${trail.archiveBucketName}, a LogArchiveBucket of the log-archive account.` }],
  });
  new OrganizationSecurityDelegation(scope, 'Delegation', { organization: ORGANIZATION });
  new securityhub.CfnFindingAggregator(scope, 'FindingAggregator', { regionLinkingMode: 'ALL_REGIONS' });
  new securityhub.CfnOrganizationConfiguration(scope, 'OrganizationConfiguration', { configurationType: 'LOCAL', autoEnable: true, autoEnableStandards: 'DEFAULT' });
  return scope;
}
