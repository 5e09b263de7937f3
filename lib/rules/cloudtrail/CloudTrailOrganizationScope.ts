import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { literalBoolean } from '../../baseline/intrinsics';
import { tagValue, TemplateResource, UNRESOLVED } from '../../pack/template-model';
import { ORGANIZATION_TRAIL_SCOPE, TRAIL_SCOPE_TAG } from '../../baseline/trail-scope';

/** A trail that says it records the organization records every account of it. */
export const CloudTrailOrganizationScope: ElectionRule = {
  name: 'CloudTrailOrganizationScope',
  level: NagMessageLevel.ERROR,
  info: `The trail is tagged ${TRAIL_SCOPE_TAG}=${ORGANIZATION_TRAIL_SCOPE} but is not an organization trail (IsOrganizationTrail true).`,
  explanation:
    'Turned into an account trail, the organization trail stops recording the county accounts. Passes: a trail ' +
    `tagged ${TRAIL_SCOPE_TAG}=${ORGANIZATION_TRAIL_SCOPE} has IsOrganizationTrail true.`,
  rationale:
    "The state's organization trail records what happens in every county account, where a county admin cannot " +
    'stop it (NIST AU-9(2)). As an account trail it would record the management account alone. ' +
    'OrganizationTrail tags its trail election:trail-scope=organization; a value or tag the template does not ' +
    'resolve fails. Other trails are not judged.',
  controls: ['NIST-800-53-r5:AU-2', 'NIST-800-53-r5:AU-12', 'NIST-800-53-r5:AU-9(2)', 'CISA-CPG:2.T', 'CIS-v8:8.2'],
  resourceTypes: ['AWS::CloudTrail::Trail'],
  waivable: false,
  faultPath: organizationScopeFaultPath,
  check: cloudTrailOrganizationScope,
};

function cloudTrailOrganizationScope(resource: TemplateResource): NagRuleCompliance {
  const scope = tagValue(resource, TRAIL_SCOPE_TAG);
  if (scope === undefined) return NagRuleCompliance.NOT_APPLICABLE;
  if (scope === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  if (scope !== ORGANIZATION_TRAIL_SCOPE) return NagRuleCompliance.NOT_APPLICABLE;
  return literalBoolean(resource.properties.IsOrganizationTrail) === true ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

function organizationScopeFaultPath(resource: TemplateResource): string {
  return tagValue(resource, TRAIL_SCOPE_TAG) === UNRESOLVED ? 'Properties.Tags' : 'Properties.IsOrganizationTrail';
}
