import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { isIntrinsic, isObject } from '../../baseline/intrinsics';
import { StackTemplate, TemplateResource } from '../../pack/template-model';
import { variablesExposeSecret } from '../../baseline/plaintext-secrets';

/** Stage variables are configuration, not a secret store. */
export const ApiGatewayStageNoPlaintextSecrets: ElectionRule = {
  name: 'ApiGatewayStageNoPlaintextSecrets',
  level: NagMessageLevel.ERROR,
  info:
    'An API Gateway stage variable holds a secret: a password, token or key written in the template or resolved ' +
    'into it, an AWS access key id or a private key.',
  explanation:
    'A secret in a stage variable is readable by anyone who can read the API configuration. Passes: no ' +
    'secret-named literal, access key, private key or secret dynamic reference in stage variables.',
  rationale:
    'Stage variables are returned in the clear by apigateway:GET on the stage, shown in the console, written ' +
    'in the template and its CloudFormation history, and can be echoed into access logs with $stageVariables; ' +
    'a database password kept there (dbPassword: "hunter2") opens the voter data behind the registration API. ' +
    'The test is the one for Lambda environment variables: a variable named like a secret (password, secret, ' +
    'token, apiKey, privateKey, accessKey, credential) with a value written in the template or taken from a ' +
    'parameter or an import, or any value holding an access key id, a private key, or a ' +
    '{{resolve:secretsmanager}} or {{resolve:ssm-secure}} dynamic reference. Keep the secret in Secrets ' +
    'Manager and let the backend read it with its own role. Stage variables the template does not resolve ' +
    'fail; the stage a deployment creates (StageDescription) is judged the same way. Waive it only for a ' +
    'value that is named like a secret but is not one, saying what it is.',
  controls: ['NIST-800-53-r5:IA-5(7)', 'NIST-800-53-r5:IA-5', 'NIST-800-53-r5:SC-28', 'CISA-CPG:2.L', 'CIS-v8:3.11'],
  resourceTypes: ['AWS::ApiGateway::Stage', 'AWS::ApiGateway::Deployment'],
  waivable: true,
  faultPath: (resource) => (resource.type === 'AWS::ApiGateway::Deployment' ? 'Properties.StageDescription.Variables' : 'Properties.Variables'),
  check: apiGatewayStageNoPlaintextSecrets,
};

function apiGatewayStageNoPlaintextSecrets(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  let variables = resource.properties.Variables;
  if (resource.type === 'AWS::ApiGateway::Deployment') {
    const stage = resource.properties.StageDescription;
    if (stage === undefined) return NagRuleCompliance.NOT_APPLICABLE;
    if (!isObject(stage) || isIntrinsic(stage)) return NagRuleCompliance.NON_COMPLIANT;
    variables = stage.Variables;
  }
  return variablesExposeSecret(variables, template) ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
}
