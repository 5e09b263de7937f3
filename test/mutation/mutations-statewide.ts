import { CfnResource } from './construct-templates';
import type { Mutation } from './mutations';
import { Json, list, obj, props } from './template-edits';

/**
 * Weakenings of the organization-level resources (issue 14): the county
 * stack set and the SCP that narrows its execution role, the organization
 * trail, and Security Hub's aggregator and organization configuration.
 */

const autoDeployment = (r: CfnResource): Json => obj(props(r).AutoDeployment);
const scpStatements = (r: CfnResource): Json[] => list(obj(props(r).Content).Statement);
const isOrganizationTrail = (r: CfnResource) => props(r).IsOrganizationTrail === true;

export const STATEWIDE_MUTATIONS: readonly Mutation[] = [
  { name: 'stackset: auto-deployment off', type: 'AWS::CloudFormation::StackSet', edit: (r) => (autoDeployment(r).Enabled = false) },
  { name: 'stackset: stacks deleted when an account leaves', type: 'AWS::CloudFormation::StackSet', edit: (r) => (autoDeployment(r).RetainStacksOnAccountRemoval = false) },
  { name: 'stackset: auto-deployment removed', type: 'AWS::CloudFormation::StackSet', edit: (r) => delete props(r).AutoDeployment },
  {
    name: 'stackset: a county OU outside the guardrail',
    type: 'AWS::CloudFormation::StackSet',
    edit: (r) => {
      const targets = obj(list(props(r).StackInstancesGroup)[0].DeploymentTargets);
      targets.OrganizationalUnitIds = [...list(targets.OrganizationalUnitIds), 'ou-zz99-zzzzzzzz'];
    },
  },
  { name: 'stackset: SELF_MANAGED on the default execution role', type: 'AWS::CloudFormation::StackSet', edit: (r) => (props(r).PermissionModel = 'SELF_MANAGED') },
  { name: 'stackset: guardrail SCP deleted', type: 'AWS::Organizations::Policy', edit: (_, { template, logicalId }) => delete template.Resources[logicalId] },
  { name: 'stackset: guardrail SCP detached from the OUs', type: 'AWS::Organizations::Policy', edit: (r) => (props(r).TargetIds = ['ou-zz99-zzzzzzzz']) },
  { name: 'stackset: guardrail SCP keeps every service', type: 'AWS::Organizations::Policy', edit: (r) => (scpStatements(r)[0].NotAction = '*') },
  {
    name: 'stackset: guardrail SCP narrowed to one Region',
    type: 'AWS::Organizations::Policy',
    edit: (r) => (obj(scpStatements(r)[0].Condition).StringEquals = { 'aws:RequestedRegion': 'us-west-2' }),
  },

  { name: 'org trail: an account trail again', type: 'AWS::CloudTrail::Trail', applies: isOrganizationTrail, edit: (r) => (props(r).IsOrganizationTrail = false) },
  { name: 'org trail: single-Region', type: 'AWS::CloudTrail::Trail', applies: isOrganizationTrail, edit: (r) => (props(r).IsMultiRegionTrail = false) },
  { name: 'org trail: log file validation off', type: 'AWS::CloudTrail::Trail', applies: isOrganizationTrail, edit: (r) => (props(r).EnableLogFileValidation = false) },
  { name: 'org trail: KMS encryption removed', type: 'AWS::CloudTrail::Trail', applies: isOrganizationTrail, edit: (r) => delete props(r).KMSKeyId },
  { name: 'org trail: logging stopped', type: 'AWS::CloudTrail::Trail', applies: isOrganizationTrail, edit: (r) => (props(r).IsLogging = false) },
  { name: 'org trail: global service events excluded', type: 'AWS::CloudTrail::Trail', applies: isOrganizationTrail, edit: (r) => (props(r).IncludeGlobalServiceEvents = false) },

  { name: 'org security: aggregator on named Regions only', type: 'AWS::SecurityHub::FindingAggregator', edit: (r) => Object.assign(props(r), { RegionLinkingMode: 'SPECIFIED_REGIONS', Regions: ['us-west-2'] }) },
  { name: 'org security: aggregator skips a Region', type: 'AWS::SecurityHub::FindingAggregator', edit: (r) => Object.assign(props(r), { RegionLinkingMode: 'ALL_REGIONS_EXCEPT_SPECIFIED', Regions: ['ap-south-1'] }) },
  { name: 'org security: Security Hub delegated to the management account itself', type: 'AWS::SecurityHub::DelegatedAdmin', edit: (r) => (props(r).AdminAccountId = { Ref: 'AWS::AccountId' }) },
  { name: 'org security: Security Hub not auto-enabled', type: 'AWS::SecurityHub::OrganizationConfiguration', edit: (r) => (props(r).AutoEnable = false) },
  { name: 'org security: new accounts without default standards', type: 'AWS::SecurityHub::OrganizationConfiguration', edit: (r) => (props(r).AutoEnableStandards = 'NONE') },
];
