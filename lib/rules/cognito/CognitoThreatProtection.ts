import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { at } from '../../baseline/intrinsics';
import { TemplateResource } from '../../pack/template-model';

/** The pool blocks sign-ins from compromised credentials and risky sources. */
export const CognitoThreatProtection: ElectionRule = {
  name: 'CognitoThreatProtection',
  level: NagMessageLevel.ERROR,
  info: 'The user pool does not enforce threat protection (UserPoolAddOns.AdvancedSecurityMode is not ENFORCED).',
  explanation:
    'Credential stuffing and password spraying run for weeks before an election; AUDIT mode only records them. ' +
    'Passes: AdvancedSecurityMode ENFORCED, on the Plus feature plan.',
  rationale:
    'They target staff and voter accounts alike. Cognito threat protection in ENFORCED mode blocks sign-ins ' +
    'with credentials found in breaches and challenges or blocks risky sign-ins. The setting is ' +
    'UserPoolAddOns.AdvancedSecurityMode; a pool whose UserPoolTier is LITE or ESSENTIALS fails.',
  controls: ['NIST-800-53-r5:AC-7', 'NIST-800-53-r5:IA-5', 'NIST-800-53-r5:SI-4', 'CISA-CPG:2.G'],
  resourceTypes: ['AWS::Cognito::UserPool'],
  waivable: true,
  faultPath: threatProtectionFaultPath,
  check: cognitoThreatProtection,
};

function cognitoThreatProtection(resource: TemplateResource): NagRuleCompliance {
  const tier = resource.properties.UserPoolTier;
  if (tier === 'LITE' || tier === 'ESSENTIALS') return NagRuleCompliance.NON_COMPLIANT;
  return at(resource.properties, 'UserPoolAddOns', 'AdvancedSecurityMode') === 'ENFORCED'
    ? NagRuleCompliance.COMPLIANT
    : NagRuleCompliance.NON_COMPLIANT;
}

function threatProtectionFaultPath(resource: TemplateResource): string {
  const tier = resource.properties.UserPoolTier;
  return tier === 'LITE' || tier === 'ESSENTIALS' ? 'Properties.UserPoolTier' : 'Properties.UserPoolAddOns.AdvancedSecurityMode';
}
