import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { isIntrinsic, isObject } from '../../baseline/intrinsics';
import { StackTemplate, TemplateResource } from '../../pack/template-model';
import { variablesExposeSecret } from '../../baseline/plaintext-secrets';

/** Functions fetch secrets at run time; their environment never holds one. */
export const LambdaNoPlaintextSecrets: ElectionRule = {
  name: 'LambdaNoPlaintextSecrets',
  level: NagMessageLevel.ERROR,
  info:
    'A Lambda environment variable holds a secret: a password, token or key written in the template or resolved ' +
    'into it, an AWS access key id or a private key.',
  explanation:
    'Environment variables are shown in the clear to anyone who can read the function. Passes: no secret-named ' +
    "literal, access key, private key or secret dynamic reference; pass the secret's ARN instead.",
  rationale:
    'Readers of the configuration include lambda:GetFunction, the console, the template and its ' +
    'CloudFormation history, so a database password or API token there reaches every developer, auditor and ' +
    'intruder who can read the account, and the voter data behind it with them. A variable whose name says it ' +
    'holds a secret (PASSWORD, SECRET, TOKEN, API_KEY, PRIVATE_KEY, ACCESS_KEY, CREDENTIAL) fails when its ' +
    'value is written in the template, comes from a parameter or an import, or is an access key secret; a ' +
    'name that points at a secret (SECRET_ARN, TOKEN_TABLE_NAME) does not. Any value that holds an AWS access ' +
    'key id, a PEM private key, or a {{resolve:secretsmanager}} or {{resolve:ssm-secure}} dynamic reference ' +
    'fails whatever its name: CloudFormation resolves the reference and stores the secret in the function ' +
    'configuration in the clear. Read the secret at run time from its ARN (the Parameters and Secrets Lambda ' +
    'extension caches it). An Environment the template does not resolve fails. Waive it only for a value that ' +
    'is named like a secret but is not one (a public key, a token endpoint), saying what it is.',
  controls: ['NIST-800-53-r5:IA-5(7)', 'NIST-800-53-r5:IA-5', 'NIST-800-53-r5:SC-28', 'CISA-CPG:2.L', 'CIS-v8:3.11'],
  resourceTypes: ['AWS::Lambda::Function'],
  waivable: true,
  faultPath: plaintextSecretFaultPath,
  check: lambdaNoPlaintextSecrets,
};

function lambdaNoPlaintextSecrets(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const environment = resource.properties.Environment;
  if (environment === undefined) return NagRuleCompliance.COMPLIANT;
  if (!isObject(environment) || isIntrinsic(environment)) return NagRuleCompliance.NON_COMPLIANT;
  return variablesExposeSecret(environment.Variables, template) ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
}

function plaintextSecretFaultPath(resource: TemplateResource): string {
  const environment = resource.properties.Environment;
  return isObject(environment) && !isIntrinsic(environment) ? 'Properties.Environment.Variables' : 'Properties.Environment';
}
