import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { TemplateResource } from '../../pack/template-model';

/** Every user of the pool signs in with an authenticator app as second factor. */
export const CognitoMfaRequired: ElectionRule = {
  name: 'CognitoMfaRequired',
  level: NagMessageLevel.ERROR,
  info: 'The user pool does not require MFA with an authenticator app (MfaConfiguration ON and EnabledMfas with SOFTWARE_TOKEN_MFA).',
  explanation:
    'Staff passwords are phished and sprayed before every election; a password alone must not open the voter ' +
    'roll. Passes: MfaConfiguration ON with SOFTWARE_TOKEN_MFA (TOTP); SMS or email alone do not count.',
  rationale:
    'Nor must a stolen password alone open the results upload. OPTIONAL leaves MFA to each user; TOTP is ' +
    'listed in EnabledMfas. SMS and email codes may be enabled beside it; SIM swaps and mailbox takeovers ' +
    'defeat them. TOTP is the strongest factor Cognito offers as MFA; CISA CPG 2.H asks for ' +
    'phishing-resistant MFA, which in Cognito means passkeys (WebAuthn) as a sign-in factor, recommended on ' +
    'top.',
  controls: ['NIST-800-53-r5:IA-2', 'NIST-800-53-r5:IA-2(1)', 'NIST-800-53-r5:IA-2(2)', 'NIST-800-53-r5:IA-5', 'CISA-CPG:2.H', 'CIS-v8:6.3'],
  resourceTypes: ['AWS::Cognito::UserPool'],
  waivable: true,
  faultPath: mfaFaultPath,
  check: cognitoMfaRequired,
};

function cognitoMfaRequired(resource: TemplateResource): NagRuleCompliance {
  const { MfaConfiguration: mode, EnabledMfas: factors } = resource.properties;
  const totp = Array.isArray(factors) && factors.includes('SOFTWARE_TOKEN_MFA');
  return mode === 'ON' && totp ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

function mfaFaultPath(resource: TemplateResource): string {
  return resource.properties.MfaConfiguration !== 'ON' ? 'Properties.MfaConfiguration' : 'Properties.EnabledMfas';
}
