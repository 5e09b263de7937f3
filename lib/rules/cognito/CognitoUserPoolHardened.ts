import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { at, literalBoolean, literalNumber } from '../../baseline/intrinsics';
import { TemplateResource } from '../../pack/template-model';

/** Passwords of at least 15 characters (NIST SP 800-63B-4 for a password used alone). */
export const MIN_PASSWORD_LENGTH = 15;
/** The shortest password accepted when upper, lower, digit and symbol are all required. */
export const MIN_COMPLEX_PASSWORD_LENGTH = 12;

/** Staff accounts are created by administrators, guarded by long passwords, and the pool cannot be deleted by one call. */
export const CognitoUserPoolHardened: ElectionRule = {
  name: 'CognitoUserPoolHardened',
  level: NagMessageLevel.ERROR,
  info:
    'The user pool allows self sign-up, lacks deletion protection, or accepts passwords shorter than ' +
    `${MIN_PASSWORD_LENGTH} characters (${MIN_COMPLEX_PASSWORD_LENGTH} with upper, lower, digit and symbol required).`,
  explanation:
    'A staff pool opens the voter roll; self sign-up, deletion or a weak password lose it. Passes: admin-only ' +
    `sign-up, DeletionProtection ACTIVE, MinimumLength ${MIN_PASSWORD_LENGTH} (${MIN_COMPLEX_PASSWORD_LENGTH} ` +
    'with all four classes).',
  rationale:
    'It opens the results upload too. Self sign-up (AllowAdminCreateUserOnly not true) lets anyone on the ' +
    'internet create an account in it. DeletionProtection ACTIVE keeps a stolen admin session or a ransomware ' +
    'crew from deleting every staff identity in one call before an election. NIST SP 800-63B-4 sets 15 ' +
    'characters as the minimum for a password that may be the only factor (account recovery, MFA reset) and ' +
    'prefers length to composition rules; 12 is allowed when RequireUppercase, RequireLowercase, ' +
    'RequireNumbers and RequireSymbols are all true (the CIS and agency policies many election offices are ' +
    'audited against). Every value must be a literal. Waive it only for a public-facing pool whose users sign ' +
    'themselves up, naming what it protects.',
  controls: ['NIST-800-53-r5:IA-5', 'NIST-800-53-r5:AC-3', 'NIST-800-53-r5:CP-10', 'CISA-CPG:2.E', 'CISA-CPG:2.B', 'CIS-v8:5.2', 'CIS-v8:6.1'],
  resourceTypes: ['AWS::Cognito::UserPool'],
  waivable: true,
  faultPath: hardenedPoolFaultPath,
  check: cognitoUserPoolHardened,
};

const COMPLEXITY = ['RequireUppercase', 'RequireLowercase', 'RequireNumbers', 'RequireSymbols'];

function cognitoUserPoolHardened(resource: TemplateResource): NagRuleCompliance {
  const props = resource.properties;
  if (props.DeletionProtection !== 'ACTIVE') return NagRuleCompliance.NON_COMPLIANT;
  if (literalBoolean(at(props, 'AdminCreateUserConfig', 'AllowAdminCreateUserOnly')) !== true) return NagRuleCompliance.NON_COMPLIANT;
  const policy = at(props, 'Policies', 'PasswordPolicy');
  const length = literalNumber(at(policy, 'MinimumLength'));
  if (length === undefined) return NagRuleCompliance.NON_COMPLIANT;
  const complex = COMPLEXITY.every((flag) => literalBoolean(at(policy, flag)) === true);
  return length >= MIN_PASSWORD_LENGTH || (complex && length >= MIN_COMPLEX_PASSWORD_LENGTH)
    ? NagRuleCompliance.COMPLIANT
    : NagRuleCompliance.NON_COMPLIANT;
}

function hardenedPoolFaultPath(resource: TemplateResource): string {
  const props = resource.properties;
  if (props.DeletionProtection !== 'ACTIVE') return 'Properties.DeletionProtection';
  if (literalBoolean(at(props, 'AdminCreateUserConfig', 'AllowAdminCreateUserOnly')) !== true) return 'Properties.AdminCreateUserConfig.AllowAdminCreateUserOnly';
  return 'Properties.Policies.PasswordPolicy';
}
