import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { literalBoolean } from '../../pack/intrinsics';
import { tagValue, TemplateResource, UNRESOLVED } from '../../pack/template-model';
import { ORGANIZATION_TRAIL_SCOPE, TRAIL_SCOPE_TAG } from '../../trail-scope';

/** A trail that says it records the organization records every account of it. */
export const CloudTrailOrganizationScope: ElectionRule = {
  name: 'CloudTrailOrganizationScope',
  level: NagMessageLevel.ERROR,
  info: `The trail is tagged ${TRAIL_SCOPE_TAG}=${ORGANIZATION_TRAIL_SCOPE} but is not an organization trail (IsOrganizationTrail true).`,
  explanation:
    'The state\'s organization trail records what happens in every county account, where a county admin cannot stop it ' +
    '(NIST AU-9(2)). Turned into an account trail, it records the management account alone and the counties go dark. A trail ' +
    `tagged ${TRAIL_SCOPE_TAG}=${ORGANIZATION_TRAIL_SCOPE} (OrganizationTrail tags it) must have IsOrganizationTrail true; ` +
    'a value or tag the template does not resolve fails. Other trails are not judged.',
  controls: ['NIST-800-53-r5:AU-2', 'NIST-800-53-r5:AU-12', 'NIST-800-53-r5:AU-9(2)', 'CISA-CPG:2.T', 'CIS-v8:8.2'],
  resourceTypes: ['AWS::CloudTrail::Trail'],
  waivable: false,
  check: cloudTrailOrganizationScope,
};

function cloudTrailOrganizationScope(resource: TemplateResource): NagRuleCompliance {
  const scope = tagValue(resource, TRAIL_SCOPE_TAG);
  if (scope === undefined) return NagRuleCompliance.NOT_APPLICABLE;
  if (scope === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  if (scope !== ORGANIZATION_TRAIL_SCOPE) return NagRuleCompliance.NOT_APPLICABLE;
  return literalBoolean(resource.properties.IsOrganizationTrail) === true ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
