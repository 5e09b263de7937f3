import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';

/**
 * The Cognito baseline on one screen, for staff who review registrations:
 * each setting names the threat it answers.
 */
export function staffUserPoolProps(): cognito.UserPoolProps {
  return {
    // Staff accounts are created by an administrator; nobody signs themselves up to see voter PII (NIST AC-2).
    selfSignUpEnabled: false,
    signInAliases: { email: true },
    signInCaseSensitive: false,
    // Phished or reused passwords are not enough: TOTP apps only, never SMS, which SIM swaps defeat (NIST IA-2(1), CISA CPG 2.H).
    mfa: cognito.Mfa.REQUIRED,
    mfaSecondFactor: { otp: true, sms: false },
    passwordPolicy: {
      minLength: 14,
      requireLowercase: true,
      requireUppercase: true,
      requireDigits: true,
      requireSymbols: true,
      tempPasswordValidity: Duration.days(1),
      passwordHistorySize: 24,
    },
    // A recovery code by SMS would bypass TOTP; verified email only (NIST IA-5).
    accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
    keepOriginal: { email: true },
    // Threat protection blocks sign-ins from compromised credentials and risky IPs (CISA AA20-304A; NIST SI-4).
    featurePlan: cognito.FeaturePlan.PLUS,
    standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
    // The pool holds staff identities and MFA secrets: no delete by console click or stack delete (NIST CP-9).
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
  };
}
