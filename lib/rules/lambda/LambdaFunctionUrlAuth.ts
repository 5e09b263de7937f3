import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { TemplateResource } from '../../pack/template-model';

/** Function URLs require SigV4 (IAM) authentication. */
export const LambdaFunctionUrlAuth: ElectionRule = {
  name: 'LambdaFunctionUrlAuth',
  level: NagMessageLevel.ERROR,
  info: 'The Lambda function URL does not require IAM authentication (AuthType is not AWS_IAM).',
  explanation:
    'A function URL with AuthType NONE is a public HTTPS endpoint with no WAF, no throttling and no access log in ' +
    'front of it: a registration or results function exposed that way can be scraped (CISA AA20-304A) or flooded ' +
    'on election night without any edge protection. AuthType AWS_IAM admits only signed requests, such as ' +
    'CloudFront with an Origin Access Control of type lambda, so the edge protections stay in the path.',
  controls: ['NIST-800-53-r5:AC-3', 'NIST-800-53-r5:IA-2', 'NIST-800-53-r5:SC-7', 'CISA-CPG:2.W', 'CIS-v8:3.3'],
  resourceTypes: ['AWS::Lambda::Url'],
  waivable: true,
  check: (resource: TemplateResource) =>
    resource.properties.AuthType === 'AWS_IAM' ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT,
};
