import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { DataClass } from '../../baseline/data-class';
import { requiredForClass } from '../../pack/data-class-of';
import { ElectionRule } from '../../pack/election-rule';
import { identityEnforced, placedInVpc, SEARCH_DOMAIN_TYPES } from '../../pack/opensearch-domain';
import { TemplateResource } from '../../pack/template-model';

/** A search domain of voter PII is not an internet endpoint guarded by its access policy alone. */
export const OpenSearchVoterPiiPrivate: ElectionRule = {
  name: 'OpenSearchVoterPiiPrivate',
  level: NagMessageLevel.ERROR,
  info: 'The search domain holds voter PII and is neither placed in a VPC (VPCOptions.SubnetIds) nor behind fine-grained access control.',
  explanation:
    'A public endpoint guarded only by its access policy is one edit away from exposing voter rolls. Voter-pii domains ' +
    '(or unclassified) need VPCOptions with subnets, or AdvancedSecurityOptions Enabled without anonymous auth.',
  controls: ['NIST-800-53-r5:AC-3', 'NIST-800-53-r5:AC-4', 'NIST-800-53-r5:SC-7', 'CISA-CPG:2.W', 'CIS-v8:3.3'],
  resourceTypes: [...SEARCH_DOMAIN_TYPES],
  waivable: true,
  faultPath: () => 'Properties.VPCOptions',
  check: openSearchVoterPiiPrivate,
};

function openSearchVoterPiiPrivate(resource: TemplateResource): NagRuleCompliance {
  if (!requiredForClass(resource, [DataClass.VOTER_PII])) return NagRuleCompliance.NOT_APPLICABLE;
  return placedInVpc(resource) || identityEnforced(resource) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
