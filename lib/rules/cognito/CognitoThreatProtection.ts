import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { at } from '../../pack/intrinsics';
import { TemplateResource } from '../../pack/template-model';

/** The pool blocks sign-ins from compromised credentials and risky sources. */
export const CognitoThreatProtection: ElectionRule = {
  name: 'CognitoThreatProtection',
  level: NagMessageLevel.ERROR,
  info: 'The user pool does not enforce threat protection (UserPoolAddOns.AdvancedSecurityMode is not ENFORCED).',
  explanation:
    'Credential stuffing and password spraying against election staff and voter accounts run for weeks before an ' +
    'election. Cognito threat protection in ENFORCED mode blocks sign-ins with credentials found in breaches and ' +
    'challenges or blocks risky sign-ins; AUDIT only records them. UserPoolAddOns.AdvancedSecurityMode must be ' +
    'ENFORCED. It needs the Plus feature plan: a pool whose UserPoolTier is LITE or ESSENTIALS fails.',
  controls: ['NIST-800-53-r5:AC-7', 'NIST-800-53-r5:IA-5', 'NIST-800-53-r5:SI-4', 'CISA-CPG:2.G'],
  resourceTypes: ['AWS::Cognito::UserPool'],
  waivable: true,
  check: cognitoThreatProtection,
};

function cognitoThreatProtection(resource: TemplateResource): NagRuleCompliance {
  const tier = resource.properties.UserPoolTier;
  if (tier === 'LITE' || tier === 'ESSENTIALS') return NagRuleCompliance.NON_COMPLIANT;
  return at(resource.properties, 'UserPoolAddOns', 'AdvancedSecurityMode') === 'ENFORCED'
    ? NagRuleCompliance.COMPLIANT
    : NagRuleCompliance.NON_COMPLIANT;
}
