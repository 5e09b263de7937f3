import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { TemplateResource } from '../../pack/template-model';

/** Function URLs require SigV4 (IAM) authentication. */
export const LambdaFunctionUrlAuth: ElectionRule = {
  name: 'LambdaFunctionUrlAuth',
  level: NagMessageLevel.ERROR,
  info: 'The Lambda function URL does not require IAM authentication (AuthType is not AWS_IAM).',
  explanation:
    'A function URL with AuthType NONE is a public endpoint with no WAF, throttling or access log in front of ' +
    'it. Passes: AuthType AWS_IAM, so only signed callers such as CloudFront with an OAC reach it.',
  rationale:
    'A registration or results function exposed that way can be scraped (CISA AA20-304A) or flooded on ' +
    'election night. The Origin Access Control must be of type lambda; the edge protections then stay in the ' +
    'path.',
  controls: ['NIST-800-53-r5:AC-3', 'NIST-800-53-r5:IA-2', 'NIST-800-53-r5:SC-7', 'CISA-CPG:2.W', 'CIS-v8:3.3'],
  resourceTypes: ['AWS::Lambda::Url'],
  waivable: true,
  faultPath: () => 'Properties.AuthType',
  check: (resource: TemplateResource) =>
    resource.properties.AuthType === 'AWS_IAM' ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT,
};
